/// How one question is graded, as data: the single description that both graders apply.
///
/// Each quiz kind turns its computed answer into a spec; `lessonbuild grade` applies it with
/// `grade(_:)` below, and the page embeds it (in `quiz-data`) for the small interpreter in
/// `QuizScript.grading`, which implements exactly these steps. A new kind that reads its response
/// as one of the `Read` shapes needs no new grading code on either side.
///
/// Grading a response:
/// 1. blank (after trimming) → `unanswered`;
/// 2. read it as `read` says, or → `invalid` (not counted as correct):
///    - `number`: `NumericResponse.parse` (`84.7%`, `0,847`, `abc` are unreadable);
///    - `option`: 1 to 9 ASCII digits naming an option `1…options` (`7` of 3 is unreadable);
///    - `text`: any text, compared after `QuizText.fold`;
///    - `rows`: rows separated by `;`, cells by spaces or tabs, each a `number`; exactly
///      `rows` × `columns` cells;
///    - `cell`: two whole numbers `ROW, COL` (0-based, 1 to 9 ASCII digits each, spaces allowed
///      around them), bare or inside `( )` or `[ ]`, with `ROW < rows` and `COL < columns`
///      (`(1, 1)`, `[1, 1]`, `1,1`; `(2, 0)` of a 2 x 2 grid and `(1; 1)` are unreadable);
/// 3. compare cell `i` with `expected[i]`: numbers right when `|r − a| ≤ t + 1e-12 · max(|a|, |r|)`
///    with `t = tolerance[i]`; options, cell coordinates and folded text when equal;
/// 4. every cell right → `correct` (credit 1); otherwise with `partial` → credit = right cells / cells
///    (`partial` when above 0); otherwise `incorrect` (credit 0).
public struct GradingSpec: Sendable, Equatable, Codable {
    public enum Read: String, Sendable, Codable { case number, option, text, rows, cell }

    public var read: Read
    /// The right cells as text: numbers (`QuizNumber.text`), an option number, or the text answer.
    public var expected: [String]
    /// Per cell, for `number` and `rows`.
    public var tolerance: [String]?
    /// For `option`: how many options there are.
    public var options: Int?
    /// For `rows` and `cell`: the shape.
    public var rows: Int?
    public var columns: Int?
    /// Whether a fraction of right cells earns that fraction of the credit.
    public var partial: Bool

    public init(read: Read, expected: [String], tolerance: [String]? = nil, options: Int? = nil,
                rows: Int? = nil, columns: Int? = nil, partial: Bool = false) {
        self.read = read
        self.expected = expected
        self.tolerance = tolerance
        self.options = options
        self.rows = rows
        self.columns = columns
        self.partial = partial
    }

    enum CodingKeys: String, CodingKey { case read, expected, tolerance, options, rows, columns, partial }

    /// `partial` may be left out (false).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(read: try c.decode(Read.self, forKey: .read), expected: try c.decode([String].self, forKey: .expected),
                  tolerance: try c.decodeIfPresent([String].self, forKey: .tolerance),
                  options: try c.decodeIfPresent(Int.self, forKey: .options), rows: try c.decodeIfPresent(Int.self, forKey: .rows),
                  columns: try c.decodeIfPresent(Int.self, forKey: .columns),
                  partial: try c.decodeIfPresent(Bool.self, forKey: .partial) ?? false)
    }

    /// The outcome of grading one response.
    public struct Outcome: Sendable, Equatable {
        public var verdict: Grader.Verdict
        /// 0…1; 1 only for `correct`.
        public var credit: Double
        /// Why a response is `invalid` ("`84.7%` is not a number"); nil otherwise.
        public var reason: String?
    }

    public func grade(_ response: String?) -> Outcome {
        guard let response, !QuizText.trim(response).isEmpty else { return Outcome(verdict: .unanswered, credit: 0) }
        let given: [String]
        switch readCells(QuizText.trim(response)) {
        case let .success(cells): given = cells
        case let .failure(problem): return Outcome(verdict: .invalid, credit: 0, reason: problem.message)
        }
        var right = 0
        for (i, cell) in given.enumerated() where i < expected.count && matches(cell, i) { right += 1 }
        if right == expected.count { return Outcome(verdict: .correct, credit: 1) }
        if partial, right > 0 { return Outcome(verdict: .partial, credit: Double(right) / Double(expected.count)) }
        return Outcome(verdict: .incorrect, credit: 0)
    }

    struct Unreadable: Error { var message: String }

    /// The response's cells as text, canonical for comparison (numbers as text that `Double` reads).
    func readCells(_ response: String) -> Result<[String], Unreadable> {
        let quoted = "`" + (response.count > 40 ? String(response.prefix(40)) + "…" : response) + "`"
        switch read {
        case .number:
            guard let r = NumericResponse.parse(response) else { return .failure(Unreadable(message: "\(quoted) is not a number")) }
            return .success([String(r)])
        case .option:
            let count = options ?? 0
            guard response.count <= 9, response.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(response),
                  (1...max(count, 1)).contains(n) else {
                return .failure(Unreadable(message: "\(quoted) is not an option number from 1 to \(count)"))
            }
            return .success([String(n)])
        case .text:
            return .success([QuizText.fold(response)])
        case .rows:
            let r = rows ?? 0, c = columns ?? 0
            let lines = response.split(separator: ";", omittingEmptySubsequences: false).map { QuizText.trim(String($0)) }
            var cells: [String] = []
            for line in lines {
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == c, lines.count == r else {
                    return .failure(Unreadable(message: "\(quoted) is not a \(r) x \(c) matrix (rows separated by `;`, cells by spaces)"))
                }
                for part in parts {
                    guard let v = NumericResponse.parse(String(part)) else {
                        return .failure(Unreadable(message: "matrix cell `\(part)` is not a number"))
                    }
                    cells.append(String(v))
                }
            }
            return .success(cells)
        case .cell:
            let r = rows ?? 0, c = columns ?? 0
            guard let (row, col) = Self.cellCoordinates(response) else {
                return .failure(Unreadable(message: "\(quoted) is not a cell: write its row and column counted from 0, like `(1, 2)`"))
            }
            guard row < r, col < c else {
                return .failure(Unreadable(message: "\(quoted) is not a cell of the \(r) x \(c) grid (rows 0 to \(r - 1), "
                                           + "columns 0 to \(c - 1), counted from 0)"))
            }
            return .success([String(row), String(col)])
        }
    }

    /// `ROW, COL`, bare or inside `( )` or `[ ]`: two runs of 1 to 9 ASCII digits around a comma,
    /// spaces and tabs allowed around each part.
    static func cellCoordinates(_ response: String) -> (Int, Int)? {
        var text = Substring(response)
        if let open = text.first, let close = text.last, text.count >= 2, (open, close) == ("(", ")") || (open, close) == ("[", "]") {
            text = text.dropFirst().dropLast()
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let numbers = parts.map { part in
            String(part.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        guard numbers.allSatisfy({ (1...9).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let row = Int(numbers[0]), let col = Int(numbers[1]) else { return nil }
        return (row, col)
    }

    private func matches(_ cell: String, _ i: Int) -> Bool {
        switch read {
        case .number, .rows:
            guard let r = Double(cell), let a = Double(expected[i]) else { return false }
            let t = Double(tolerance?[safe: i] ?? "0") ?? 0
            return abs(r - a) <= t + Grader.relativeSlack * max(abs(a), abs(r))
        case .option, .cell:
            return cell == expected[i]
        case .text:
            return cell == QuizText.fold(expected[i])
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

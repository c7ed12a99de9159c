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
/// 3. compare cell `i` with `expected[i]`: numbers right when `|r − a| ≤ t + 1e-12 · max(|a|, |r|)`
///    with `t = tolerance[i]`; options and folded text when equal;
/// 4. every cell right → `correct` (credit 1); otherwise with `partial` → credit = right cells / cells
///    (`partial` when above 0); otherwise `incorrect` (credit 0).
public struct GradingSpec: Sendable, Equatable, Codable {
    public enum Read: String, Sendable, Codable { case number, option, text, rows }

    public var read: Read
    /// The right cells as text: numbers (`QuizNumber.text`), an option number, or the text answer.
    public var expected: [String]
    /// Per cell, for `number` and `rows`.
    public var tolerance: [String]?
    /// For `option`: how many options there are.
    public var options: Int?
    /// For `rows`: the shape.
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
        }
    }

    private func matches(_ cell: String, _ i: Int) -> Bool {
        switch read {
        case .number, .rows:
            guard let r = Double(cell), let a = Double(expected[i]) else { return false }
            let t = Double(tolerance?[safe: i] ?? "0") ?? 0
            return abs(r - a) <= t + Grader.relativeSlack * max(abs(a), abs(r))
        case .option:
            return cell == expected[i]
        case .text:
            return cell == QuizText.fold(expected[i])
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

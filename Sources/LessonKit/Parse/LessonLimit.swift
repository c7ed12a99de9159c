/// One of the budgets a lesson builds within, raised (or lowered) in its front matter:
///
///     ---
///     limits:
///       work: 2e10
///       output: 50e6
///     ---
///
/// Values are positive whole numbers written as `20000000000`, `20_000_000_000` or `2e10`, up to
/// each limit's `maximum`. Every message that reports a limit reached ends with `howToRaise`.
public enum LessonLimit: String, CaseIterable, Sendable {
    /// Tensor elements read or written by kernels, and characters formatted (a proxy for time).
    case work
    /// Expression nodes evaluated.
    case steps
    /// Statements, over all `{eval}` blocks.
    case statements
    /// Bytes of computed text on the page (`{{ }}` holes, table cells, filled listings).
    case output
    /// Bytes of SVG, HTML and PNG the lesson's figures add.
    case figures
    /// Bytes of the lesson file and of each file it imports, checked before reading.
    case input

    /// The value every lesson gets without a `limits:` entry; real lessons use far less.
    public var defaultValue: Int {
        switch self {
        case .work: 1 << 32
        case .steps: 5_000_000
        case .statements: 10_000
        case .output: 20_000_000
        case .figures: 32 << 20
        case .input: 2_000_000
        }
    }

    /// The largest value the front matter may ask for (each still bounds time and memory).
    public var maximum: Int {
        switch self {
        case .work: 1 << 40
        case .steps: 1 << 32
        case .statements: 1_000_000
        case .output: 1 << 30
        case .figures: 1 << 30
        case .input: 50_000_000
        }
    }

    /// What the number counts, for messages.
    public var unit: String {
        switch self {
        case .work: "element operations"
        case .steps: "expression steps"
        case .statements: "statements"
        case .output: "bytes of computed text"
        case .figures: "bytes of figures"
        case .input: "bytes"
        }
    }

    /// The end of every message about this limit: how to raise it above `current`.
    ///
    ///     LessonLimit.output.howToRaise(above: 20_000_000)
    ///     // "a lesson that needs more raises it in its front matter: 'limits:' then '  output: 8e7'"
    public func howToRaise(above current: Int) -> String {
        "a lesson that needs more raises it in its front matter: " + frontMatterExample(above: current)
    }

    /// The front-matter lines that raise this limit above `current`: `'limits:' then '  work: 2e10'`.
    public func frontMatterExample(above current: Int) -> String {
        let suggestion = current >= maximum ? "\(maximum)" : Self.roundNumber(above: current, cap: maximum)
        return "'limits:' then '  \(rawValue): \(suggestion)'"
    }

    /// Parses a front-matter value; the error message names the key and an example.
    public func parse(_ text: String) -> Result<Int, LimitProblem> {
        let cleaned = text.replacingAll("_", "").replacingAll(",", "")
        guard let number = Double(cleaned), number.isFinite, number >= 1, number == number.rounded(.down) else {
            return .failure(LimitProblem(
                "'\(rawValue):' must be a positive whole number of \(unit), e.g. '\(rawValue): \(Self.roundNumber(above: defaultValue, cap: maximum))'; got '\(text)'"))
        }
        guard number <= Double(maximum) else {
            return .failure(LimitProblem("'\(rawValue):' can be at most \(maximum) \(unit); got '\(text)'"))
        }
        return .success(Int(number))
    }

    /// A round number about four times `limit`, at most `cap`: `2e10` above 4294967296.
    static func roundNumber(above limit: Int, cap: Int) -> String {
        var exponent = 0
        var value = Double(limit) * 4
        while value >= 10 { value /= 10; exponent += 1 }
        let rounded = Int(value.rounded(.up))
        guard Double(rounded) * pow10(exponent) <= Double(cap) else { return "\(cap)" }
        return "\(rounded)e\(exponent)"
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}

/// A `limits:` value that is not a whole number in range; the message says what is expected.
public struct LimitProblem: Error, Sendable, Equatable {
    public let message: String
    init(_ message: String) { self.message = message }
}

private extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        String(flatMap { $0 == target ? Array(replacement) : [$0] })
    }
}

extension Question {
    /// One variant of a question with `:variants: N`: the values its `:given:` drew and everything
    /// computed from them. A question's own prompt, options, explanation and answer are its first
    /// variant's, so a page without JavaScript and every reader that knows no variants see variant 1.
    public struct Variant: Sendable, Equatable {
        /// The names `:given:` bound, in binding order.
        public var given: [GivenValue]
        public var promptHTML: String
        public var optionsHTML: [String]
        public var explanationHTML: String?
        public var answer: Answer
        public init(given: [GivenValue], promptHTML: String, optionsHTML: [String], explanationHTML: String?, answer: Answer) {
            self.given = given
            self.promptHTML = promptHTML
            self.optionsHTML = optionsHTML
            self.explanationHTML = explanationHTML
            self.answer = answer
        }
    }

    /// A name bound by `:given:` and its value as data (`export --format json` writes it).
    public struct GivenValue: Sendable, Equatable {
        public var name: String
        public var value: QuizData
        public init(name: String, value: QuizData) {
            self.name = name
            self.value = value
        }
    }

    /// How many variants a learner can get: N for `:variants: N`, 1 otherwise.
    public var variantCount: Int { max(1, variants.count) }

    /// Variant `number` (1-based) as a question of its own, without variants: what a reader that
    /// knows no variants imports, and what grades a response to that variant.
    public func variant(_ number: Int) -> Question {
        guard let v = variants[safe: number - 1] else { return self }
        var copy = self
        copy.promptHTML = v.promptHTML
        copy.optionsHTML = v.optionsHTML
        copy.explanationHTML = v.explanationHTML
        copy.answer = v.answer
        copy.variants = []
        return copy
    }
}

/// A value as plain data: a JSON number (as text that JSON and `Double` read), a string, a Bool, or
/// a list (tuples, lists and tensors become nested lists).
public indirect enum QuizData: Sendable, Equatable {
    case number(String)
    case string(String)
    case bool(Bool)
    case list([QuizData])
    /// A JSON object with keys in the given order (for `export --format json`).
    case object([(String, QuizData)])

    public static func == (a: QuizData, b: QuizData) -> Bool { a.json == b.json }

    /// Compact JSON; keys in order, strings escaped as JSON requires.
    public var json: String {
        switch self {
        case .number(let text): return text
        case .string(let s): return Self.quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(\.json).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { Self.quoted($0.0) + ": " + $0.1.json }.joined(separator: ", ") + "}"
        }
    }

    /// `s` as a JSON string: `"`, `\` and control characters escaped (`\n`, `\u001f`).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

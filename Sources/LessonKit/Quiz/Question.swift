/// One `{question}` after evaluation: its prompt and options as HTML, and the computed answer.
public struct Question: Sendable, Equatable {
    /// The word after `{question}`; each registered `QuizKind` declares its own (`.numeric`, …).
    public struct Kind: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
    }

    /// The answer computed at build time from the `:answer:` expression.
    public enum Answer: Sendable, Equatable {
        /// Right when `abs(response - value) <= tolerance`. `display` is the value as Python prints it.
        case numeric(value: Double, tolerance: Double, display: String)
        /// The 1-based number of the right option.
        case choice(Int)
        /// Right when equal after trimming and case folding.
        case text(String)
        /// A 2-D answer graded cell by cell.
        case matrix(MatrixAnswer)
    }

    /// A `matrix` question's answer: `rows` × `columns` values in row-major order, each right within
    /// `tolerance`; with `partial`, a fraction of right cells earns that fraction.
    public struct MatrixAnswer: Sendable, Equatable {
        public var values: [Double]
        public var rows: Int
        public var columns: Int
        public var tolerance: Double
        public var partial: Bool
        /// The value as the learner would type it: rows separated by `; `, cells by spaces, each
        /// cell as Python prints it (`0.852 0.789; 0.817 0.874`).
        public var display: String
        public init(values: [Double], rows: Int, columns: Int, tolerance: Double, partial: Bool, display: String) {
            self.values = values
            self.rows = rows
            self.columns = columns
            self.tolerance = tolerance
            self.partial = partial
            self.display = display
        }
    }

    /// `:name:`, or `q1`, `q2`, … in lesson order.
    public var id: String
    public var kind: Kind
    /// The question text rendered from Markdown, expressions substituted and escaped.
    public var promptHTML: String
    /// The options of a choice question, each rendered from Markdown (inline HTML, no `<p>`).
    public var optionsHTML: [String]
    /// The explanation after a `+++` line, rendered from Markdown; shown once the learner checks
    /// and exported as general feedback. Nil without `+++`.
    public var explanationHTML: String?
    public var answer: Answer
    /// The directive's fence.
    public var location: SourceLocation
    /// Where the id is written: the `:name:` value, or the fence for a default id.
    public var idLocation: SourceLocation
    /// With `:variants: N`, the N variants (the first is also this question's prompt and answer);
    /// empty for a question without variants.
    public var variants: [Variant] = []

    public init(id: String, kind: Kind, promptHTML: String, optionsHTML: [String], answer: Answer, location: SourceLocation,
                idLocation: SourceLocation? = nil, explanationHTML: String? = nil) {
        self.explanationHTML = explanationHTML
        self.id = id
        self.kind = kind
        self.promptHTML = promptHTML
        self.optionsHTML = optionsHTML
        self.answer = answer
        self.location = location
        self.idLocation = idLocation ?? location
    }
}

/// The `{quiz}` score panel.
public struct QuizPanel: Sendable, Equatable {
    /// The pass mark as a fraction: 0.75 for `:pass: 75%`. Passing needs a score strictly above it.
    public var passMark: Double
    /// The mark as the author wrote it, for the page text ("75%").
    public var passText: String
    public var location: SourceLocation
    public init(passMark: Double, passText: String, location: SourceLocation) {
        self.passMark = passMark
        self.passText = passText
        self.location = location
    }
}

extension QuizPanel {
    /// The mark used when `{quiz}` has no `:pass:` (and by `grade` when a lesson has no panel): 75%.
    public static let defaultPassMark = 0.75
    public static let defaultPassText = "75%"
}

/// One `{question}` after evaluation: its prompt, options and explanation as evaluated text
/// (``QuizRichText``, written as HTML by Render's `QuizHTML` and by the exports), and the computed answer.
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
        /// One cell of a heatmap, picked in the page.
        case cell(CellAnswer)
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

    /// A `cell` question's answer: the right cell `(row, col)` (0-based, as NumPy indexes) of
    /// `heatmap`, the figure the learner picks from.
    public struct CellAnswer: Sendable, Equatable {
        public var row: Int
        public var col: Int
        public var heatmap: Heatmap
        public init(row: Int, col: Int, heatmap: Heatmap) {
            self.row = row
            self.col = col
            self.heatmap = heatmap
        }

        /// The answer as Python prints the tuple: `(1, 1)`.
        public var display: String { "(\(row), \(col))" }

        /// The cell as the page names it, counting from 1 like the figure's Data table, with its
        /// value: `row 2, column 2 (0.874)`.
        public var pageDisplay: String {
            "row \(row + 1), column \(col + 1) (\(heatmap.texts[row * heatmap.columns + col]))"
        }
    }

    /// `:name:`, or `q1`, `q2`, … in lesson order.
    public var id: String
    public var kind: Kind
    /// The question text: cmark-gfm's markup with its `{{ }}` values.
    public var prompt: QuizRichText
    /// The options of a choice question, each inline markup (no `<p>`).
    public var options: [QuizRichText]
    /// The explanation after a `+++` line; shown once the learner checks and exported as general
    /// feedback. Nil without `+++`.
    public var explanation: QuizRichText?

    /// The prompt as HTML (computed values escaped).
    public var promptHTML: String {
        get { prompt.html }
        set { prompt = QuizRichText(markup: newValue) }
    }
    /// Each option as HTML.
    public var optionsHTML: [String] {
        get { options.map(\.html) }
        set { options = newValue.map(QuizRichText.init(markup:)) }
    }
    /// The explanation as HTML, nil without `+++`.
    public var explanationHTML: String? {
        get { explanation?.html }
        set { explanation = newValue.map(QuizRichText.init(markup:)) }
    }
    public var answer: Answer
    /// The directive's fence.
    public var location: SourceLocation
    /// Where the id is written: the `:name:` value, or the fence for a default id.
    public var idLocation: SourceLocation
    /// With `:variants: N`, the N variants (the first is also this question's prompt and answer);
    /// empty for a question without variants.
    public var variants: [Variant] = []

    public init(id: String, kind: Kind, prompt: QuizRichText, options: [QuizRichText], answer: Answer, location: SourceLocation,
                idLocation: SourceLocation? = nil, explanation: QuizRichText? = nil) {
        self.explanation = explanation
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.answer = answer
        self.location = location
        self.idLocation = idLocation ?? location
    }

    /// A question whose texts are markup already (tests, hand-built questions).
    public init(id: String, kind: Kind, promptHTML: String, optionsHTML: [String], answer: Answer, location: SourceLocation,
                idLocation: SourceLocation? = nil, explanationHTML: String? = nil) {
        self.init(id: id, kind: kind, prompt: QuizRichText(markup: promptHTML), options: optionsHTML.map(QuizRichText.init(markup:)),
                  answer: answer, location: location, idLocation: idLocation, explanation: explanationHTML.map(QuizRichText.init(markup:)))
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

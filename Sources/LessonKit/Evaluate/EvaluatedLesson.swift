/// A lesson with every directive and inline expression computed: what the renderer,
/// the quiz tools and `verify` consume. Built by `LessonEvaluator`.
public struct EvaluatedLesson: Sendable {
    public var path: String
    /// The output file's base name (`cnn` for `lessons/cnn.md`).
    public var name: String
    public var title: String
    public var summary: String?
    /// cmark-gfm's HTML with holes, from the parser.
    public var template: [TemplatePiece]
    /// One rendered block per directive, indexed like `ParsedLesson.directives`.
    public var blocks: [Block]
    /// The computed text of each prose expression (unescaped), indexed like `ParsedLesson.inlineExpressions`.
    public var inlineTexts: [String]
    /// The quiz questions in lesson order.
    public var questions: [Question]
    public var quiz: QuizPanel?
    /// Named, numbered things of this lesson (figures, tables, equations, questions).
    public var anchors: [Anchor]
    /// Each cross-reference, indexed like `ParsedLesson.references` (`TemplatePiece.reference`).
    public var references: [ResolvedReference]

    public init(path: String, name: String, title: String, summary: String?, template: [TemplatePiece],
                blocks: [Block], inlineTexts: [String], questions: [Question], quiz: QuizPanel?,
                anchors: [Anchor] = [], references: [ResolvedReference] = []) {
        self.anchors = anchors
        self.references = references
        self.path = path
        self.name = name
        self.title = title
        self.summary = summary
        self.template = template
        self.blocks = blocks
        self.inlineTexts = inlineTexts
        self.questions = questions
        self.quiz = quiz
    }

    /// What one directive became.
    public enum Block: Sendable, Equatable {
        /// `{eval}` without `:echo:`.
        case nothing
        /// `{eval}` with `:echo: true`: its source, shown as a Swift listing.
        case echo(code: String)
        case table(TableModel)
        case listing(ListingModel)
        case output(OutputModel)
        /// `{math}`: the parsed formula (Render writes it as `<math display="block">`).
        case math(MathFormula)
        /// A named `{math}`: the formula with its element id and equation number.
        case equation(MathFormula, id: String, number: Int)
        /// `{question}`: index into `questions`.
        case question(Int)
        case quiz
        /// A directive kind's own rendering: HTML in which every computed text is escaped.
        case html(String)
        /// `{figure}`: the evaluated figure, drawn by `FigureHTMLWriter`.
        case figure(FigureModel)
    }
}

/// A `{table}`: headers and already-formatted cell text (unescaped).
public struct TableModel: Sendable, Equatable {
    /// The top-left header cell (`:title:`), e.g. "Input patch".
    public var title: String
    /// An optional `:caption:`; the renderer falls back to `title` for the `<caption>`.
    public var caption: String?
    public var columnHeaders: [String]
    public var rowHeaders: [String]
    public var cells: [[String]]
    /// A named table's element id and label ("Table 1"); nil for an unnamed one.
    public var anchor: Anchor?
    public init(title: String, caption: String?, columnHeaders: [String], rowHeaders: [String], cells: [[String]],
                anchor: Anchor? = nil) {
        self.anchor = anchor
        self.title = title
        self.caption = caption
        self.columnHeaders = columnHeaders
        self.rowHeaders = rowHeaders
        self.cells = cells
    }
}

/// A `{listing} LANG` after interpolation.
public struct ListingModel: Sendable, Equatable {
    /// `python`, `swift`, or any other language name (shown without highlighting).
    public var language: String
    /// The interpolated source, without a trailing newline.
    public var code: String
    /// The listing directive's fence, for `verify` diagnostics.
    public var location: SourceLocation
    /// The `{output}` directly after this listing, if any (its interpolated text).
    public var expectedOutput: String?
    /// Where each line of `code` comes from in the lesson (the line of the `{{ }}` for every line
    /// an interpolated value adds); empty when unknown.
    public var lineLocations: [SourceLocation]
    public init(language: String, code: String, location: SourceLocation, expectedOutput: String? = nil,
                lineLocations: [SourceLocation] = []) {
        self.language = language
        self.code = code
        self.location = location
        self.expectedOutput = expectedOutput
        self.lineLocations = lineLocations
    }
}

/// An `{output}` after interpolation: the exact text the listing above prints.
public struct OutputModel: Sendable, Equatable {
    public var text: String
    public init(text: String) { self.text = text }
}

// TEMPORARY interface stubs: the parse helper replaces this file with LessonParser.swift,
// CommonMarkConverter.swift (the only file importing CCmarkGFM), InlineExpressionScanner.swift, ...

/// A piece of Markdown parsed on its own (a question body), rendered by cmark-gfm with
/// holes for its inline expressions.
public struct MarkdownFragment: Sendable, Equatable {
    /// The blocks before any trailing ordered list (all blocks when not split).
    public var pieces: [TemplatePiece]
    /// With `splitTrailingOrderedList`: each item of the fragment's last block, when that block
    /// is an ordered list, rendered as inline HTML (a tight item's paragraph without `<p>`).
    public var listItems: [[TemplatePiece]]
    public var expressions: [InlineExpression]
    public init(pieces: [TemplatePiece], listItems: [[TemplatePiece]], expressions: [InlineExpression]) {
        self.pieces = pieces
        self.listItems = listItems
        self.expressions = expressions
    }
}

/// Text with `{{ }}` holes, as in `{listing}` and `{output}` bodies.
public enum BodyPiece: Sendable, Equatable {
    case text(String)
    case expression(InlineExpression)
}

public enum LessonParser {
    /// Parses a whole lesson. Problems (bad front matter, an unterminated `{{`, a malformed option
    /// line) go to `diagnostics`; returns nil only when nothing can be built.
    public static func parse(path: String, source: String, diagnostics: DiagnosticEngine) -> ParsedLesson? {
        fatalError("unimplemented")
    }

    /// Parses Markdown that stands inside a directive body (a question's prompt and options).
    /// `lineStarts[i]` is where line i of `text` starts in the lesson file.
    public static func parseFragment(_ text: String, lineStarts: [SourceLocation], path: String,
                                     splitTrailingOrderedList: Bool, diagnostics: DiagnosticEngine) -> MarkdownFragment? {
        fatalError("unimplemented")
    }

    /// Splits a listing/output body into literal text and `{{ }}` expressions (`\{{` is a literal `{{`).
    public static func splitBody(_ body: String, locate: Locator) throws(EvaluationError) -> [BodyPiece] {
        fatalError("unimplemented")
    }
}

/// A piece of Markdown parsed on its own (a question body), rendered by cmark-gfm with
/// holes for its inline expressions.
public struct MarkdownFragment: Sendable, Equatable {
    /// The blocks before any trailing ordered list (all blocks when not split).
    public var pieces: [TemplatePiece]
    /// With `splitTrailingOrderedList`: each item of the fragment's last block, when that block
    /// is an ordered list, rendered as inline HTML (a tight item's paragraph without `<p>`).
    public var listItems: [[TemplatePiece]]
    /// `.expression(i)` in `pieces` and `listItems` refers to `expressions[i]`.
    public var expressions: [InlineExpression]
    public init(pieces: [TemplatePiece], listItems: [[TemplatePiece]], expressions: [InlineExpression]) {
        self.pieces = pieces
        self.listItems = listItems
        self.expressions = expressions
    }
}

extension LessonParser {
    /// Parses Markdown that stands inside a directive body (a question's prompt and options).
    /// `lineStarts[i]` is where line i of `text` starts in the lesson file.
    ///
    /// With `splitTrailingOrderedList`, when the fragment's last block is an ordered list, each
    /// of its items becomes one entry of `listItems` (a tight item's paragraph without `<p>`,
    /// a loose item's full HTML) and the list is left out of `pieces`:
    ///
    ///     Which is larger?          pieces:    [.html("<p>Which is larger?</p>\n")]
    ///     1. {{ a }}                listItems: [[.expression(0)], [.html("<em>b</em>")]]
    ///     2. *b*
    ///
    /// Fenced `{name}` blocks inside a fragment are ordinary code blocks. Returns nil when the
    /// text holds a reserved private-use character.
    public static func parseFragment(_ text: String, lineStarts: [SourceLocation], path: String,
                                     splitTrailingOrderedList: Bool, diagnostics: DiagnosticEngine) -> MarkdownFragment? {
        let lines = SourceLines(text, origins: lineStarts)
        if let reserved = PlaceholderMarker.firstReserved(in: text) {
            diagnostics.error(path: path, at: lines.location(ofOffset: reserved.offset),
                              ParseMessage.reservedCharacter(reserved.scalar))
            return nil
        }
        let templater = MarkdownTemplater(lines, directives: nil, splitTrailingOrderedList: splitTrailingOrderedList)
        for problem in templater.problems {
            diagnostics.error(path: path, at: problem.location, problem.message)
        }
        return MarkdownFragment(pieces: templater.pieces, listItems: templater.listItems, expressions: templater.expressions)
    }
}

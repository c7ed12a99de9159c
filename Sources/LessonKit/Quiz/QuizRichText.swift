/// A question's text as evaluated, not yet written as HTML: cmark-gfm's markup for the author's
/// Markdown, with the computed values of its `{{ }}` as plain text between. Escaping happens only
/// when the text is written out (``html``, by the page's `QuizHTML` and by the exports), never
/// while a question is built.
///
///     "How wide is a {{ n }}-pixel row?"   [.markup("<p>How wide is a "), .text("224"), .markup("-pixel row?</p>\n")]
public struct QuizRichText: Sendable, Equatable {
    public enum Piece: Sendable, Equatable {
        /// HTML exactly as cmark-gfm rendered the author's Markdown.
        case markup(String)
        /// A computed value as it prints, not escaped.
        case text(String)
    }

    public var pieces: [Piece]

    /// The pieces, adjacent markup joined into one.
    public init(_ pieces: [Piece]) {
        var joined: [Piece] = []
        for piece in pieces {
            if case .markup(let next) = piece, case .markup(let previous)? = joined.last {
                joined[joined.count - 1] = .markup(previous + next)
            } else {
                joined.append(piece)
            }
        }
        self.pieces = joined
    }

    /// Text that is markup already (a test's fixture, a hand-built question).
    public init(markup: String) {
        self.pieces = [.markup(markup)]
    }

    /// The text as HTML: markup as is, computed text escaped.
    public var html: String {
        pieces.map { piece in
            switch piece {
            case .markup(let html): html
            case .text(let text): HTMLEscaping.escape(text)
            }
        }.joined()
    }
}

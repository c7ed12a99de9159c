extension LessonParser {
    /// Splits a listing/output body into literal text and `{{ }}` expressions.
    ///
    /// `\{{` writes a literal `{{`; every other byte is literal. An expression ends at the first
    /// `}}` outside a string literal and may span lines; a depth-0 colon starts its format spec.
    ///
    ///     splitBody("x = {{ v :.2f }}\n\\{{ raw }}\n", locate: …)
    ///     // [.text("x = "), .expression(v, spec ".2f"), .text("\n{{ raw }}\n")]
    ///
    /// - Throws: the first unterminated or empty expression, located with `locate` (which maps a
    ///   byte offset of `body` to the lesson file).
    public static func splitBody(_ body: String, locate: Locator) throws(SourceError) -> [BodyPiece] {
        let bytes = Array(body.utf8)
        var pieces: [BodyPiece] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll()
        }
        let brace = InlineExpressionSyntax.openBrace
        var index = 0
        while index < bytes.count {
            if bytes[index] == InlineExpressionSyntax.backslash, index + 2 < bytes.count,
               bytes[index + 1] == brace, bytes[index + 2] == brace {
                text += [brace, brace]
                index += 3
            } else if bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace {
                guard let close = InlineExpressionSyntax.closingBraces(in: bytes, from: index + 2, end: bytes.count) else {
                    throw SourceError(ParseMessage.unterminatedExpression, at: locate(index))
                }
                let expression = try InlineExpressionSyntax.expression(bytes, open: index, close: close, locate: locate).get()
                flush()
                pieces.append(.expression(expression))
                index = close + 2
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        flush()
        return pieces
    }
}

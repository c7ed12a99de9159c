/// Finds the `{{ … }}` expressions in one block of prose (a paragraph, heading or table),
/// skipping code spans and backslash escapes the way CommonMark reads them.
///
///     {{ a*b }} and `{{ code }}` and \{{ literal }}
///     -> one expression, `a*b`; the code span and the escaped brace stay text
enum InlineExpressionScanner {
    /// One expression found in the source.
    struct Match {
        /// Offset of `{{`.
        var open: Int
        /// Offset just past `}}`.
        var end: Int
        var expression: InlineExpression
    }

    /// Scans `bytes[range]`. `locate` maps an offset of `bytes` to a lesson location.
    /// Unterminated and empty expressions are reported in `problems` and skipped.
    static func scan(_ bytes: [UInt8], range: Range<Int>, locate: Locator,
                     problems: inout [SourceError]) -> [Match] {
        var matches: [Match] = []
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte == InlineExpressionSyntax.backslash, index + 1 < end, isASCIIPunctuation(bytes[index + 1]) {
                index += 2
            } else if byte == CodeSpanScanner.backtick {
                index = CodeSpanScanner.codeSpanEnd(bytes, openingAt: index, end: end)
                    ?? index + CodeSpanScanner.runLength(bytes, at: index, end: end)
            } else if byte == InlineExpressionSyntax.openBrace, index + 1 < end,
                      bytes[index + 1] == InlineExpressionSyntax.openBrace {
                guard let close = InlineExpressionSyntax.closingBraces(in: bytes, from: index + 2, end: end) else {
                    problems.append(SourceError(ParseMessage.unterminatedExpression, at: locate(index)))
                    index += 2
                    continue
                }
                let text = bytes[index..<close].contains(UInt8(ascii: "\n"))
                    ? blankingQuoteMarkers(bytes, in: index..<close) : bytes
                switch InlineExpressionSyntax.expression(text, open: index, close: close, locate: locate) {
                case .success(let expression):
                    matches.append(Match(open: index, end: close + 2, expression: expression))
                case .failure(let problem):
                    problems.append(problem)
                }
                index = close + 2
            } else {
                index += 1
            }
        }
        return matches
    }

    /// `bytes` with the blockquote markers at the start of each continuation line in `range`
    /// replaced by spaces, so an expression that spans lines of a quote reads as the author
    /// meant and keeps its byte offsets. (In prose a line starting with `>` is always a quote
    /// marker: otherwise it would have ended the paragraph.)
    ///
    ///     > a {{ x +          expression "x +\n    y" (not "x +\n>   y")
    ///     >   y }}
    static func blankingQuoteMarkers(_ bytes: [UInt8], in range: Range<Int>) -> [UInt8] {
        var copy = bytes
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard copy[index] == UInt8(ascii: "\n") else { continue }
            var cursor = index + 1
            while cursor < range.upperBound, copy[cursor] == UInt8(ascii: " ") || copy[cursor] == UInt8(ascii: "\t")
                    || copy[cursor] == UInt8(ascii: ">") {
                if copy[cursor] == UInt8(ascii: ">") { copy[cursor] = UInt8(ascii: " ") }
                cursor += 1
            }
        }
        return copy
    }

    /// CommonMark's escapable characters: ASCII punctuation.
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}

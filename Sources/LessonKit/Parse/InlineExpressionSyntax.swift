/// The inside of one `{{ … }}`: where it closes and where its format spec starts.
///
/// Shared by prose (``InlineExpressionScanner``) and `{listing}`/`{output}` bodies
/// (``LessonParser/splitBody(_:locate:)``), so both follow one rule:
/// the expression ends at the first `}}` outside a string literal, and a `:` at nesting
/// depth 0 (outside `()`, `[]` and strings) starts the format spec, as in a Python f-string.
///
///     {{ dense.total :, }}      expression "dense.total", spec ","
///     {{ x[0:2] }}              expression "x[0:2]", no spec (the colon is inside brackets)
///     {{ "a:b" : >5 }}          expression "\"a:b\"", spec ">5"
enum InlineExpressionSyntax {
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")

    /// The offset of the `}}` closing an expression whose text starts at `start`, searching
    /// below `end`; nil when there is none.
    static func closingBraces(in bytes: [UInt8], from start: Int, end: Int) -> Int? {
        var index = start
        var inString = false
        while index < end {
            let byte = bytes[index]
            if inString {
                if byte == backslash { index += 2; continue }
                if byte == quote { inString = false }
            } else if byte == quote {
                inString = true
            } else if byte == closeBrace, index + 1 < end, bytes[index + 1] == closeBrace {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Splits the text between the braces, `start..<close`, at its first depth-0 colon.
    /// Both ranges are trimmed of whitespace; the spec range is nil without a colon.
    static func split(_ bytes: [UInt8], start: Int, close: Int) -> (expression: Range<Int>, spec: Range<Int>?) {
        var depth = 0
        var inString = false
        var index = start
        var colon: Int?
        while index < close {
            let byte = bytes[index]
            if inString {
                if byte == backslash { index += 2; continue }
                if byte == quote { inString = false }
            } else {
                switch byte {
                case quote: inString = true
                case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(depth - 1, 0)
                case UInt8(ascii: ":") where depth == 0: colon = index
                default: break
                }
                if colon != nil { break }
            }
            index += 1
        }
        guard let colon else { return (trimmed(bytes, start..<close), nil) }
        return (trimmed(bytes, start..<colon), trimmed(bytes, (colon + 1)..<close))
    }

    /// `range` without leading and trailing spaces, tabs and line breaks; an empty range at the
    /// first non-space byte (or at `range.upperBound`) when nothing is left.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Builds the expression for `{{` at `open` closed by `}}` at `close`, located by `locate`
    /// (a byte offset of `bytes` to a lesson location); an error when nothing stands between.
    static func expression(_ bytes: [UInt8], open: Int, close: Int,
                           locate: Locator) -> Result<InlineExpression, SourceError> {
        let (expression, spec) = split(bytes, start: open + 2, close: close)
        guard !expression.isEmpty else {
            return .failure(SourceError(ParseMessage.emptyExpression, at: locate(open)))
        }
        return .success(InlineExpression(
            expression: String(decoding: bytes[expression], as: UTF8.self),
            expressionLocation: locate(expression.lowerBound),
            spec: spec.map { String(decoding: bytes[$0], as: UTF8.self) },
            specLocation: spec.map { locate($0.lowerBound) }))
    }
}

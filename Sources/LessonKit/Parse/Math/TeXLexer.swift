/// Splits TeX source into tokens, tracking UTF-8 byte offsets.
///
///     TeXLexer.tokenize("x^{2}") -> [x, ^, {, 2, }, end]
///
/// `%` starts a comment that runs to the end of the line, as in TeX.
enum TeXLexer {
    /// The tokens of `source`, always ending with `.end`.
    static func tokenize(_ source: String) throws(MathError) -> [TeXToken] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [TeXToken] = []
        var index = 0
        var offset = 0

        func advance() {
            offset += scalars[index].utf8.count
            index += 1
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let start = offset
            switch scalar {
            case "\\":
                advance()
                guard index < scalars.count else {
                    throw MathError(message: "a lone '\\' ends the formula", offset: start)
                }
                if isASCIILetter(scalars[index]) {
                    var name = ""
                    while index < scalars.count, isASCIILetter(scalars[index]) {
                        name.unicodeScalars.append(scalars[index])
                        advance()
                    }
                    tokens.append(TeXToken(kind: .command(name), offset: start))
                } else {
                    tokens.append(TeXToken(kind: .command(String(scalars[index])), offset: start))
                    advance()
                }
            case "%":
                while index < scalars.count, scalars[index] != "\n" { advance() }
            case "{":
                tokens.append(TeXToken(kind: .openBrace, offset: start))
                advance()
            case "}":
                tokens.append(TeXToken(kind: .closeBrace, offset: start))
                advance()
            case "^":
                tokens.append(TeXToken(kind: .superscript, offset: start))
                advance()
            case "_":
                tokens.append(TeXToken(kind: .subscript, offset: start))
                advance()
            default:
                if scalar.properties.isWhitespace {
                    while index < scalars.count, scalars[index].properties.isWhitespace { advance() }
                    tokens.append(TeXToken(kind: .space, offset: start))
                } else {
                    tokens.append(TeXToken(kind: .character(scalar), offset: start))
                    advance()
                }
            }
        }
        tokens.append(TeXToken(kind: .end, offset: offset))
        return tokens
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}

/// Highlights `{listing}` source for Python and Swift; other languages stay plain.
///
///     SyntaxHighlighter.html("x = 1  # one", language: "python")
///     // x <span class="tok-op">=</span> <span class="tok-num">1</span>  <span class="tok-com"># one</span>
///
/// Stripping the tags and unescaping the result always gives the source back exactly.
public enum SyntaxHighlighter {
    /// The source cut into tokens; plain text for unknown languages.
    public static func tokens(_ code: String, language: String) -> [HighlightToken] {
        guard let spec = HighlightLanguage.named(language) else {
            return code.isEmpty ? [] : [HighlightToken(kind: nil, text: code)]
        }
        var scanner = HighlightScanner(code, language: spec)
        return scanner.scan()
    }

    /// The highlighted source as escaped HTML with `<span class="tok-…">` around tokens.
    public static func html(_ code: String, language: String) -> String {
        htmlLines(code, language: language).joined(separator: "\n")
    }

    /// One escaped HTML string per source line (split at `\n`); a token spanning lines, such
    /// as a triple-quoted string, is closed at each line end and reopened on the next line.
    public static func htmlLines(_ code: String, language: String) -> [String] {
        var lines = [""]
        for token in tokens(code, language: language) {
            let parts = token.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, part) in parts.enumerated() {
                if number > 0 { lines.append("") }
                guard !part.isEmpty else { continue }
                let escaped = HTMLEscaping.escape(String(part))
                if let kind = token.kind {
                    lines[lines.count - 1] += "<span class=\"\(kind.cssClass)\">\(escaped)</span>"
                } else {
                    lines[lines.count - 1] += escaped
                }
            }
        }
        return lines
    }
}

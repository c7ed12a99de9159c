/// Highlights `{listing}` source for Python and Swift; other languages stay plain.
///
///     SyntaxHighlighter.html("x = 1  # one", language: "python")
///     // x <span class="tok-op">=</span> <span class="tok-num">1</span>  <span class="tok-com"># one</span>
///
/// Stripping the tags and unescaping the result always gives the source back exactly.
public enum SyntaxHighlighter {
    /// The source cut into tokens; plain text for unknown languages.
    public static func tokens(_ code: String, language: String) -> [HighlightToken] {
        var code = code
        return code.withUTF8 { bytes in
            spans(bytes, language: language).map { span in
                HighlightToken(kind: span.kind, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self))
            }
        }
    }

    /// The highlighted source as escaped HTML with `<span class="tok-…">` around tokens.
    public static func html(_ code: String, language: String) -> String {
        var writer = HighlightHTMLWriter(linePrefix: "", lineSuffix: "")
        return writer.write(code, language: language)
    }

    /// One escaped HTML string per source line (split at `\n`); a token spanning lines, such
    /// as a triple-quoted string, is closed at each line end and reopened on the next line.
    public static func htmlLines(_ code: String, language: String) -> [String] {
        var writer = HighlightHTMLWriter(linePrefix: "", lineSuffix: "")
        writer.writeBytes(code, language: language)
        var lines: [String] = []
        lines.reserveCapacity(writer.separators.count + 1)
        var start = 0
        for end in writer.separators + [writer.output.count] {
            lines.append(String(decoding: writer.output[start..<end], as: UTF8.self))
            start = end + 1
        }
        return lines
    }

    /// `html(_:language:)` with every line wrapped in `prefix` … `suffix`, lines joined by `\n`:
    /// the same as `htmlLines(…).map { prefix + $0 + suffix }.joined(separator: "\n")`.
    static func html(_ code: String, language: String, linePrefix: String, lineSuffix: String) -> String {
        var writer = HighlightHTMLWriter(linePrefix: linePrefix, lineSuffix: lineSuffix)
        return writer.write(code, language: language)
    }

    /// The spans of `bytes` (valid UTF-8) in `language`: one plain span for an unknown language.
    static func spans(_ bytes: UnsafeBufferPointer<UInt8>, language: String) -> [HighlightSpan] {
        guard let spec = HighlightLanguage.named(language) else {
            return bytes.isEmpty ? [] : [HighlightSpan(kind: nil, start: 0, end: bytes.count)]
        }
        var scanner = HighlightScanner(bytes, language: spec)
        return scanner.scan()
    }
}

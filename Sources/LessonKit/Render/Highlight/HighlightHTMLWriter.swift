/// Writes highlighted HTML for `SyntaxHighlighter` straight into one UTF-8 buffer: each span
/// escaped as `HTMLEscaping.escape` does (`&`, `<`, `>`, `"`, `'`), wrapped in
/// `<span class="tok-…">` when it has a kind, and cut into lines at every `\n` that is a
/// `Character` of its own within the token's text, i.e. not right after a `\r` of the same
/// token (`"\r\n"` is one `Character`, so the old `split(separator: "\n")` kept it whole).
///
///     // spans: (kw, "def"), (nil, " "), (fn, "f")
///     // <span class="tok-kw">def</span> <span class="tok-fn">f</span>
struct HighlightHTMLWriter {
    /// Written before every line, e.g. `<span class="line">`.
    let linePrefix: String
    /// Written after every line, e.g. `</span>`.
    let lineSuffix: String
    /// Where each line separator was written in the output (a `\n` inside a line, after
    /// `\r`, is not one), for `htmlLines`.
    private(set) var separators: [Int] = []
    private(set) var output: [UInt8] = []

    init(linePrefix: String, lineSuffix: String) {
        self.linePrefix = linePrefix
        self.lineSuffix = lineSuffix
    }

    mutating func write(_ code: String, language: String) -> String {
        writeBytes(code, language: language)
        return String(decoding: output, as: UTF8.self)
    }

    /// Fills `output` and `separators`.
    mutating func writeBytes(_ code: String, language: String) {
        var code = code
        code.withUTF8 { bytes in
            output.reserveCapacity(bytes.count * 2 + 64)
            let spans = SyntaxHighlighter.spans(bytes, language: language)
            output.append(contentsOf: linePrefix.utf8)
            for span in spans { write(span, of: bytes) }
            output.append(contentsOf: lineSuffix.utf8)
        }
    }

    private mutating func write(_ span: HighlightSpan, of bytes: UnsafeBufferPointer<UInt8>) {
        var partStart = span.start
        var position = span.start
        while position < span.end {
            if bytes[position] == UInt8(ascii: "\n"), position == span.start || bytes[position - 1] != UInt8(ascii: "\r") {
                writePart(span.kind, bytes, partStart..<position)
                output.append(contentsOf: lineSuffix.utf8)
                separators.append(output.count)
                output.append(UInt8(ascii: "\n"))
                output.append(contentsOf: linePrefix.utf8)
                partStart = position + 1
            }
            position += 1
        }
        writePart(span.kind, bytes, partStart..<span.end)
    }

    private mutating func writePart(_ kind: HighlightKind?, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let kind {
            output.append(contentsOf: #"<span class="tok-"#.utf8)
            output.append(contentsOf: kind.rawValue.utf8)
            output.append(contentsOf: #"">"#.utf8)
        }
        var clean = range.lowerBound
        for position in range {
            let replacement: StaticString
            switch bytes[position] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<position]))
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            clean = position + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<range.upperBound]))
        if kind != nil { output.append(contentsOf: "</span>".utf8) }
    }
}

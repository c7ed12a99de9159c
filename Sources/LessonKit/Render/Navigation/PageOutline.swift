/// A lesson's body with an `id` and a self-link on every Markdown heading, and the `##`/`###`
/// headings for the table of contents.
///
/// Works on the filled template: cmark-gfm writes a heading as a bare `<h2>…</h2>` (no
/// attributes), expression holes inside it are already escaped text, and directive blocks are
/// kept out of the scan, so only the author's headings are touched. The id is GitHub's slug of
/// the heading's text (computed values included); the self-link follows the heading inside a
/// `<div class="heading">`, so the heading's own accessible name stays its text:
///
///     <div class="heading"><h2 id="max-pooling">Max pooling</h2><a class="heading-link" href="#max-pooling">
///     <span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “Max pooling”</span></a></div>
struct PageOutline {
    /// One heading of the body.
    struct Heading: Equatable {
        var level: Int
        var id: String
        /// Plain text (unescaped).
        var text: String
    }

    /// The body HTML with ids and self-links.
    var html: String
    /// Every heading in document order.
    var headings: [Heading]

    /// `parts` is the filled template in order, each part either prose (cmark-gfm's HTML with
    /// expression values, scanned for headings) or a rendered directive block (left as is).
    /// `reserved` are ids the page chrome uses; ids inside `parts` are reserved too.
    init(parts: [(html: String, isProse: Bool)], reserved: [String]) {
        var slugger = HeadingSlugger()
        for id in reserved { slugger.reserve(id) }
        for part in parts { Self.ids(in: part.html).forEach { slugger.reserve($0) } }
        var html = ""
        var headings: [Heading] = []
        for part in parts {
            html += part.isProse ? Self.anchor(part.html, slugger: &slugger, headings: &headings) : part.html
        }
        self.html = html
        self.headings = headings
    }

    /// The `##` and `###` headings, the table of contents' entries.
    var contents: [Heading] { headings.filter { $0.level == 2 || $0.level == 3 } }

    /// `prose` with each bare `<hN>…</hN>` given an id and followed by its self-link.
    private static func anchor(_ prose: String, slugger: inout HeadingSlugger, headings: inout [Heading]) -> String {
        let bytes = Array(prose.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var index = 0
        while index < bytes.count {
            guard let level = openingTag(bytes, at: index),
                  let close = find(Array("</h\(level)>".utf8), in: bytes, from: index + 4) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(index + 4)..<close], as: UTF8.self)
            let text = plainText(inner)
            let slug = HeadingSlugger.slug(text).isEmpty ? slugger.slug("section") : slugger.slug(text)
            headings.append(Heading(level: level, id: slug, text: text))
            let id = HTMLEscaping.escape(slug)
            output += Array("""
                <div class="heading"><h\(level) id="\(id)">\(inner)</h\(level)><a class="heading-link" href="#\(id)">\
                <span aria-hidden="true">#</span><span class="visually-hidden">Link to the section \
                “\(HTMLEscaping.escape(text))”</span></a></div>
                """.utf8)
            index = close + 5
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The level of a bare `<h1>`…`<h6>` starting at `index`.
    private static func openingTag(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index + 3 < bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">")
        else { return nil }
        return Int(bytes[index + 2] - UInt8(ascii: "0"))
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The text of an HTML fragment: tags dropped, character references decoded, whitespace runs
    /// collapsed to one space and trimmed. `The <code>conv2d</code> &amp; ReLU` → "The conv2d & ReLU".
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        text = decodeReferences(text)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Decodes the references cmark-gfm writes (`&amp; &lt; &gt; &quot;`), `&#39;`, and numeric ones.
    private static func decodeReferences(_ text: String) -> String {
        guard text.contains("&#") else { return HTMLEscaping.unescape(text) }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "&#") {
            result += HTMLEscaping.unescape(String(rest[..<start.lowerBound]))
            let after = rest[start.upperBound...]
            let hex = after.first == "x" || after.first == "X"
            let digits = (hex ? after.dropFirst() : after).prefix { hex ? $0.isHexDigit : $0.isNumber }
            let end = digits.endIndex
            if !digits.isEmpty, end < rest.endIndex, rest[end] == ";",
               let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: end)...]
            } else {
                result += "&#"
                rest = after
            }
        }
        return result + HTMLEscaping.unescape(String(rest))
    }

    /// The values of every `id="…"` attribute in `html` (a byte scan: pages are long).
    static func ids(in html: String) -> [String] {
        let bytes = Array(html.utf8)
        let marker = Array(#" id=""#.utf8)
        var ids: [String] = []
        var index = 0
        while let start = find(marker, in: bytes, from: index) {
            let valueStart = start + marker.count
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            ids.append(HTMLEscaping.unescape(String(decoding: bytes[valueStart..<end], as: UTF8.self)))
            index = end + 1
        }
        return ids
    }
}

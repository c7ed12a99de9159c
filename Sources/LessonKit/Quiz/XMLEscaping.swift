/// Escaping for text placed in XML and HTML, used by the quiz HTML and the exporters.
///
/// The quiz keeps its own escaper (instead of Render's) so that Quiz/ does not depend on Render/.
enum XMLEscaping {
    /// Escapes `& < > " '` so that `text` is safe both as element content and inside a quoted attribute.
    ///
    ///     XMLEscaping.escape(#"a < b & "c""#)  // a &lt; b &amp; &quot;c&quot;
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most C0 controls even as references; drop them.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

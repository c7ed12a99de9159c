import Foundation

/// The one place where text becomes HTML.
///
/// Every computed string that reaches a page (inline expression values, table cells,
/// listing and output bodies, titles, TeX annotations) goes through `escape(_:)`.
public enum HTMLEscaping {
    /// Replaces the five characters that can change the meaning of HTML text or of a quoted
    /// attribute value with character references:
    ///
    ///     & -> &amp;   < -> &lt;   > -> &gt;   " -> &quot;   ' -> &#39;
    ///
    /// Everything else, including newlines and non-ASCII text, is kept as is, so
    /// unescaping the result gives the input back exactly.
    ///
    ///     HTMLEscaping.escape(#"<script>&"'"#) == "&lt;script&gt;&amp;&quot;&#39;"
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `byte` is one of the five characters `escape(_:)` replaces (all ASCII).
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    /// The inverse of `escape(_:)`: decodes the five references it writes (and `&#x27;`),
    /// `&amp;` last so that `&amp;lt;` stays `&lt;`.
    ///
    ///     HTMLEscaping.unescape("&lt;b&gt; &amp;amp;") == "<b> &amp;"
    public static func unescape(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "&")) else { return html }  // every reference starts with `&`
        var result = html
        for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'")] {
            result = result.replacingOccurrences(of: reference, with: character)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}

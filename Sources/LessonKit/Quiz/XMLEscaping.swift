/// Escaping for text placed in the XML exports (Moodle, QTI).
enum XMLEscaping {
    /// `HTMLEscaping.escape` (the project's one escaping function: `& < > " '`, safe as element
    /// content and inside a quoted attribute) after dropping the C0 controls XML 1.0 forbids even
    /// as character references (all but tab, line feed and carriage return).
    ///
    ///     XMLEscaping.escape("a < b & \"c\"\u{1}")  // a &lt; b &amp; &quot;c&quot;
    static func escape(_ text: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" || scalar == "\r" {
            allowed.append(scalar)
        }
        return HTMLEscaping.escape(String(allowed))
    }
}

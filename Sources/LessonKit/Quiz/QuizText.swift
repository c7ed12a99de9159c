/// Text rules shared by the Swift grader and the page's script (which implements the same rules
/// in `QuizScript.grading`; `grading_vectors.json` checks that they agree).
enum QuizText {
    /// The characters JavaScript's `String.prototype.trim` removes: WhiteSpace and LineTerminator
    /// of ECMA-262 (tab, VT, FF, space, NBSP, ZWNBSP, Unicode `Zs`, LF, CR, LS, PS).
    static let trimmed: Set<Unicode.Scalar> = [
        "\u{09}", "\u{0B}", "\u{0C}", "\u{20}", "\u{A0}", "\u{FEFF}", "\u{1680}",
        "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}",
        "\u{2008}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}",
        "\u{0A}", "\u{0D}", "\u{2028}", "\u{2029}",
    ]

    /// `text` without leading and trailing `trimmed` characters.
    static func trim(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, trimmed.contains(scalars[start]) { start += 1 }
        while end > start, trimmed.contains(scalars[end - 1]) { end -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }

    /// Case folding as both sides can do it identically: upper-case, then lower-case
    /// (`"Straße"` → `"STRASSE"` → `"strasse"`), so `ß` matches `ss`.
    static func fold(_ text: String) -> String {
        trim(text).uppercased().lowercased()
    }
}

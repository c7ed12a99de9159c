/// GitHub's heading ids (the rules of the `github-slugger` package GitHub's Markdown uses):
/// lowercase the text, drop every character that is not a letter, mark, decimal or letter
/// number, connector punctuation (`_`), `-` or a space, then turn each space into `-`. A slug
/// already taken gets `-1`, `-2`, … (the first free one).
///
///     var slugger = HeadingSlugger()
///     slugger.slug("Output size: 112 × 112")  // "output-size-112--112"
///     slugger.slug("Output size: 112 × 112")  // "output-size-112--112-1"
///
/// Ids the page already uses (`content`, the quiz's ids, footnotes) are `reserve`d first, so a
/// heading never takes one of them: a heading "Content" becomes `content-1`.
struct HeadingSlugger {
    /// Each slug handed out or reserved, with the last suffix tried for it.
    private var occurrences: [String: Int] = [:]

    /// Marks `id` as taken without handing it out.
    mutating func reserve(_ id: String) {
        if occurrences[id] == nil { occurrences[id] = 0 }
    }

    /// The next unique slug for `text` (plain text, entities already decoded).
    ///
    /// - Complexity: O(n) in the length of `text`, plus one probe per earlier duplicate.
    mutating func slug(_ text: String) -> String {
        let base = Self.slug(text)
        var count = occurrences[base] ?? 0
        var result = base
        while occurrences[result] != nil {
            count += 1
            result = "\(base)-\(count)"
        }
        occurrences[base] = count
        occurrences[result] = 0
        return result
    }

    /// The slug of `text` without the duplicate suffix.
    static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || keeps(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Letters, marks, decimal and letter numbers, connector punctuation.
    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}

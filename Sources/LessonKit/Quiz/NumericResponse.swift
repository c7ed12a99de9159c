/// Reads a learner's numeric answer the way the page's script does.
///
/// Accepted: optional surrounding whitespace, an optional sign (`+`, `-` or `−` U+2212), digits with
/// an optional decimal point (`12`, `12.5`, `.5`, `5.`), an optional exponent (`1e-4`, `2.5E+3`), and
/// thousands separators in the integer part when every group after the first has three digits
/// (`38,535,424`; `1,5` and `0,847` are rejected as ambiguous: a decimal comma is not read). Everything else, and non-finite results, is not a number.
///
///     NumericResponse.parse(" 38,535,424 ")  // 38535424.0
///     NumericResponse.parse("−0.5e1")        // -5.0
///     NumericResponse.parse("12 px")         // nil
enum NumericResponse {
    static func parse(_ raw: String) -> Double? {
        var s = Substring(QuizText.trim(raw))
        var negative = false
        if let first = s.first, first == "+" || first == "-" || first == "\u{2212}" {
            negative = first != "+"
            s = s.dropFirst()
        }
        // Split off an exponent.
        var exponent = ""
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let expPart = s[s.index(after: e)...]
            var digits = Substring(expPart)
            if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
            exponent = "e" + expPart
            s = s[..<e]
        }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let intPart = parts[0]
        let fracPart = parts.count > 1 ? parts[1] : ""
        guard intPart.count + fracPart.count > 0, fracPart.allSatisfy(isDigit) else { return nil }
        guard let intDigits = groupedDigits(intPart) else { return nil }
        let text = (negative ? "-" : "") + (intDigits.isEmpty ? "0" : intDigits) + "." + (fracPart.isEmpty ? "0" : fracPart) + exponent
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" && c.isASCII }

    /// `1234` → `1234`; `1,234` → `1234`; `12,34` → nil.
    private static func groupedDigits(_ part: Substring) -> String? {
        guard part.contains(",") else { return part.allSatisfy(isDigit) ? String(part) : nil }
        let groups = part.split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count), head.allSatisfy(isDigit), head.first != "0" else { return nil }
        for group in groups.dropFirst() where group.count != 3 || !group.allSatisfy(isDigit) { return nil }
        return groups.joined()
    }
}

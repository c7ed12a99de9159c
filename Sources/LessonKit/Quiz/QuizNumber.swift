/// Numbers written into exports and reports: the shortest text that reads back as the same Double.
enum QuizNumber {
    /// `112.0` → `"112"`, `0.001` → `"0.001"`, `1e-05` → `"1e-05"`, `2.5e+20` → `"2.5e+20"`.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// `text(value)` in the form OAT's qti-sdk reads as a float: its `Format::isFloat` accepts
    /// `^[+-]?[0-9]+$` or text starting `[+-]?[0-9]+\.[0-9]+`, so an exponent needs a decimal point
    /// in its mantissa. `1e-09` → `"1.0e-09"`, `1e+20` → `"1.0e+20"`; `112`, `0.874`, `2.5e-07` unchanged.
    static func qti(_ value: Double) -> String {
        let plain = text(value)
        guard let e = plain.firstIndex(where: { $0 == "e" || $0 == "E" }), !plain[..<e].contains(".") else { return plain }
        return plain[..<e] + ".0" + plain[e...]
    }
}

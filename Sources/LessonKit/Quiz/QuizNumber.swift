/// Numbers written into exports and reports: the shortest text that reads back as the same Double.
enum QuizNumber {
    /// `112.0` → `"112"`, `0.001` → `"0.001"`, `1e-05` → `"1e-05"`, `2.5e+20` → `"2.5e+20"`.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// Reads a `{quiz}` directive: its only option is `:pass:`, the mark a score must be strictly above.
///
/// `:pass:` accepts a percentage `75%` (0% to 100%) or a fraction `0.75` (0 to 1). Without it the
/// mark is 75% (`QuizPanel.defaultPassMark`). 100% is accepted with a warning, since no score can be
/// above it.
enum QuizPanelParser {
    static func panel(_ directive: Directive, path: String, diagnostics: DiagnosticEngine) -> QuizPanel? {
        var ok = true
        if !directive.argument.trimmingSpaces.isEmpty {
            diagnostics.error(path: path, at: directive.argumentLocation, "`{quiz}` takes no argument; set the pass mark with `:pass: 75%`")
            ok = false
        }
        if directive.body.contains(where: { !$0.isWhitespace }) {
            diagnostics.error(path: path, at: directive.bodyLineStarts.first ?? directive.location,
                              "`{quiz}` has no body: the panel's text is generated; only `:pass:` can be set")
            ok = false
        }
        var seen: Set<String> = []
        for option in directive.options {
            if !seen.insert(option.key).inserted {
                diagnostics.error(path: path, at: option.valueLocation, "`:\(option.key):` is given twice")
                ok = false
            } else if option.key != "pass" {
                diagnostics.error(path: path, at: option.valueLocation, "unknown option `:\(option.key):` for `{quiz}`; known options: :pass:")
                ok = false
            }
        }
        var mark = QuizPanel.defaultPassMark
        var text = QuizPanel.defaultPassText
        if let option = directive.option("pass") {
            switch parsePass(option.value) {
            case let .success((m, t)):
                mark = m
                text = t
                if m >= 1 {
                    diagnostics.emit(Diagnostic(.warning, path: path, at: option.valueLocation,
                                                "a pass mark of 100% cannot be reached: passing needs a score strictly above it"))
                }
            case let .failure(problem):
                diagnostics.error(path: path, at: option.valueLocation, problem.message)
                ok = false
            }
        }
        return ok ? QuizPanel(passMark: mark, passText: text, location: directive.location) : nil
    }

    struct Problem: Error { var message: String }

    /// `75%` → (0.75, "75%"); `0.75` → (0.75, "75%"); `62.5 %` → (0.625, "62.5%").
    static func parsePass(_ raw: String) -> Result<(Double, String), Problem> {
        let value = raw.trimmingSpaces
        let usage = "write the pass mark as a percentage (`:pass: 75%`) or a fraction (`:pass: 0.75`)"
        let isPercent = value.hasSuffix("%")
        let numberText = (isPercent ? String(value.dropLast()) : value).trimmingSpaces
        guard !numberText.isEmpty,
              numberText.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
              let number = Double(numberText) else {
            return .failure(Problem(message: "`\(value)` is not a pass mark; \(usage)"))
        }
        if isPercent {
            guard number <= 100 else { return .failure(Problem(message: "a pass mark must be between 0% and 100%, got \(value)")) }
            return .success((number / 100, QuizNumber.text(number) + "%"))
        }
        guard number <= 1 else {
            return .failure(Problem(message: "`\(value)` is more than 1; \(usage)"))
        }
        return .success((number, GradeReport.percent(number)))
    }
}

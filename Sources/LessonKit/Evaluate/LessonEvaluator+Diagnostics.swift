/// Reporting, with cascades (uses of a name whose `let` failed) dropped.
extension LessonEvaluator {

    func checkOptions(_ directive: Directive, allowed: Set<String>) {
        for option in directive.options where !allowed.contains(option.key) {
            let known = allowed.isEmpty ? "it takes no options" : "known options: " + allowed.sorted().map { ":\($0):" }.joined(separator: ", ")
            error(at: option.valueLocation, "unknown option ':\(option.key):' for {\(directive.name)}; \(known)")
        }
    }

    func report(_ errors: [EvaluationError]) {
        errors.forEach(report)
    }

    func report(_ error: EvaluationError) {
        guard !error.isCascade else { return }
        diagnostics.error(path: error.path ?? path, at: error.location, error.message)
        for note in error.notes {
            diagnostics.emit(Diagnostic(.note, path: note.path ?? path, at: note.location, note.message))
        }
    }

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.error(path: path, at: location, message)
    }
}

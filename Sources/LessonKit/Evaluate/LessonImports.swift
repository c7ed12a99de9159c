import Foundation

/// `import "_shared.md"` in an `{eval}` block: the imported file's `{eval}` blocks run once, in their
/// own top level, and their final names are bound in the importing lesson.
///
/// Paths are relative to the importing file. Errors inside an imported file are reported at
/// `PATH:LINE:COL` in that file, with a note at the `import` line; an import cycle is an error at the
/// `import` that closes it.
final class LessonImports {
    /// The names each imported file bound (nil for a name whose definition failed), by canonical path.
    private var done: [String: Interpreter.ImportedNames] = [:]
    /// The files being imported right now, outermost first (for cycle detection).
    private var inProgress: [(key: String, path: String)] = []

    /// Runs (once) the file `relative` imported by `importer` at `location` and returns its names.
    func load(_ relative: String, from importer: String, at location: SourceLocation,
              diagnostics: DiagnosticEngine) throws(EvaluationError) -> Interpreter.ImportedNames {
        let folder = (importer as NSString).deletingLastPathComponent
        let path = folder.isEmpty ? relative : folder + "/" + relative
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        guard relative.hasSuffix(".md") else {
            throw EvaluationError("an import names a lesson file ending in .md, got \"\(relative)\"", at: location)
        }
        // The lesson being built counts as in progress too, so `x.md` importing itself is a cycle.
        let root = [(key: URL(fileURLWithPath: importer).standardizedFileURL.path, path: importer)]
        let chainSoFar = inProgress.isEmpty ? root : inProgress
        if let cycleStart = chainSoFar.firstIndex(where: { $0.key == key }) {
            let chain = chainSoFar[cycleStart...].map(\.path) + [path]
            throw EvaluationError("import cycle: " + chain.joined(separator: " imports "), at: location)
        }
        if let names = done[key] { return names }
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw EvaluationError(exists ? "cannot read imported file \(path)" : "no such file to import: \(path)", at: location)
        }
        inProgress.append((key, path))
        defer { inProgress.removeLast() }
        let errorsBefore = diagnostics.errorCount
        let note = Diagnostic(.note, path: importer, at: location, "in the file imported here")
        var names = Interpreter.ImportedNames(values: [], failed: false)
        if let parsed = LessonParser.parse(path: path, source: source, diagnostics: diagnostics) {
            let interpreter = Interpreter()
            interpreter.sourcePath = path
            interpreter.importer = { [unowned self] nested, nestedLocation throws(EvaluationError) in
                try self.load(nested, from: path, at: nestedLocation, diagnostics: diagnostics)
            }
            for directive in parsed.directives where directive.name == "eval" {
                for error in interpreter.run(block: directive.body, locate: directive.location(ofBodyOffset:)) where !error.isCascade {
                    diagnostics.error(path: error.path ?? path, at: error.location, error.message)
                    for extra in error.notes {
                        diagnostics.emit(Diagnostic(.note, path: extra.path ?? path, at: extra.location, extra.message))
                    }
                }
            }
            names.values = interpreter.topLevelNames
        }
        if diagnostics.errorCount > errorsBefore {
            diagnostics.emit(note)
            names.failed = true
        }
        done[key] = names
        return names
    }
}

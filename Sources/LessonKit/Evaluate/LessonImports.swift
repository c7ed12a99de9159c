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
    /// `directives` are the directive names the build knows (the imported file is parsed as a lesson).
    /// `maxBytes` is the importing lesson's input limit (`limits: input:`), applied to every imported file.
    func load(_ relative: String, from importer: String, at location: SourceLocation, directives: [String],
              maxBytes: Int = LessonLimit.input.defaultValue, diagnostics: DiagnosticEngine)
        throws(EvaluationError) -> Interpreter.ImportedNames {
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
        guard FileManager.default.fileExists(atPath: path) else {
            throw EvaluationError("no such file to import: \(path)", at: location)
        }
        let source: String
        switch LessonSource.read(path: path, maxBytes: maxBytes) {
        case .success(let text): source = text
        case .failure(let problem):
            // Located in the imported file, with a note at the import (as its other problems are).
            diagnostics.emit(Diagnostic(.error, path: path, at: problem.location, problem.message,
                                        notes: [Diagnostic.Note(path: importer, at: location, "in the file imported here")]))
            let names = Interpreter.ImportedNames(values: [], failed: true)
            done[key] = names
            return names
        }
        inProgress.append((key, path))
        defer { inProgress.removeLast() }
        // The file's own problems go to a local engine first, so that each gets the note that
        // says where it was imported (as a compiler says "in file included from").
        let local = DiagnosticEngine()
        var names = Interpreter.ImportedNames(values: [], failed: false)
        if let parsed = LessonParser.parse(path: path, source: source, directives: directives, diagnostics: local) {
            let interpreter = Interpreter()
            interpreter.sourcePath = path
            interpreter.importer = { [unowned self] nested, nestedLocation throws(EvaluationError) in
                try self.load(nested, from: path, at: nestedLocation, directives: directives, maxBytes: maxBytes,
                              diagnostics: local)
            }
            for directive in parsed.directives where directive.name == "eval" {
                for error in interpreter.run(block: directive.body, locate: directive.location(ofBodyOffset:)) {
                    local.report(error, path: path)
                }
            }
            names.values = interpreter.topLevelNames
        }
        let note = Diagnostic.Note(path: importer, at: location, "in the file imported here")
        for var diagnostic in local.diagnostics {
            diagnostic.notes.append(note)
            diagnostics.emit(diagnostic)
        }
        names.failed = local.hasErrors
        done[key] = names
        return names
    }
}

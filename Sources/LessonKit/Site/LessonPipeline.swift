import Foundation

/// The entry points the command-line tool calls: read, parse and evaluate one lesson.
public enum LessonPipeline {
    /// Reads, parses and evaluates the lesson at `path`. Problems go to `diagnostics`;
    /// returns nil when the lesson has errors.
    public static func evaluate(path: String, diagnostics: DiagnosticEngine) -> EvaluatedLesson? {
        guard let source = readLesson(path: path, diagnostics: diagnostics) else { return nil }
        return evaluate(path: path, source: source, diagnostics: diagnostics)
    }

    /// Parses and evaluates lesson text that is already in memory.
    public static func evaluate(path: String, source: String, diagnostics: DiagnosticEngine) -> EvaluatedLesson? {
        let registry = DirectiveRegistry.standard
        let errorsBefore = diagnostics.errorCount
        guard let parsed = LessonParser.parse(path: path, source: source, directives: registry.names,
                                              diagnostics: diagnostics) else { return nil }
        let evaluator = LessonEvaluator(path: path, diagnostics: diagnostics, registry: registry)
        let lesson = evaluator.evaluate(parsed, name: lessonName(path))
        // Parse errors do not stop evaluation (every independent problem is reported), but they do stop the page.
        return diagnostics.errorCount == errorsBefore ? lesson : nil
    }

    /// The page name of a lesson: its file name without `.md` (`lessons/cnn.md` -> `cnn`).
    public static func lessonName(_ path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// The file as UTF-8 text with LF line endings (``LessonSource``), or a located error.
    static func readLesson(path: String, diagnostics: DiagnosticEngine) -> String? {
        switch LessonSource.read(path: path) {
        case .success(let text): return text
        case .failure(let problem):
            diagnostics.report(problem, path: path)
            return nil
        }
    }
}

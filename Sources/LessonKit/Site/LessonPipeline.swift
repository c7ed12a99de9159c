// TEMPORARY interface stub: the lead replaces this with the real pipeline (Evaluate/LessonEvaluator.swift).

/// The entry points the command-line tool calls.
public enum LessonPipeline {
    /// Reads, parses and evaluates one lesson file. Problems go to `diagnostics`; returns nil when
    /// the lesson has errors.
    public static func evaluate(path: String, diagnostics: DiagnosticEngine) -> EvaluatedLesson? {
        fatalError("unimplemented")
    }
}

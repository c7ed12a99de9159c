import Foundation

/// `verify` over lesson files: what `lessonbuild verify PATH...` runs.
extension ListingVerifier {
    /// Evaluates each lesson (folders expand to their `.md` files) and verifies its listings.
    /// Throws before running anything when a path or the interpreter is missing; a lesson that fails
    /// to evaluate is reported with its diagnostics and verified no further.
    public func verify(paths: [String]) throws -> VerifyReport {
        let files = try LessonFiles.expand(paths)
        _ = try interpreter()
        _ = try sandbox()
        var lessons: [VerifyReport.Lesson] = []
        for file in files {
            let diagnostics = DiagnosticEngine()
            let evaluated = LessonPipeline.evaluate(path: file, diagnostics: diagnostics)
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
            let verdicts = evaluated.map { verify($0, lessonFolder: folder) } ?? []
            lessons.append(VerifyReport.Lesson(path: file, diagnostics: diagnostics.sorted, verdicts: verdicts))
        }
        return VerifyReport(lessons: lessons, strict: configuration.strict)
    }
}

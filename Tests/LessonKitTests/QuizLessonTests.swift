import Foundation
import Testing
@testable import LessonKit

/// The quizzes of the real lessons in `lessons/` build without a diagnostic through the real parser
/// and interpreter (their answers are checked against NumPy by the browser test's answers file).
@Suite struct QuizLessonTests {
    static var lessonsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons")
    }

    @Test func cnnLessonQuizBuilds() throws {
        let path = ProcessInfo.processInfo.environment["LESSONBUILD_QUIZ_LESSON"]
            ?? Self.lessonsDirectory.appendingPathComponent("cnn.md").path
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("QuizLessonTests: \(path) not found; skipped")
            return
        }
        let built = try QuizBuilderLiveTests.build(source)
        #expect(built.diagnostics == [], "\(built.diagnostics)")
        #expect(built.questions.map(\.kind) == [.numeric, .numeric, .numeric, .choice, .numeric, .numeric, .numeric, .choice])
        #expect(built.questions.map(\.id) == (1...8).map { "q\($0)" })
        #expect(built.panel?.passMark == 0.75)
        for q in built.questions {
            print("QuizLessonTests: \(q.id) \(q.kind.rawValue) answer \(q.answer.displayText)")
        }
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The quizzes of the real lessons in `lessons/` build without a diagnostic through the real parser
/// and interpreter (their answers are checked against NumPy by the browser test's answers file).
@Suite struct QuizLessonTests {
    static var lessonsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons")
    }

    static var lessonPath: String {
        ProcessInfo.processInfo.environment["LESSONBUILD_QUIZ_LESSON"] ?? lessonsDirectory.appendingPathComponent("cnn.md").path
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: lessonPath), "the lesson file is missing"))
    func cnnLessonQuizBuilds() throws {
        let source = try String(contentsOfFile: Self.lessonPath, encoding: .utf8)
        let built = try QuizBuilderLiveTests.build(source, resourceDirectory: (Self.lessonPath as NSString).deletingLastPathComponent)
        #expect(built.diagnostics == [], "\(built.diagnostics)")
        #expect(built.questions.map(\.kind) == [.numeric, .numeric, .numeric, .choice, .numeric, .numeric, .numeric, .choice, .numeric])
        #expect(built.questions.map(\.id) == (1...8).map { "q\($0)" } + ["drawn-out-size"])
        #expect(built.questions.last?.variants.count == 12)
        #expect(built.panel?.passMark == 0.75)
        for q in built.questions {
            print("QuizLessonTests: \(q.id) \(q.kind.rawValue) answer \(q.answer.displayText)")
        }
        // For a person or the browser test: the lesson's quiz alone on a page.
        if let dir = ProcessInfo.processInfo.environment["LESSONBUILD_QUIZ_DEMO_DIR"], let panel = built.panel {
            var body = ""
            for (n, q) in built.questions.enumerated() { body += QuizHTML.question(q, index: n, lessonName: "cnn") }
            body += QuizHTML.panel(panel, questions: built.questions, lessonName: "cnn")
            body += QuizHTML.script(questions: built.questions, panel: panel, lessonName: "cnn")
            let page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CNN quiz</title></head>\n<body><main>\n\(body)</main></body></html>\n"
            try page.write(toFile: dir + "/cnn-quiz.html", atomically: true, encoding: .utf8)
        }
    }
}

extension QuizLessonTests {
    /// The answers of Tests/Oracle/cnn_answers.py (NumPy, independent of lessonbuild) all grade
    /// correct against the answers the lesson computes; three of them changed, 6 of 9 does not pass.
    static var oraclePath: String {
        ProcessInfo.processInfo.environment["LESSONBUILD_QUIZ_ORACLE"]
            ?? lessonsDirectory.deletingLastPathComponent().appendingPathComponent("Tests/Oracle/cnn_answers.py").path
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: lessonPath) && FileManager.default.fileExists(atPath: oraclePath)
                   && QuizFixtures.tool("python3") != nil, "the lesson, the NumPy oracle or python3 is missing"))
    func cnnLessonGradesTheNumPyAnswers() throws {
        let source = try String(contentsOfFile: Self.lessonPath, encoding: .utf8)
        let python = try #require(QuizFixtures.tool("python3"))
        let built = try QuizBuilderLiveTests.build(source, resourceDirectory: (Self.lessonPath as NSString).deletingLastPathComponent)
        // The oracle answers variant 1 of the variant question from the given values the JSON export reports.
        let export = FileManager.default.temporaryDirectory.appendingPathComponent("cnn-quiz-\(ProcessInfo.processInfo.processIdentifier).json")
        try Data(JSONExporter.text(questions: built.questions, panel: built.panel).utf8).write(to: export)
        defer { try? FileManager.default.removeItem(at: export) }
        let (status, out, err) = try QuizFixtures.run(python, [Self.oraclePath, export.path])
        try #require(status == 0, "the oracle failed: \(err)")
        let responses = try ResponseReader.parse(out, path: "cnn.json")
        let report = Grader.grade(lessonName: "cnn", questions: built.questions, panel: built.panel, responses: responses)
        let learner = try #require(report.learners.first)
        #expect(learner.questions.filter { $0.verdict != .correct }.map(\.id) == [], "\(report.text)")
        #expect(learner.passed)
        var two = responses
        two.learners[0].answers["q7"] = "-1"
        two.learners[0].answers["q8"] = "3"
        two.learners[0].answers["drawn-out-size"] = "-1"
        let lower = Grader.grade(lessonName: "cnn", questions: built.questions, panel: built.panel, responses: two)
        #expect(lower.learners.first?.correct == 6 && lower.learners.first?.passed == false)
        print("QuizLessonTests: graded \(learner.questions.count) NumPy answers")
    }
}

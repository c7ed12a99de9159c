import Foundation
import Testing
import ZIPFoundation
import TestSupport
@testable import LessonKit

/// The work behind `lessonbuild grade` and `lessonbuild export` (`QuizCommands`) on a lesson built
/// from hand-made questions.
@Suite struct GradeCommandTests {
    static func lesson(questions: [Question] = QuizDemoPage.questions) -> EvaluatedLesson {
        EvaluatedLesson(path: "lessons/demo.md", name: "demo", title: "Demo", summary: nil, template: [], blocks: [],
                        inlineTexts: [], questions: questions, quiz: QuizFixtures.panel)
    }

    @Test func gradesAJSONResponseFile() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, answers) = try QuizDemoPage.write(to: dir)
        let result = QuizCommands.grade(Self.lesson(), responsesPath: answers.path, json: false, gradebookPath: nil)
        #expect(result.status == 0)
        #expect(result.stderr == [])
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.hasSuffix("score 100% (8 of 8)\npassed (above 75%)\n"), "\(text)")
        #expect(text.hasPrefix("q1          correct     (answer 112)\n"))
    }

    @Test func sixOfEightDoesNotPassAndGradebookGoesToAFile() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("class.csv")
        try Data("""
        learner,q1,q2,q3,pixel-mean,q5,q6,q7,q8
        ada,112,2,Max Pooling,0.874,1e-5,"-38,535,424",2,5
        bo,112,2,max pooling,0.874,0.00001,-38535424,3,6

        """.utf8).write(to: csv)
        let book = dir.appendingPathComponent("book.csv")
        let result = QuizCommands.grade(Self.lesson(), responsesPath: csv.path, json: false, gradebookPath: book.path)
        #expect(result.status == 0)
        #expect(try String(contentsOf: book, encoding: .utf8) == "learner,score,passed\nada,100,true\nbo,75,false\n")
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("learner bo\n") && text.contains("score 75% (6 of 8)\nnot passed (needs more than 75%)\n"))
        #expect(!text.contains("gradebook"))
        let json = QuizCommands.grade(Self.lesson(), responsesPath: csv.path, json: true, gradebookPath: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let passed = (object["learners"] as? [[String: Any]])?.map { $0["passed"] as? Bool }
        #expect(passed == [true, false])
    }

    @Test func malformedResponsesExitOneWithFileAndRow() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("bad.csv")
        try Data("learner,q1\nada,112\nbo,1,2\n".utf8).write(to: csv)
        let result = QuizCommands.grade(Self.lesson(), responsesPath: csv.path, json: false, gradebookPath: nil)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == ["\(csv.path):3: error: this row has 3 fields, the header has 2"])
        let none = QuizCommands.grade(Self.lesson(questions: []), responsesPath: csv.path, json: false, gradebookPath: nil)
        #expect(none.status == 1 && none.stderr == ["lessons/demo.md: error: the lesson has no `{question}` blocks to grade"])
    }

    @Test func exportsToStdoutAndFiles() throws {
        let gift = QuizCommands.export(Self.lesson(), format: .gift, outPath: nil)
        #expect(gift.status == 0)
        #expect(MoodleGIFT.parse(file: String(decoding: gift.stdout, as: UTF8.self)).count == 8)
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zipURL = dir.appendingPathComponent("quiz.zip")
        let qti = QuizCommands.export(Self.lesson(), format: .qti, outPath: zipURL.path)
        #expect(qti.status == 0 && qti.stdout.isEmpty)
        let archive = try Archive(url: zipURL, accessMode: .read)
        #expect(archive.map(\.path).count == 10)
        let none = QuizCommands.export(Self.lesson(questions: []), format: .moodle, outPath: nil)
        #expect(none.status == 1 && none.stderr == ["lessons/demo.md: error: the lesson has no `{question}` blocks to export"])
    }
}

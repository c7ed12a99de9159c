import CNNKernels
import Foundation
import Testing
import TestSupport
@testable import LessonKit

extension Question.Kind {
    static let integer = Question.Kind(rawValue: "integer")
}

/// A throwaway kind, written as a new kind would be: this struct (and the `Question.Kind` above)
/// is all of it. `{question} integer`: a whole-number answer graded exactly.
struct IntegerKind: QuizKind {
    var kind: Question.Kind { .integer }
    var options: [String] { [] }
    var readsOptionList: Bool { false }

    func answer(from value: Value, at location: LessonKit.SourceLocation, optionCount: Int, draft: inout QuestionDraft) -> Question.Answer? {
        guard case let .int(n) = value else {
            draft.error(location, "an integer answer must be an Int, got \(value.quizDescription)")
            return nil
        }
        return .numeric(value: Double(n), tolerance: 0, display: String(n))
    }

    func inputsHTML(_ question: Question, base: String, number: Int) -> String {
        TextKind.field(base: base, number: number, mode: " inputmode=\"numeric\"")
    }

    func gradingSpec(_ answer: Question.Answer, optionCount: Int) -> GradingSpec {
        NumericKind().gradingSpec(answer, optionCount: optionCount)
    }

    func moodle(_ question: Question) throws(QuizExporter.Refusal) -> (type: String, promptSuffix: String, body: String) {
        try NumericKind().moodle(question)
    }

    func gift(_ question: Question) throws(QuizExporter.Refusal) -> String { try NumericKind().gift(question) }

    func qti(_ question: Question) throws(QuizExporter.Refusal) -> (declarations: [String], interaction: String, rules: [String]) {
        guard case let .numeric(value, _, _) = question.answer else { throw refuse(question, format: "QTI", "not an integer") }
        return ([QTIExporter.declaration("RESPONSE", "integer", QuizNumber.text(value))],
                "    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"12\"/></p>\n",
                [QTIExporter.condition("<match><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></match>",
                                       QTIExporter.setScoreOne)])
    }
}

/// Adding a kind is one file plus its registration: `IntegerKind` above, registered for the scope
/// of a test, goes through the whole pipeline (options, answer checks, page, grading, exports)
/// with no other change.
@Suite struct QuizKindRegistrationTests {
    static let lesson = """
    ```{eval}
    let side = 12
    ```

    ```{question} integer
    :name: side
    :answer: side
    How many pixels wide is the patch?
    +++
    It is {{ side }} pixels wide.
    ```

    ```{question} integer
    :answer: 2.5
    :tolerance: 1
    Half?
    ```

    """

    @Test func aRegisteredKindGoesThroughTheWholePipeline() throws {
        try QuizKinds.$registered.withValue(QuizKinds.all + [IntegerKind()]) {
            let (broken, errors) = QuizVersion2Tests.evaluate(Self.lesson, path: "k.md")
            #expect(broken == nil)
            #expect(errors == ["k.md:14:10: error: an integer answer must be an Int, got Double 2.5",
                               "k.md:15:13: error: `:tolerance:` applies only to numeric and matrix questions"])
            let good = String(Self.lesson.prefix { $0 != "+" }) + "+++\nIt is {{ side }} pixels wide.\n```\n"
            let (built, none) = QuizVersion2Tests.evaluate(good, path: "k.md")
            #expect(none == [])
            let lesson = try #require(built)
            let q = try #require(lesson.questions.first)
            #expect(q.kind == .integer && q.explanationHTML == "<p>It is 12 pixels wide.</p>\n")
            #expect(QuizHTML.question(q, index: 0, lessonName: "k").contains("id=\"quiz-side-input\" name=\"quiz-side\" inputmode=\"numeric\""))
            #expect(["12", "12.0", "1.2e1"].map { q.gradingSpec.grade($0).verdict } == [.correct, .correct, .correct])
            #expect(["13", "abc", ""].map { q.gradingSpec.grade($0).verdict } == [.incorrect, .invalid, .unanswered])
            let gift = MoodleGIFT.parse(file: String(decoding: try QuizExporter.export(lesson, format: .gift), as: UTF8.self))
            #expect(gift.first?.qtype == "numerical" && gift.first?.numbers.first?.0 == "12")
            let files = try ExportReaderFindingTests.qtiFiles(lesson.questions)
            let item = try XMLNode.parse(try #require(files["items/side.xml"]))
            #expect(item.first("responseDeclaration")?.attributes["baseType"] == "integer")
        }
        // Unregistered, the kind is unknown.
        let (_, errors) = QuizVersion2Tests.evaluate(Self.lesson, path: "k.md")
        #expect(errors.contains("k.md:5:15: error: unknown question kind `integer`; use numeric, choice, text, matrix or cell"))
    }
}

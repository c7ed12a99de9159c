import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Cell questions in the exports (a choice among the cells, read back by Foundation's XML parser,
/// the transcription of Moodle's GIFT importer and the IMS QTI 2.1 XSD), refusals naming the
/// question, `--skip-unsupported`, and `lessons/cnn.md` (with its matrix and cell questions) in
/// every format.
@Suite struct QuizCellExportTests {
    static func cell(_ id: String, rows: Int, columns: Int, row: Int, col: Int, line: Int = 1) -> Question {
        let values = (0..<(rows * columns)).map { Double($0) / 4 }
        let map = Heatmap(rows: rows, columns: columns, values: values, reprs: values.map { "\($0)" },
                          texts: values.map { String(format: "%.2f", $0) }, colormap: .gray, min: values.min() ?? 0,
                          max: values.max() ?? 0, annotate: false)
        return Question(id: id, kind: .cell, promptHTML: "<p>Pick the cell {a: b = c}.</p>\n", optionsHTML: [],
                        answer: .cell(.init(row: row, col: col, heatmap: map)), location: SourceLocation(line: line, column: 1),
                        explanationHTML: "<p>Because.</p>\n")
    }

    /// The options a reader should find, written here from the rule "Row R, column C: VALUE" in reading order.
    static func labels(rows: Int, columns: Int) -> [String] {
        (0..<rows).flatMap { r in (0..<columns).map { c in "Row \(r + 1), column \(c + 1): " + String(format: "%.2f", Double(r * columns + c) / 4) } }
    }

    @Test func moodleXMLIsAChoiceAmongTheCells() throws {
        let q = Self.cell("peak", rows: 2, columns: 3, row: 1, col: 2)
        let xml = try XMLNode.parse(try QuizExporter.export(questions: [q], panel: nil, lessonName: "x", title: "T", format: .moodle))
        let question = try #require(xml.first("question"))
        #expect(question.attributes["type"] == "multichoice")
        #expect(question.first("single")?.text == "true")
        let answers = question.all("answer")
        #expect(answers.map { $0.first("text")?.text ?? "" } == Self.labels(rows: 2, columns: 3))
        #expect(answers.map { $0.attributes["fraction"] ?? "" } == ["0", "0", "0", "0", "0", "100"])
        let text = question.first("questiontext")?.first("text")?.text ?? ""
        #expect(text.hasPrefix(q.promptHTML))
        #expect(text.contains("<th scope=\"row\">Row 2</th><td>0.75</td><td>1.00</td><td>1.25</td></tr>"))
        #expect(question.first("generalfeedback")?.first("text")?.text == "<p>Because.</p>\n")
    }

    /// Read by the transcription of Moodle's `qformat_gift::readquestion`.
    @Test func giftIsAChoiceAmongTheCells() throws {
        let q = Self.cell("peak", rows: 2, columns: 2, row: 0, col: 1)
        let data = try QuizExporter.export(questions: [q], panel: nil, lessonName: "x", title: "T", format: .gift)
        let parsed = try #require(MoodleGIFT.parse(file: String(decoding: data, as: UTF8.self)).first)
        #expect(parsed.name == "peak" && parsed.qtype == "multichoice")
        #expect(parsed.answers == zip(Self.labels(rows: 2, columns: 2), [0.0, 1, 0, 0]).map { MoodleGIFT.Answer(text: $0, fraction: $1) })
        #expect(parsed.questionText.hasPrefix("<p>Pick the cell {a: b = c}.</p>\n<table>"))
        #expect(parsed.questionText.contains("<tr><th scope=\"row\">Row 1</th><td>0.00</td><td>0.25</td></tr>"))
        #expect(parsed.generalFeedback == "<p>Because.</p>")
    }

    @Test func qtiIsAChoiceInteractionAmongTheCells() throws {
        let q = Self.cell("peak", rows: 2, columns: 2, row: 1, col: 0)
        let files = try ExportReaderFindingTests.qtiFiles([q])
        let item = try XMLNode.parse(try #require(files["items/peak.xml"]))
        let declaration = try #require(item.first("responseDeclaration"))
        #expect(declaration.attributes["baseType"] == "identifier")
        #expect(declaration.first("correctResponse")?.first("value")?.text == "R2C1")
        let choices = item.descendants("simpleChoice")
        #expect(choices.map { $0.attributes["identifier"] ?? "" } == ["R1C1", "R1C2", "R2C1", "R2C2"])
        #expect(choices.map(\.text) == Self.labels(rows: 2, columns: 2))
        #expect(item.descendants("choiceInteraction").first?.attributes["maxChoices"] == "1")
        #expect(item.descendants("td").map(\.text) == ["", "0.00", "0.25", "0.50", "0.75"])
    }

    /// Above 100 cells each format refuses, naming the question and why.
    @Test func largeGridsAreRefusedNamingTheQuestion() throws {
        let q = Self.cell("big", rows: 11, columns: 10, row: 0, col: 0, line: 42)
        for (format, name) in [(QuizExporter.Format.moodle, "Moodle XML"), (.gift, "GIFT"), (.qti, "QTI")] {
            do {
                _ = try QuizExporter.export(questions: [q], panel: nil, lessonName: "x", title: "T", format: format)
                Issue.record("\(format) exported an 11 x 10 cell question")
            } catch let refusal as QuizExporter.Refusal {
                #expect(refusal.description(path: "l.md") == "l.md:42:1: error: \(name) cannot carry question `big`: \(name) gets a cell "
                        + "question as a multiple-choice question among its cells, and this heatmap's 11 x 10 cells are more than 100 options")
            }
        }
    }

    static var cnnPath: String { Paths.root.appendingPathComponent("lessons/cnn.md").path }

    static func cnn() throws -> EvaluatedLesson {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: cnnPath, diagnostics: diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [])
        return try #require(lesson)
    }

    /// The line of the first `{question} KIND` fence in cnn.md, found in the text.
    static func fenceLine(_ kind: String) throws -> Int {
        let lines = try String(contentsOfFile: cnnPath, encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0 == "```{question} \(kind)" }) + 1
    }

    /// cnn.md: Moodle XML and QTI carry every question; GIFT names the matrix question, or with
    /// `--skip-unsupported` leaves it out with a warning.
    @Test func cnnLessonInEveryFormat() throws {
        let lesson = try Self.cnn()
        let ids = lesson.questions.map(\.id)
        #expect(ids.contains("feature-map") && ids.contains("padded-peak"))

        let moodle = QuizCommands.export(lesson, format: .moodle, outPath: nil)
        #expect(moodle.status == 0 && moodle.stderr == [], "\(moodle.stderr)")
        let xml = try XMLNode.parse(moodle.stdout)
        // Questions (a question's variants are `ID-vK` in a category of their own).
        let questions = xml.all("question").filter { $0.attributes["type"] != "category" }
        let names = questions.map { $0.first("name")?.first("text")?.text ?? "" }
        #expect(names.filter { !$0.contains("-v") } == ids.filter { q in !lesson.questions.contains { $0.id == q && !$0.variants.isEmpty } })
        #expect(questions.allSatisfy { $0.first("generalfeedback") != nil })
        let types = Dictionary(uniqueKeysWithValues: questions.map { ($0.first("name")?.first("text")?.text ?? "", $0.attributes["type"] ?? "") })
        #expect(types["feature-map"] == "cloze" && types["padded-peak"] == "multichoice")

        let files = try ExportReaderFindingTests.qtiFiles(lesson.questions)
        let items = Set(files.keys.filter { $0.hasPrefix("items/") })
        #expect(items.isSuperset(of: ["items/feature-map.xml", "items/padded-peak.xml"]))
        #expect(items.count == lesson.questions.reduce(0) { $0 + max(1, $1.variants.count) })

        let matrixLine = try Self.fenceLine("matrix")
        let gift = QuizCommands.export(lesson, format: .gift, outPath: nil)
        #expect(gift.status == 1 && gift.stdout.isEmpty)
        #expect(gift.stderr == ["\(Self.cnnPath):\(matrixLine):1: error: GIFT cannot carry question `feature-map`: GIFT has no cloze or "
                                + "multi-part questions for a matrix answer; export it with --format moodle (a cloze question) or --format qti"])
        let skipped = QuizCommands.export(lesson, format: .gift, outPath: nil, skipUnsupported: true)
        #expect(skipped.status == 0)
        #expect(skipped.stderr == ["\(Self.cnnPath):\(matrixLine):1: warning: GIFT cannot carry question `feature-map`: GIFT has no cloze or "
                                   + "multi-part questions for a matrix answer; export it with --format moodle (a cloze question) or "
                                   + "--format qti; skipped"])
        let parsed = MoodleGIFT.parse(file: String(decoding: skipped.stdout, as: UTF8.self))
        #expect(!parsed.map(\.name).contains("feature-map") && parsed.map(\.name).contains("q8"))
        let peak = try #require(parsed.first { $0.name == "padded-peak" })
        #expect(peak.qtype == "multichoice" && peak.answers.filter { $0.fraction == 1 }.map(\.text) == ["Row 3, column 3: 0.874"])
        // Nothing to skip: the same bytes as without the option.
        let plain = QuizCommands.export(lesson, format: .moodle, outPath: nil, skipUnsupported: true)
        #expect(plain.stdout == moodle.stdout && plain.stderr == [])
    }

    @Test func skippingEveryQuestionIsAnError() {
        let matrix = Question(id: "m", kind: .matrix, promptHTML: "<p>m</p>\n", optionsHTML: [],
                              answer: .matrix(.init(values: [1], rows: 1, columns: 1, tolerance: 0, partial: true, display: "1")),
                              location: SourceLocation(line: 3, column: 1))
        let lesson = EvaluatedLesson(path: "m.md", name: "m", title: "M", summary: nil, template: [], blocks: [], inlineTexts: [],
                                     questions: [matrix], quiz: nil)
        let result = QuizCommands.export(lesson, format: .gift, outPath: nil, skipUnsupported: true)
        #expect(result.status == 1)
        #expect(result.stderr.last == "m.md: error: gift can carry none of the lesson's questions")
        #expect(result.stderr.first?.hasPrefix("m.md:3:1: warning: GIFT cannot carry question `m`") == true)
    }

    /// cnn.md's whole QTI package, cell and matrix items included, is valid against the IMS XSDs.
    @Test(.enabled(if: ExportReaderFindingTests.canValidate, "xmllint or the offline schemas are missing"))
    func cnnQTIPackageIsSchemaValid() throws {
        let lesson = try Self.cnn()
        let files = try ExportReaderFindingTests.qtiFiles(lesson.questions)
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var items: [String] = []
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            if name.hasPrefix("items/") || name == "assessment.xml" { items.append(url.path) }
        }
        let xmllint = try #require(QuizFixtures.tool("xmllint"))
        let qti = ExportReaderFindingTests.schemas.appendingPathComponent("qti21/qtiv2p1/imsqti_v2p1.xsd").path
        let (status, _, err) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema", qti] + items.sorted())
        #expect(status == 0, "\(err)")
        #expect(items.count == lesson.questions.reduce(0) { $0 + max(1, $1.variants.count) } + 1)
        // Every number in it is one qti-sdk reads as a float.
        for (file, text) in try ExportReaderFindingTests.floats(in: files) {
            #expect(QTIFloatRule.accepts(text), "\(file): `\(text)`")
        }
    }
}

import Foundation
import Testing
import ZIPFoundation
import TestSupport
@testable import LessonKit

/// One test per finding of the real importers run on our exports (issue 12), each holding the export
/// to the importer's own rule (`Support/ImporterRules.swift`), plus the schema checks with the
/// offline XSDs and `xmllint`.
@Suite struct ExportReaderFindingTests {
    static func question(_ id: String, _ kind: Question.Kind, _ answer: Question.Answer, options: [String] = [],
                         explanation: String? = nil, line: Int = 1) -> Question {
        Question(id: id, kind: kind, promptHTML: "<p>Question \(id)?</p>\n", optionsHTML: options, answer: answer,
                 location: SourceLocation(line: line, column: 1), explanationHTML: explanation)
    }

    /// Numbers that Swift prints with an exponent, as answers and tolerances.
    static let numbers: [Question] = [
        question("lr", .numeric, .numeric(value: 1e-05, tolerance: 1e-09, display: "1e-05")),
        question("huge", .numeric, .numeric(value: 1e+20, tolerance: 1e+15, display: "1e+20")),
        question("tiny", .numeric, .numeric(value: 2.5e-300, tolerance: 0, display: "2.5e-300")),
        question("neg", .numeric, .numeric(value: -3.75e-7, tolerance: 5e-10, display: "-3.75e-07")),
        question("grid", .matrix, .matrix(.init(values: [1e-05, 2, 0.5, 1e+20], rows: 2, columns: 2, tolerance: 1e-09,
                                               partial: true, display: "1e-05 2; 0.5 1e+20"))),
    ]

    static func qtiFiles(_ questions: [Question], panel: QuizPanel? = QuizFixtures.panel) throws -> [String: Data] {
        let data = try QuizExporter.export(questions: questions, panel: panel, lessonName: "findings", title: "T", format: .qti)
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    /// Every number the package gives a float meaning: float `<value>`s, `<baseValue baseType="float">`
    /// and `tolerance` attributes, with the file it is in.
    static func floats(in files: [String: Data]) throws -> [(file: String, text: String)] {
        var out: [(String, String)] = []
        for (name, data) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".xml") {
            let root = try XMLNode.parse(data)
            func walk(_ node: XMLNode, floatContext: Bool) {
                let isFloat = floatContext || node.attributes["baseType"] == "float"
                if node.name == "value" || node.name == "baseValue", isFloat {
                    out.append((name, node.text))
                }
                if let tolerance = node.attributes["tolerance"] {
                    for token in tolerance.split(separator: " ") { out.append((name, String(token))) }
                }
                for child in node.children { walk(child, floatContext: isFloat && node.name != "baseValue") }
            }
            walk(root, floatContext: false)
        }
        return out
    }

    @Test func qtiFloatRuleIsTheEnginesRule() {
        // The rule as qti-sdk applies it: the shapes our old exports had fail, the fixed ones pass.
        for bad in ["1e-09", "1e-05", "1e+20", "-2e3", ".5", "5.", "abc", ""] { #expect(!QTIFloatRule.accepts(bad), "\(bad)") }
        for good in ["0", "112", "-38535424", "0.874", "1.0e-09", "1.0e+20", "2.5e-300", "+3.75e-07"] {
            #expect(QTIFloatRule.accepts(good), "\(good)")
        }
    }

    /// Finding: qti-sdk rejected `1e-09` (tolerance) and `1e-05`/`1e+20` (answers).
    @Test func everyQTINumberIsReadByTheEnginesFloatRule() throws {
        let files = try Self.qtiFiles(Self.numbers + QuizFixtures.questions)
        let found = try Self.floats(in: files)
        #expect(found.count >= 20, "found \(found.count) numbers")
        for (file, text) in found {
            #expect(QTIFloatRule.accepts(text), "\(file): `\(text)` is not a float to qti-sdk")
            #expect(Double(text) != nil, "\(file): `\(text)`")
        }
        // They read back as the same values.
        let lr = try XMLNode.parse(try #require(files["items/lr.xml"]))
        #expect(lr.first("responseDeclaration")?.first("correctResponse")?.first("value")?.text == "1.0e-05")
        #expect(lr.descendants("equal").first?.attributes["tolerance"] == "1.0e-09 1.0e-09")
        let grid = try XMLNode.parse(try #require(files["items/grid.xml"]))
        let values = grid.all("responseDeclaration").compactMap { Double($0.first("correctResponse")?.first("value")?.text ?? "") }
        #expect(values == [1e-05, 2, 0.5, 1e+20])
    }

    static func gift(_ questions: [Question]) throws -> [MoodleGIFT.Question] {
        let data = try QuizExporter.export(questions: questions, panel: nil, lessonName: "findings", title: "T", format: .gift)
        return MoodleGIFT.parse(file: String(decoding: data, as: UTF8.self))
    }

    /// Finding: `*` in a short answer was Moodle's wildcard (`aXYZb` matched `a*b`).
    @Test func giftShortAnswerStarIsLiteral() throws {
        for answer in ["a*b", "**", "x\\*y", "2 * 3 = 6"] {
            let q = try #require(try Self.gift([Self.question("star", .text, .text(answer))]).first)
            #expect(q.qtype == "shortanswer")
            let pattern = try #require(q.answers.first?.text)
            #expect(q.answers.first?.fraction == 1)
            #expect(MoodleGIFT.shortAnswerMatches(answer, pattern: pattern, ignoreCase: true), "\(answer) vs \(pattern)")
            #expect(MoodleGIFT.shortAnswerMatches(answer.uppercased(), pattern: pattern, ignoreCase: true))
            let widened = answer.replacingOccurrences(of: "*", with: "XYZ")
            #expect(!MoodleGIFT.shortAnswerMatches(widened, pattern: pattern, ignoreCase: true), "`\(widened)` must not match `\(answer)`")
        }
        // The rule can fail: an unescaped star is a wildcard.
        #expect(MoodleGIFT.shortAnswerMatches("aXYZb", pattern: "a*b", ignoreCase: true))
    }

    /// Finding: a text answer with `->` made Moodle read a matching question (and drop it).
    @Test func giftArrowAnswerStaysAShortAnswer() throws {
        for answer in ["x -> y", "a->b", "=->", "T", "FALSE", "%50% off", "#1"] {
            let q = try #require(try Self.gift([Self.question("arrow", .text, .text(answer))]).first)
            #expect(q.qtype == "shortanswer", "\(answer) read as \(q.qtype)")
            #expect(q.answers.map(\.fraction) == [1], "\(answer)")
            #expect(MoodleGIFT.shortAnswerMatches(answer, pattern: q.answers.first?.text ?? "", ignoreCase: true), "\(answer)")
        }
        // The rule can fail: `=` with `->` is a matching question.
        #expect(MoodleGIFT.read(["::q::x{=a->b}"])?.qtype == "match")
    }

    /// Finding: a wrong option starting with `%50%` imported as a 50%-credit option.
    @Test func giftPercentOptionEarnsNothing() throws {
        let options = ["%50% of the pixels", "all of them", " %100% sure", "100%"]
        let q = try #require(try Self.gift([Self.question("pct", .choice, .choice(2), options: options)]).first)
        #expect(q.qtype == "multichoice")
        #expect(q.answers == [.init(text: "%50% of the pixels", fraction: 0), .init(text: "all of them", fraction: 1),
                              .init(text: "%100% sure", fraction: 0), .init(text: "100%", fraction: 0)])
        // The rule can fail: an unmarked `~%50%` is half credit.
        #expect(MoodleGIFT.read(["::q::x{~%50%a =b}"])?.answers.first?.fraction == 0.5)
    }

    @Test func giftRefusesWhatItCannotCarry() {
        let matrix = Self.question("grid", .matrix, .matrix(.init(values: [1, 2], rows: 1, columns: 2, tolerance: 0, partial: false,
                                                                  display: "1 2")), line: 12)
        #expect(throws: QuizExporter.Refusal.self) { try Self.gift([matrix]) }
        do {
            _ = try Self.gift([matrix])
        } catch let refusal as QuizExporter.Refusal {
            #expect(refusal.description(path: "l.md").hasPrefix("l.md:12:1: error: GIFT cannot carry question `grid`: GIFT has no cloze"))
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: QuizExporter.Refusal.self) { try Self.gift([Self.question("ph", .text, .text("a&&058;b"))]) }
    }

    /// Explanations are general feedback in each format.
    @Test func explanationsAreGeneralFeedback() throws {
        let explanation = "<p>Because (224 + 2 − 3) / 2 + 1 = 112: a = b {c} # d ~ e</p>\n"
        let questions = [
            Self.question("n", .numeric, .numeric(value: 112, tolerance: 0, display: "112"), explanation: explanation),
            Self.question("c", .choice, .choice(1), options: ["yes", "no"], explanation: explanation),
            Self.question("t", .text, .text("a->b"), explanation: explanation),
        ]
        for q in try Self.gift(questions) {
            #expect(q.generalFeedback == explanation.trimmingCharacters(in: .whitespacesAndNewlines), "\(q.name)")
            #expect(q.qtype != "match")
        }
        let moodle = try XMLNode.parse(try QuizExporter.export(questions: questions, panel: nil, lessonName: "x", title: "T", format: .moodle))
        #expect(moodle.all("question").map { $0.first("generalfeedback")?.first("text")?.text } == Array(repeating: explanation, count: 3))
        let files = try Self.qtiFiles(questions)
        for q in questions {
            let item = try XMLNode.parse(try #require(files["items/\(q.id).xml"]))
            let feedback = try #require(item.first("modalFeedback"))
            #expect(feedback.attributes["outcomeIdentifier"] == "FEEDBACK" && feedback.attributes["showHide"] == "show")
            #expect(item.descendants("setOutcomeValue").contains { $0.attributes["identifier"] == "FEEDBACK" })
        }
    }

    @Test func moodleMatrixIsAClozeOrRefused() throws {
        let partial = Self.question("grid", .matrix, .matrix(.init(values: [0.852, 0.789, 0.817, 0.874], rows: 2, columns: 2,
                                                                   tolerance: 0.001, partial: true, display: "")))
        let xml = try XMLNode.parse(try QuizExporter.export(questions: [partial], panel: nil, lessonName: "x", title: "T", format: .moodle))
        let q = try #require(xml.first("question"))
        #expect(q.attributes["type"] == "cloze")
        let text = q.first("questiontext")?.first("text")?.text ?? ""
        let cells = text.components(separatedBy: "{1:NUMERICAL:=").dropFirst().map { String($0.prefix { $0 != "}" }) }
        #expect(cells == ["0.852:0.001", "0.789:0.001", "0.817:0.001", "0.874:0.001"])
        #expect(text.contains("<th scope=\"row\">Row 2</th>") && text.contains("<th scope=\"col\">Column 2</th>"))
        // Moodle's cloze number rule holds for every cell, also for numbers Swift prints with an exponent.
        let wide = Self.question("wide", .matrix, .matrix(.init(values: [1e-05, -2.5e+20, 0, -3], rows: 2, columns: 2,
                                                                tolerance: 1e-09, partial: true, display: "")))
        let wideXML = try XMLNode.parse(try QuizExporter.export(questions: [partial, wide], panel: nil, lessonName: "x", title: "T",
                                                               format: .moodle))
        var alternatives: [String] = []
        for q in wideXML.all("question") {
            let t = q.first("questiontext")?.first("text")?.text ?? ""
            alternatives += t.components(separatedBy: "{1:NUMERICAL:=").dropFirst().map { String($0.prefix { $0 != "}" }) }
        }
        #expect(alternatives.count == 8)
        for alternative in alternatives { #expect(MoodleCloze.acceptsNumerical(alternative), "\(alternative)") }
        #expect(!MoodleCloze.acceptsNumerical("1e-05:abc") && !MoodleCloze.acceptsNumerical("nan:0"))
        var strict = partial
        strict.answer = .matrix(.init(values: [1], rows: 1, columns: 1, tolerance: 0, partial: false, display: "1"))
        #expect(throws: QuizExporter.Refusal.self) {
            try QuizExporter.export(questions: [strict], panel: nil, lessonName: "x", title: "T", format: .moodle)
        }
    }

    /// `shared/data/schemas` beside the checkout (CI lays `shared/` there; a worktree is one level deeper).
    static let schemas: URL = {
        let parent = Paths.root.deletingLastPathComponent()
        let candidates = [parent, parent.deletingLastPathComponent()].map { $0.appendingPathComponent("shared/data/schemas") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()
    static var canValidate: Bool {
        QuizFixtures.tool("xmllint") != nil && FileManager.default.fileExists(atPath: schemas.appendingPathComponent("qti21").path)
    }

    /// Every item, the test and the manifest are valid against the IMS QTI 2.1 and IMS CP XSDs
    /// (offline copies; `xmllint --schema`), with every kind, explanations and matrix items.
    @Test(.enabled(if: canValidate, "xmllint or the offline schemas are missing"))
    func qtiPackageIsSchemaValid() throws {
        let explained = QuizFixtures.questions.map { q -> Question in
            var q = q
            q.explanationHTML = "<p>Why: <em>\(q.id)</em></p>\n"
            return q
        }
        let strict = Self.question("strict", .matrix, .matrix(.init(values: [1, 2, 3, 4], rows: 2, columns: 2, tolerance: 0,
                                                                     partial: false, display: "")))
        let files = try Self.qtiFiles(explained + Self.numbers + [strict])
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
        let qti = Self.schemas.appendingPathComponent("qti21/qtiv2p1/imsqti_v2p1.xsd").path
        let (status, _, err) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema", qti] + items.sorted())
        #expect(status == 0, "\(err)")
        #expect(items.count == explained.count + Self.numbers.count + 2)
        let cp = Self.schemas.appendingPathComponent("qti21/imscp_v1p1.xsd").path
        let (mstatus, _, merr) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema", cp,
                                                                dir.appendingPathComponent("imsmanifest.xml").path])
        #expect(mstatus == 0, "\(merr)")
    }
}

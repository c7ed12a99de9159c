import Foundation
import Testing
import ZIPFoundation
@testable import LessonKit
#if canImport(FoundationXML)
import FoundationXML
import TestSupport
#endif

/// A minimal XML tree, read with Foundation's XMLParser (independent of the exporters' writers).
final class XMLNode {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    /// Every descendant named `name`, depth first.
    func descendants(_ name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = [XMLNode(name: "#document", attributes: [:])]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = XMLNode(name: name, attributes: attributes)
            stack.last?.children.append(node)
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }

    static func parse(_ data: Data) throws -> XMLNode {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.stack.first?.children.first else {
            throw CocoaError(.coderReadCorrupt)
        }
        return root
    }
}

@Suite struct ExportReadBackTests {
    static let questions = QuizFixtures.questions

    /// The expected answers, written independently of the exporters from the fixture's literals.
    static let expectedNumeric: [String: (Double, Double)] = ["q1": (112, 0), "pixel-mean": (0.874, 0.001),
                                                              "q5": (1e-05, 1e-09), "q6": (-38_535_424, 0)]

    @Test func moodleXMLReadsBackWithEveryAnswer() throws {
        let data = try QuizExporter.export(questions: Self.questions, panel: QuizFixtures.panel, lessonName: "cnn",
                                           title: "CNN -- a test", format: .moodle)
        let quiz = try XMLNode.parse(data)
        #expect(quiz.name == "quiz")
        let questions = quiz.all("question")
        #expect(questions.map { $0.first("name")?.first("text")?.text } == Self.questions.map(\.id))
        var checked = 0
        for q in questions {
            let id = try #require(q.first("name")?.first("text")?.text)
            let answers = q.all("answer")
            switch q.attributes["type"] {
            case "numerical":
                let (value, tolerance) = try #require(Self.expectedNumeric[id])
                #expect(answers.count == 1)
                #expect(Double(answers[0].first("text")?.text ?? "") == value, "\(id)")
                #expect(Double(answers[0].first("tolerance")?.text ?? "") == tolerance, "\(id)")
                #expect(answers[0].attributes["fraction"] == "100")
            case "multichoice":
                #expect(id == "q2")
                #expect(answers.map { $0.attributes["fraction"] } == ["0", "100", "0"])
                #expect(answers[1].first("text")?.text == "cross-correlation: the kernel slides <code>unflipped</code>")
                #expect(q.first("single")?.text == "true")
            case "shortanswer":
                #expect(id == "q3")
                #expect(answers.first?.first("text")?.text == "Max pooling")
                #expect(q.first("usecase")?.text == "0")
            default:
                Issue.record("unexpected question type \(String(describing: q.attributes["type"]))")
            }
            #expect(q.first("questiontext")?.first("text")?.text == Self.questions.first { $0.id == id }?.promptHTML)
            checked += 1
        }
        #expect(checked == 6)
    }

    /// Read by a transcription of Moodle's own importer (`MoodleGIFT`, from `qformat_gift`).
    @Test func giftReadsBackWithEveryAnswer() throws {
        let data = try QuizExporter.export(questions: Self.questions, panel: nil, lessonName: "cnn", title: "CNN", format: .gift)
        let parsed = MoodleGIFT.parse(file: String(decoding: data, as: UTF8.self))
        #expect(parsed.map(\.name) == Self.questions.map(\.id))
        for (item, q) in zip(parsed, Self.questions) {
            #expect(item.questionText == q.promptHTML.trimmingCharacters(in: .whitespacesAndNewlines), "\(q.id)")
            switch q.kind {
            case .numeric:
                let (value, tolerance) = try #require(Self.expectedNumeric[q.id])
                #expect(item.qtype == "numerical")
                #expect(item.numbers.count == 1)
                #expect(Double(item.numbers.first?.0 ?? "") == value && Double(item.numbers.first?.1 ?? "") == tolerance, "\(q.id)")
            case .choice:
                #expect(item.qtype == "multichoice")
                #expect(item.answers == [.init(text: "a convolution with a flipped kernel", fraction: 0),
                                         .init(text: "cross-correlation: the kernel slides <code>unflipped</code>", fraction: 1),
                                         .init(text: "a max over each window {~=#}", fraction: 0)])
            case .text:
                #expect(item.qtype == "shortanswer")
                #expect(item.answers == [.init(text: "Max pooling", fraction: 1)])
            default:
                Issue.record("the fixture has no \(q.kind.rawValue) question")
            }
        }
    }

    @Test func giftEscapesSpecialCharacters() {
        #expect(GIFTExporter.escape("a = {b}: c ~ #1 \\ x\ny") == ##"a \= \{b\}\: c \~ \#1 \\ x\ny"##)
    }

    static func qtiFiles() throws -> [String: Data] {
        let data = try QuizExporter.export(questions: Self.questions, panel: QuizFixtures.panel, lessonName: "cnn",
                                           title: "CNN & co", format: .qti)
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    @Test func qtiPackageReadsBackWithEveryAnswer() throws {
        let files = try Self.qtiFiles()
        #expect(Set(files.keys) == Set(["imsmanifest.xml", "assessment.xml"] + Self.questions.map { "items/\($0.id).xml" }))
        let manifest = try XMLNode.parse(try #require(files["imsmanifest.xml"]))
        let resources = manifest.descendants("resource")
        #expect(resources.map { $0.attributes["href"] ?? "" } == ["assessment.xml"] + Self.questions.map { "items/\($0.id).xml" })
        #expect(resources.first?.all("dependency").count == Self.questions.count)
        let test = try XMLNode.parse(try #require(files["assessment.xml"]))
        #expect(test.descendants("assessmentItemRef").map { $0.attributes["href"] ?? "" } == Self.questions.map { "items/\($0.id).xml" })
        #expect(test.attributes["title"] == "CNN & co")
        for q in Self.questions {
            let item = try XMLNode.parse(try #require(files["items/\(q.id).xml"]))
            let declaration = try #require(item.first("responseDeclaration"))
            let correct = declaration.first("correctResponse")?.first("value")?.text
            switch q.kind {
            case .numeric:
                let (value, tolerance) = try #require(Self.expectedNumeric[q.id])
                #expect(declaration.attributes["baseType"] == "float")
                #expect(Double(correct ?? "") == value, "\(q.id)")
                let equal = try #require(item.descendants("equal").first)
                #expect(equal.attributes["toleranceMode"] == "absolute")
                let bounds = (equal.attributes["tolerance"] ?? "").split(separator: " ").compactMap { Double(String($0)) }
                #expect(bounds == [tolerance, tolerance], "\(q.id)")
            case .choice:
                #expect(correct == "C2")
                let choices = item.descendants("simpleChoice")
                #expect(choices.map { $0.attributes["identifier"] ?? "" } == ["C1", "C2", "C3"])
                #expect(choices[0].text == "a convolution with a flipped kernel")
            case .text:
                #expect(declaration.attributes["baseType"] == "string")
                #expect(correct == "Max pooling")
                #expect(item.descendants("stringMatch").first?.attributes["caseSensitive"] == "false")
            default:
                Issue.record("the fixture has no \(q.kind.rawValue) question")
            }
        }
    }

    @Test func qtiZipIsDeterministic() throws {
        let a = try QuizExporter.export(questions: Self.questions, panel: QuizFixtures.panel, lessonName: "cnn", title: "T", format: .qti)
        let b = try QuizExporter.export(questions: Self.questions, panel: QuizFixtures.panel, lessonName: "cnn", title: "T", format: .qti)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func malformedPromptHTMLFallsBackToText() {
        #expect(QTIExporter.xhtml("<p>a &nbsp; b<br></p>") == "a &amp;nbsp; b")
        #expect(QTIExporter.xhtml("<p>x <code>y</code></p>\n") == "<p>x <code>y</code></p>")
    }

    /// Python's zipfile and xml.etree read the same package (an independent reader).
    @Test(.enabled(if: QuizFixtures.tool("python3") != nil, "python3 is not installed"))
    func qtiPackageReadsBackInPython() throws {
        let python = try #require(QuizFixtures.tool("python3"))
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zipURL = dir.appendingPathComponent("quiz.zip")
        try QuizExporter.export(questions: Self.questions, panel: QuizFixtures.panel, lessonName: "cnn", title: "T", format: .qti)
            .write(to: zipURL)
        let script = #"""
        import json, sys, zipfile, xml.etree.ElementTree as ET
        NS = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1", "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        manifest = ET.fromstring(z.read("imsmanifest.xml"))
        out = {}
        for res in manifest.iterfind(".//cp:resource", NS):
            if res.get("type") != "imsqti_item_xmlv2p1":
                continue
            item = ET.fromstring(z.read(res.get("href")))
            decl = item.find("q:responseDeclaration", NS)
            entry = {"baseType": decl.get("baseType"), "correct": decl.find("q:correctResponse/q:value", NS).text}
            eq = item.find(".//q:equal", NS)
            if eq is not None:
                entry["tolerance"] = [float(t) for t in eq.get("tolerance").split()]
            out[item.get("identifier")] = entry
        print(json.dumps(out))
        """#
        let (status, stdout, stderr) = try QuizFixtures.run(python, ["-c", script, zipURL.path])
        #expect(status == 0, "\(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: [String: Any]])
        #expect(Set(result.keys) == Set(Self.questions.map(\.id)))
        for (id, (value, tolerance)) in Self.expectedNumeric {
            #expect(Double(result[id]?["correct"] as? String ?? "") == value, "\(id)")
            #expect((result[id]?["tolerance"] as? [Double]) == [tolerance, tolerance], "\(id)")
        }
        #expect(result["q2"]?["correct"] as? String == "C2")
        #expect(result["q3"]?["correct"] as? String == "Max pooling")
        print("ExportReadBackTests: python read \(result.count) items")
    }
}

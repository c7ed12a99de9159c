import Foundation
import Testing
import ZIPFoundation
import TestSupport
@testable import LessonKit

/// `lessonbuild export --format scorm`: the package's files and manifest, checked with the offline
/// ADL SCORM 1.2 and IMS CP schemas (`xmllint --schema`). The runtime side (API discovery, score,
/// status, suspend data, commit, finish) is driven in headless Chromium by `Tests/Browser/test_scorm.py`.
@Suite struct ExportSCORMTests {
    static func lesson(pass: Double = 0.75) -> EvaluatedLesson {
        EvaluatedLesson(path: "lessons/demo.md", name: "demo", title: "Demo & co", summary: nil, template: [], blocks: [],
                        inlineTexts: [], questions: QuizFixtures.questions,
                        quiz: QuizPanel(passMark: pass, passText: "", location: QuizFixtures.location))
    }

    static let pageFiles = ["demo.html": "<!DOCTYPE html><title>Demo</title>", "lessonbuild.css": "body {}", "index.html": "<p>index</p>"]

    static func entries(_ data: Data) throws -> [(String, String)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func packageHoldsThePageItsFilesAndTheManifest() throws {
        let data = try QuizExporter.export(Self.lesson(), format: .scorm, pageFiles: Self.pageFiles)
        let files = try Self.entries(data)
        #expect(files.map(\.0) == ["imsmanifest.xml", "demo.html", "index.html", "lessonbuild.css"])
        #expect(files[1].1 == Self.pageFiles["demo.html"])
        let manifest = try XMLNode.parse(Data(files[0].1.utf8))
        let resource = try #require(manifest.descendants("resource").first)
        #expect(resource.attributes["href"] == "demo.html" && resource.attributes["adlcp:scormtype"] == "sco")
        #expect(resource.all("file").map { $0.attributes["href"] ?? "" } == ["demo.html", "index.html", "lessonbuild.css"])
        let item = try #require(manifest.descendants("item").first)
        #expect(item.attributes["identifierref"] == resource.attributes["identifier"])
        #expect(item.first("adlcp:masteryscore")?.text == "75")
        #expect(item.first("title")?.text == "Demo & co")
        #expect(manifest.first("metadata")?.first("schemaversion")?.text == "1.2")
        #expect(try QuizExporter.export(Self.lesson(), format: .scorm, pageFiles: Self.pageFiles) == data, "deterministic bytes")
    }

    @Test(arguments: [(0.75, "75"), (0.625, "62.5"), (0.7, "70"), (0.0, "0"), (1.0, "100"), (1.0 / 3.0, "33.333333")])
    func masteryScoreIsThePassMarkInPercent(mark: Double, text: String) {
        #expect(SCORMExporter.masteryScore(mark) == text)
    }

    @Test func scormNeedsAnOutFileAndTheCommandWritesIt() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("demo.zip")
        let result = QuizCommands.export(Self.lesson(), format: .scorm, outPath: out.path, pageFiles: Self.pageFiles)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(try Self.entries(Data(contentsOf: out)).count == 4)
        #expect(throws: QuizExporter.CannotPackage.self) {
            try QuizExporter.export(questions: QuizFixtures.questions, panel: nil, lessonName: "demo", title: "T", format: .scorm)
        }
    }

    static var canValidate: Bool {
        QuizFixtures.tool("xmllint") != nil
            && FileManager.default.fileExists(atPath: ExportReaderFindingTests.schemas.appendingPathComponent("scorm12").path)
    }

    /// `adlcp_rootv1p2.xsd` imports the IMS CP 1.1.2 schema, so one run checks both namespaces.
    @Test(.enabled(if: canValidate, "xmllint or the offline SCORM schemas are missing"))
    func manifestIsValidAgainstTheSCORMSchemas() throws {
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xmllint = try #require(QuizFixtures.tool("xmllint"))
        let schema = ExportReaderFindingTests.schemas.appendingPathComponent("scorm12/adlcp_rootv1p2.xsd").path
        for pass in [0.75, 0.625] {
            let files = try Self.entries(try QuizExporter.export(Self.lesson(pass: pass), format: .scorm, pageFiles: Self.pageFiles))
            let manifest = dir.appendingPathComponent("imsmanifest-\(pass).xml")
            try Data(files[0].1.utf8).write(to: manifest)
            let (status, _, err) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema", schema, manifest.path])
            #expect(status == 0, "\(err)")
            #expect(err.contains("validates"), "\(err)")
        }
        // The check can fail: a manifest without its resources is invalid.
        let broken = dir.appendingPathComponent("broken.xml")
        let files = try Self.entries(try QuizExporter.export(Self.lesson(), format: .scorm, pageFiles: Self.pageFiles))
        try Data(files[0].1.replacingOccurrences(of: "<organizations", with: "<organisations")
            .replacingOccurrences(of: "</organizations>", with: "</organisations>").utf8).write(to: broken)
        let (status, _, _) = try QuizFixtures.run(xmllint, ["--noout", "--nonet", "--schema", schema, broken.path])
        #expect(status != 0)
    }
}

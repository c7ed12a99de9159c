import Foundation
import Testing
import TestSupport

/// `benchmarks/make_corpus.py`, the site benchmark's corpus generator: deterministic, data really
/// varied, and the stripped copies free of directives and rendered by the `cmark-gfm` command.
@Suite(.enabled(if: VerifyTestSupport.hasPython))
struct VerifyCorpusScriptTests {
    static let script = VerifyFixtures.packageRoot.appendingPathComponent("benchmarks/make_corpus.py").path
    static let lesson = VerifyFixtures.folder.appendingPathComponent("clean.md").path

    static func make(_ dir: URL, count: Int) throws -> String {
        let result = try VerifyTestSupport.run("python3", [script, lesson, dir.path, String(count)])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test func corpusIsDeterministicAndVaried() throws {
        let dir = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.make(dir.appendingPathComponent("a"), count: 12)
        _ = try Self.make(dir.appendingPathComponent("b"), count: 12)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a/lessons").path).sorted()
        #expect(names.count == 12 && names.first == "lesson-001.md" && names.last == "lesson-012.md")
        var evalBlocks = Set<String>()
        for sub in ["lessons", "stripped"] {
            for name in names {
                let a = try Self.read(dir.appendingPathComponent("a/\(sub)/\(name)"))
                let b = try Self.read(dir.appendingPathComponent("b/\(sub)/\(name)"))
                #expect(a == b, "\(sub)/\(name) differs between two runs")
                if sub == "lessons", let start = a.range(of: "```{eval}"), let end = a.range(of: "```\n", range: start.upperBound..<a.endIndex) {
                    evalBlocks.insert(String(a[start.lowerBound..<end.upperBound]))
                    #expect(a.contains("(variant \(Int(name.dropFirst(7).prefix(3)) ?? 0))"))
                }
            }
        }
        #expect(evalBlocks.count > 6, "only \(evalBlocks.count) distinct data blocks in 12 variants")
    }

    @Test(.enabled(if: VerifyTestSupport.which("cmark-gfm") != nil))
    func strippedCopiesHaveNoDirectivesAndRenderWithCmarkGfm() throws {
        let dir = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.make(dir, count: 2)
        let stripped = try Self.read(dir.appendingPathComponent("single/stripped.md"))
        #expect(!stripped.contains("```{"))
        #expect(!stripped.contains("{{"))
        #expect(!stripped.contains("---\ntitle"))
        #expect(stripped.hasPrefix("# Listings that print their outputs\n"))
        let html = try VerifyTestSupport.run("cmark-gfm", ["-e", "table", dir.appendingPathComponent("single/stripped.md").path])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<h1>Listings that print their outputs</h1>"))
        #expect(html.stdout.contains("<p>A listing without an output is shown but not run:</p>"))
        #expect(!html.stdout.contains("<pre"), "directive blocks must not reach cmark-gfm")
    }
}

import Foundation
import Testing
import TestSupport

/// Runs the built `lessonbuild` binary on real lessons in temporary folders.
@Suite("End to end", .serialized)
struct EndToEndTests {
    let lesson = Paths.root.appendingPathComponent("lessons/cnn.md").path

    /// The text of every `<pre class="output">` block of a page, unescaped, with line-number markup removed.
    static func outputBlocks(_ html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"<pre class="output"[^>]*>(.*?)</pre>"#, options: [.dotMatchesLineSeparators])
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            let inner = String(html[Range(match.range(at: 1), in: html)!])
            let withoutTags = inner.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            return htmlUnescape(withoutTags)
        }
    }

    @Test("the committed seed listings are the shared seed's", .enabled(if: Paths.hasSharedSeed, "needs ../shared/seed"))
    func committedSeedMatchesShared() throws {
        let shared = try FileManager.default.contentsOfDirectory(atPath: Paths.sharedSeedListings.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: Paths.seedListings.path).sorted()
        #expect(shared == committed)
        for name in shared {
            let a = try Data(contentsOf: Paths.sharedSeedListings.appendingPathComponent(name))
            let b = try Data(contentsOf: Paths.seedListings.appendingPathComponent(name))
            #expect(a == b, "Fixtures/Seed/\(name) differs from ../shared/seed/listings/\(name)")
        }
    }

    @Test("every seed output appears as one whole output block")
    func seedOutputs() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runProcess(Paths.binary, [lesson, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("cnn.html"), encoding: .utf8)
        let blocks = try Self.outputBlocks(html)
        let expected = try FileManager.default.contentsOfDirectory(atPath: Paths.seedListings.path)
            .filter { $0.hasSuffix(".out") }.sorted()
        #expect(expected.count == 10)
        for name in expected {
            var text = try String(contentsOf: Paths.seedListings.appendingPathComponent(name), encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            #expect(blocks.contains(text), "no output block equals \(name):\n\(text)")
        }
        // The lesson has grown beyond the seed (the photo's statistics): one block per `{output}`, no more.
        let source = try String(contentsOfFile: lesson, encoding: .utf8)
        let outputDirectives = source.split(separator: "\n").filter { $0.hasPrefix("```{output}") || $0.hasPrefix("````{output}") }
        #expect(blocks.count == outputDirectives.count)
        #expect(blocks.count >= expected.count)
        for file in ["index.html", "lessonbuild.css"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path))
        }
    }

    @Test func sameInputsGiveSameBytes() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        #expect(try runProcess(Paths.binary, [lesson, "--out", first.path]).status == 0)
        #expect(try runProcess(Paths.binary, [lesson, "--out", second.path]).status == 0)
        for file in ["cnn.html", "index.html", "lessonbuild.css"] {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between two builds")
        }
    }

    @Test func checkNamesStaleAndMissingFiles() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let missing = try runProcess(Paths.binary, [lesson, "--out", out.path, "--check"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cnn.html: missing"))
        #expect(try runProcess(Paths.binary, [lesson, "--out", out.path]).status == 0)
        #expect(try runProcess(Paths.binary, [lesson, "--out", out.path, "--check"]).status == 0)
        try Data("edited".utf8).write(to: out.appendingPathComponent("cnn.html"))
        let stale = try runProcess(Paths.binary, [lesson, "--out", out.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("cnn.html: stale"))
        #expect(try String(contentsOf: out.appendingPathComponent("cnn.html"), encoding: .utf8) == "edited", "--check wrote")
    }

    @Test func lessonErrorsLeaveThePreviousSiteUntouched() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let good = out.appendingPathComponent("good.md")
        try Data("---\ntitle: Good\n---\n\nTwo is {{ 1 + 1 }}.\n".utf8).write(to: good)
        #expect(try runProcess(Paths.binary, [good.path, "--out", out.appendingPathComponent("site").path]).status == 0)
        let page = out.appendingPathComponent("site/good.html")
        let before = try Data(contentsOf: page)
        #expect(String(decoding: before, as: UTF8.self).contains("Two is 2."))

        try Data("---\ntitle: Good\n---\n\nTwo is {{ 1 + nothing }}.\n\n```{eval}\nlet x = 1 +\n```\n".utf8).write(to: good)
        let failed = try runProcess(Paths.binary, [good.path, "--out", out.appendingPathComponent("site").path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(good.path):5:"), "\(failed.stderr)")
        #expect(failed.stderr.contains(": error: "))
        #expect(try Data(contentsOf: page) == before, "a failed build changed the site")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("site").path)
        #expect(!leftovers.contains { $0.hasSuffix(".tmp") })
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runProcess(Paths.binary, []).status == 2)
        #expect(try runProcess(Paths.binary, ["/no/such/lesson.md"]).status == 2)
        #expect(try runProcess(Paths.binary, [lesson, "--no-such-flag"]).status == 2)
    }

    @Test func folderArgumentBuildsEveryLessonAndTheIndexListsThem() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let lessons = out.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try Data("---\ntitle: Alpha & <Beta>\nsummary: First one.\n---\n\nA.\n".utf8).write(to: lessons.appendingPathComponent("a.md"))
        try Data("---\ntitle: Gamma\nsummary: Second one.\n---\n\nB.\n".utf8).write(to: lessons.appendingPathComponent("b.md"))
        try Data("not a lesson".utf8).write(to: lessons.appendingPathComponent("notes.txt"))
        let site = out.appendingPathComponent("site")
        #expect(try runProcess(Paths.binary, [lessons.path, "--out", site.path]).status == 0)
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("a.html") && index.contains("b.html"))
        #expect(index.contains("Alpha &amp; &lt;Beta&gt;"))
        #expect(index.contains("Second one."))
        // Building one lesson later keeps the other on the index.
        #expect(try runProcess(Paths.binary, [lessons.appendingPathComponent("b.md").path, "--out", site.path]).status == 0)
        let again = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(again.contains("a.html") && again.contains("Alpha &amp; &lt;Beta&gt;"))
    }

    @Test func errorsOfManyLessonsComeInFileOrderEveryTime() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        for name in ["a", "b", "c", "d", "e", "f"] {
            try Data("Bad {{ \(name)Missing }} and {{ 1 +* 2 }}.\n".utf8).write(to: out.appendingPathComponent("\(name).md"))
        }
        let first = try runProcess(Paths.binary, [out.path, "--out", out.appendingPathComponent("site").path])
        #expect(first.status == 1)
        let lines = first.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 12, "\(first.stderr)")
        let files = lines.map { String($0.prefix { $0 != ":" }) }
        #expect(files == files.sorted(), "errors out of order:\n\(first.stderr)")
        for _ in 0..<3 {
            #expect(try runProcess(Paths.binary, [out.path, "--out", out.appendingPathComponent("site").path]).stderr == first.stderr)
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("site").path), "a failed build wrote a site")
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit
@testable import LessonServe

/// What a change rebuilds, and how an error is shown, without a server (the server itself is
/// driven over sockets and in Chromium by Tests/Browser/test_serve.py).
@Suite("Serve session")
struct ServeSessionTests {
    static func folder() throws -> URL {
        try NavigationSupport.folder([
            "a.md": "```{eval}\nimport \"_shared.md\"\n```\n\n![](panel.png)\n",
            "b.md": "Nothing imported.\n",
            "_shared.md": "```{eval}\nimport \"_deep.md\"\n```\n",
            "_deep.md": "```{eval}\nlet x = 1\n```\n",
        ])
    }

    @Test func aLessonRebuildsItself() throws {
        let folder = try Self.folder()
        let lessons = ["a.md", "b.md"].map { folder.appendingPathComponent($0).path }
        #expect(SiteSession.affected(by: [lessons[1]], lessons: lessons) == [lessons[1]])
    }

    @Test func anImportRebuildsTheLessonsThatNameItEvenThroughAnotherImport() throws {
        let folder = try Self.folder()
        let lessons = ["a.md", "b.md"].map { folder.appendingPathComponent($0).path }
        #expect(SiteSession.affected(by: [folder.appendingPathComponent("_deep.md").path], lessons: lessons) == [lessons[0]])
        #expect(SiteSession.affected(by: [folder.appendingPathComponent("panel.png").path], lessons: lessons) == [lessons[0]])
    }

    @Test func aFileNoLessonNamesRebuildsEverything() throws {
        let folder = try Self.folder()
        let lessons = ["a.md", "b.md"].map { folder.appendingPathComponent($0).path }
        #expect(SiteSession.affected(by: [folder.appendingPathComponent("other.png").path], lessons: lessons) == lessons)
    }

    @Test func theSessionWritesThroughTheSiteTransactionAndDropsADeletedLesson() throws {
        let folder = try NavigationSupport.folder(["a.md": "---\ntitle: A\n---\n\nA.\n", "b.md": "---\ntitle: B\n---\n\nB.\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let session = SiteSession(arguments: [folder.path], outputDirectory: site.path)
        let first = session.buildAll()
        #expect(first.failed.isEmpty && first.written.contains("lessonbuild-manifest.json"), "\(first.written)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("b.md"))
        _ = session.rebuild(changed: [folder.appendingPathComponent("b.md").path])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("b.html").path))
        // The folder is exactly what `lessonbuild build` of the lessons gives.
        let builder = SiteBuilder(outputDirectory: site.path, diagnostics: DiagnosticEngine())
        let files = try #require(builder.render(lessonPaths: try LessonFiles.expand([folder.path]), folders: [folder.path]))
        #expect(try builder.check(files).isEmpty)
    }

    @Test func theExcerptPutsTheCaretUnderTheByteColumn() {
        // "é" is two UTF-8 bytes: `x` starts at byte column 7, the sixth character.
        let line = "é {{ x }}"
        let column = Array(line.utf8).firstIndex(of: UInt8(ascii: "x"))! + 1
        #expect(column == 7)
        let diagnostic = Diagnostic(path: "l.md", at: LessonKit.SourceLocation(line: 2, column: column), "unknown name 'x'")
        let text = ErrorExcerpt.text(diagnostic, lines: ["first", line, "third"])
        #expect(text == "l.md:2:7: error: unknown name 'x'\n 2 | é {{ x }}\n   |      ^")
        #expect(ErrorExcerpt.text(diagnostic, lines: nil) == diagnostic.description)
    }

    @Test func sitePathRefusesWhatLeavesTheFolder() throws {
        let root = try NavigationSupport.folder(["page.html": "x"])
        let outside = try NavigationSupport.folder(["secret.txt": "s"])
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        let site = SitePath(root: root.path)
        #expect(site.resolve("/page.html") == .file(SitePath.realPath(root.appendingPathComponent("page.html").path)!))
        #expect(site.resolve("/") == .missing("index.html"))
        for path in ["/../x", "/%2e%2e/x", "/..%2fx", "/a/%2E%2E/%2E%2E/x", "/link.txt", "/.hidden", "/a\\..\\x", "/%00", "x", "/%zz"] {
            #expect(site.resolve(path) == .refused, "\(path)")
        }
    }
}

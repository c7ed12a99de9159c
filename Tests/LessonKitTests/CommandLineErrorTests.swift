import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Every failure of the command-line tool is one line, `lessonbuild: error: …` or
/// `PATH:LINE:COL: error: …`, with a non-zero status, and leaves the previous site untouched.
@Suite("Command-line errors", .serialized)
struct CommandLineErrorTests {
    /// Runs the binary in a fresh folder holding `ok.md`; returns the result and the folder.
    static func run(_ arguments: [String], files: [String: String] = [:]) throws -> (ProcessResult, URL) {
        let folder = try temporaryDirectory()
        try Data("# OK\n\nFine.\n".utf8).write(to: folder.appendingPathComponent("ok.md"))
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return (try runProcess(Paths.binary, arguments, in: folder), folder)
    }

    @Test(arguments: [
        (["ok.md", "--out", "afile"], 1, "lessonbuild: error: --out afile is a file, not a folder; give the site folder (it is created if missing)"),
        (["ok.md", "--out", ""], 2, "lessonbuild: error: --out needs a folder name, got an empty one"),
        (["missing.md"], 2, "lessonbuild: error: no such lesson file or folder: missing.md"),
        (["ok.md", "--out", "afile/site"], 1, "lessonbuild: error: cannot create the site folder afile/site: Not a directory"),
        (["index.md", "--out", "site"], 1, "index.md:1:1: error: the page name 'index' is reserved for the site index (index.html); rename the lesson"),
        ([".md", "--out", "site"], 1, ".md:1:1: error: the page name '' would be a hidden file (.html); rename the lesson"),
    ])
    func oneLineAndAStatus(arguments: [String], status: Int32, line: String) throws {
        let (result, folder) = try Self.run(arguments, files: ["afile": "keep me\n", "index.md": "# Index\n", ".md": "# Dot\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr == line + "\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("afile"), encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func reservedNamesInAFolderAreLocatedErrors() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# Index\n".utf8).write(to: folder.appendingPathComponent("index.md"))
        try Data("# A\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        let diagnostics = DiagnosticEngine()
        let builder = SiteBuilder(outputDirectory: folder.appendingPathComponent("site").path, diagnostics: diagnostics)
        #expect(builder.render(lessonPaths: try LessonFiles.expand([folder.path])) == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "\(folder.path)/index.md:1:1: error: the page name 'index' is reserved for the site index (index.html); rename the lesson"])
    }
}

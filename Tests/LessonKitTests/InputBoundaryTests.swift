import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The read boundary (`LessonSource`): line endings, invalid UTF-8 and the input size limit, for
/// lessons and the files they import.
@Suite struct InputBoundaryTests {
    static let lesson = """
        ---
        title: Line endings
        summary: The same lesson in LF, CRLF and CR.
        ---

        # Shapes

        ```{eval}
        let x = [[1, 2], [3, 4]]
        ```

        The sum is {{ x.sum() }} over {{ x.size }} cells.

        ```{table} x
        :format: .1f
        ```

        ```{listing} python
        print({{ x.sum() }})
        ```

        ```{output}
        {{ x.sum() }}
        ```

        """

    /// Writes `text` as `name` in a new folder, with `\n` replaced by `newline`.
    static func write(_ text: String, newline: String, name: String = "lesson.md") throws -> URL {
        let folder = try temporaryDirectory()
        let file = folder.appendingPathComponent(name)
        try Data(text.replacingOccurrences(of: "\n", with: newline).utf8).write(to: file)
        return file
    }

    @Test func lfCrlfAndCrGiveByteIdenticalPages() throws {
        var pages: [Data] = []
        for newline in ["\n", "\r\n", "\r"] {
            let file = try Self.write(Self.lesson, newline: newline)
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            let diagnostics = DiagnosticEngine()
            let site = SiteBuilder(outputDirectory: file.deletingLastPathComponent().appendingPathComponent("site").path,
                                   diagnostics: diagnostics)
            let files = try #require(site.render(lessonPaths: [file.path]), "\(diagnostics.diagnostics)")
            pages.append(try #require(files["lesson.html"]))
        }
        #expect(pages[0] == pages[1])
        #expect(pages[0] == pages[2])
        let html = String(decoding: pages[0], as: UTF8.self)
        #expect(html.contains("<title>Line endings"), "front matter must be read in every encoding")
        #expect(html.contains("The sum is 10 over 4 cells."))
        #expect(!html.contains("{{"), "every hole must be filled")
    }

    @Test func errorsKeepTheirLineInEveryEncoding() throws {
        // Line 7 holds the unknown name; its column is found in the text itself.
        let text = "---\ntitle: T\n---\n\n# H\n\nA {{ nope }} here.\n\n```{eval}\nlet y = 1\n```\n"
        let line7 = text.split(separator: "\n", omittingEmptySubsequences: false)[6]
        let column = line7.utf8.count - line7.drop(while: { $0 != "n" }).utf8.count + 1
        for newline in ["\n", "\r\n", "\r"] {
            let file = try Self.write(text, newline: newline)
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            let diagnostics = DiagnosticEngine()
            #expect(LessonPipeline.evaluate(path: file.path, diagnostics: diagnostics) == nil)
            #expect(diagnostics.sorted.map(\.description) == ["\(file.path):7:\(column): error: unknown name 'nope'"],
                    "newline \(newline.debugDescription)")
        }
    }

    @Test(arguments: [
        // (bytes before the bad one, the bad sequence, after): line and column of its first byte.
        ("# T\n\nsome text\nab", [UInt8(0xFF)], "cd\n"),
        ("# T\r\n\r\nx", [UInt8(0xE2), 0x82], "\r\n"),             // truncated € (CRLF file)
        ("caf", [UInt8(0xC3)], ""),                                 // truncated at the end of the file
        ("ok\rline two\r\u{E9}t\u{E9} ", [UInt8(0xC0), 0xAF], "\r"),  // overlong '/' after two CR lines
    ])
    func invalidUTF8IsLocatedAtTheFirstBadByte(before: String, bad: [UInt8], after: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.md")
        try Data(Array(before.utf8) + bad + Array(after.utf8)).write(to: file)
        // Expected: lines counted over every line ending kind, the column in bytes from the line start.
        let lines = before.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        let expected = "\(lines.count):\(lines.last!.utf8.count + 1)"
        let diagnostics = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: file.path, diagnostics: diagnostics) == nil)
        let message = diagnostics.sorted.first?.description ?? ""
        #expect(message.hasPrefix("\(file.path):\(expected): error: the file is not valid UTF-8: byte 0x"
                                  + String(format: "%02X", bad[0])), "\(message)")
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A sparse 400 MB file: no disk used, and reading it whole would take seconds and 400 MB.
        let file = folder.appendingPathComponent("huge.md")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("# Huge\n".utf8)))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 400_000_000)
        try handle.close()
        let diagnostics = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: file.path, diagnostics: diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "\(file.path):1:1: error: the file is too large (400000000 bytes; the limit is \(LessonLimit.input.defaultValue) bytes, "
            + "checked before reading); a lesson that needs more raises it in its front matter: 'limits:' then '  input: 50000000'"])
    }

    @Test func theFrontMatterRaisesTheInputLimit() throws {
        let body = String(repeating: "Some words on a line.\n", count: 110_000)  // 2.42 MB
        let raised = try Self.write("---\nlimits:\n  input: 3e6\n---\n\n" + body, newline: "\n")
        defer { try? FileManager.default.removeItem(at: raised.deletingLastPathComponent()) }
        guard case .success(let text) = LessonSource.read(path: raised.path) else {
            Issue.record("a raised input limit must let the file be read")
            return
        }
        #expect(text.utf8.count == 2_420_000 + 30)
        let plain = try Self.write(body, newline: "\n")
        defer { try? FileManager.default.removeItem(at: plain.deletingLastPathComponent()) }
        guard case .failure(let problem) = LessonSource.read(path: plain.path) else {
            Issue.record("without limits: input: the default must refuse the file")
            return
        }
        #expect(problem.message.hasPrefix("the file is too large (2420000 bytes; the limit is 2000000 bytes"))
    }

    @Test func importedFilesHaveTheImportersInputLimit() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = "```{eval}\nlet a = 1\n```\n" + String(repeating: "filler text\n", count: 200)
        try Data(big.utf8).write(to: folder.appendingPathComponent("_big.md"))
        let lesson = folder.appendingPathComponent("small.md")
        try Data("---\nlimits:\n  input: 1000\n---\n\n```{eval}\nimport \"_big.md\"\n```\n".utf8).write(to: lesson)
        let diagnostics = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: lesson.path, diagnostics: diagnostics) == nil)
        let first = try #require(diagnostics.sorted.first)
        #expect(first.path.hasSuffix("_big.md") && first.location == SourceLocation(line: 1, column: 1), "\(first)")
        #expect(first.message.contains("the file is too large (\(big.utf8.count) bytes; the limit is 1000 bytes"), "\(first)")
        #expect(first.notes.first?.location.line == 7)
    }

    @Test func aFolderIsNotALessonFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failure(let problem) = LessonSource.read(path: folder.path) else {
            Issue.record("a folder must not read as a lesson")
            return
        }
        #expect(problem == SourceError("this is a folder, not a lesson file", at: SourceLocation(line: 1, column: 1)))
    }

    @Test func normalizingLineEndings() {
        #expect(LessonSource.normalizingLineEndings("a\r\nb\rc\n\r\r\nd") == "a\nb\nc\n\n\nd")
        #expect(LessonSource.normalizingLineEndings("plain\n") == "plain\n")
    }
}

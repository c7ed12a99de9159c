import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The contract: anything that is not a directive renders exactly as cmark-gfm renders it.
/// Oracle: the `cmark-gfm` command (Debian package `cmark-gfm`), run live on every example of
/// the CommonMark spec and the GFM extensions spec.
@Suite struct CommonMarkDifferentialTests {
    static let command = "/usr/bin/cmark-gfm"
    /// `--footnotes` does not exist in 0.29.0.gfm.6; `-e footnotes` sets CMARK_OPT_FOOTNOTES.
    static let arguments = ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink",
                            "-e", "tasklist", "-e", "footnotes"]

    struct Example {
        var file: String
        var number: Int
        var line: Int
        var markdown: String
    }

    /// Examples sit between a line of 32 backticks + ` example` and a line of 32 backticks;
    /// a `.` line separates Markdown from the expected HTML; `→` stands for a tab.
    static func examples(in file: String) throws -> [Example] {
        let url = ParseTestSupport.testsDirectory.appendingPathComponent("Fixtures/Parse/commonmark/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix(fence + " example") else { index += 1; continue }
            let start = index + 1
            var markdown: [String] = []
            index += 1
            while index < lines.count, lines[index] != "." {
                markdown.append(lines[index])
                index += 1
            }
            while index < lines.count, lines[index] != fence { index += 1 }
            let text = markdown.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            examples.append(Example(file: file, number: examples.count + 1, line: start, markdown: text))
            index += 1
        }
        return examples
    }

    /// The reference rendering of `markdown`. The input goes through a file, not a pipe, so that a
    /// pipe end inherited by a process other tests start at the same moment cannot hold it open.
    static func oracle(_ markdown: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cmark-oracle-\(UUID().uuidString).md")
        try Data(markdown.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runProcess(URL(fileURLWithPath: command), arguments + [file.path])
        guard result.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cmark-gfm exited \(result.status): \(result.stderr)"])
        }
        return result.stdout
    }

    /// Why an example is not compared, or nil when it is. Every exclusion is a place where the
    /// lesson format deliberately differs from plain cmark-gfm.
    static func exclusionReason(_ markdown: String) -> String? {
        if markdown.contains("{{") { return "holds '{{', an inline expression in a lesson" }
        if markdown.split(separator: "\n", omittingEmptySubsequences: false).contains(where: { line in
            let trimmed = line.drop { $0 == " " || $0 == ">" || $0 == "-" || $0 == "*" }
            return (trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~"))
                && trimmed.drop { $0 == "`" || $0 == "~" }.drop { $0 == " " }.hasPrefix("{")
        }) { return "holds a fence with a '{name}' info string, a directive in a lesson" }
        // A lesson's first line `---` opens YAML front matter when a later `---` line closes it
        // (e.g. spec examples of setext headings and thematic breaks that start with `---`).
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true,
           lines.dropFirst().contains(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) {
            return "starts with '---' … '---', which a lesson reads as front matter"
        }
        return nil
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: command), "cmark-gfm command not installed"))
    func everyExampleRendersAsCmarkGFM() throws {
        let examples = try Self.examples(in: "spec.txt") + Self.examples(in: "extensions.txt")
        #expect(examples.count == 673 + 28)
        var compared = 0
        var excluded: [String] = []
        var mismatches: [String] = []
        for example in examples {
            if let reason = Self.exclusionReason(example.markdown) {
                excluded.append("\(example.file) example \(example.number) (line \(example.line)): \(reason)")
                continue
            }
            let expected = try Self.oracle(example.markdown)
            let (lesson, diagnostics) = ParseTestSupport.parse(example.markdown)
            let actual = lesson.map { ParseTestSupport.joined($0.template) } ?? "<nil>"
            compared += 1
            if actual != expected || !diagnostics.isEmpty {
                mismatches.append("""
                    \(example.file) example \(example.number) (line \(example.line)):
                    markdown: \(example.markdown.debugDescription)
                    cmark-gfm: \(expected.debugDescription)
                    lesson:    \(actual.debugDescription)
                    diagnostics: \(diagnostics)
                    """)
            }
        }
        print("compared \(compared) CommonMark/GFM examples; excluded \(excluded.count):")
        for line in excluded { print("  " + line) }
        #expect(compared > 650)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches; first:\n\(mismatches.first ?? "")")
    }
}

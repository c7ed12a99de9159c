import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `import "_shared.md"`: the imported file's `{eval}` blocks run once and bind their names; errors
/// are located in the imported file with a note at the import; cycles are errors; `_` files are
/// not pages.
@Suite struct ImportTests {
    /// Writes `files` into a fresh folder and returns its path.
    func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url.path
    }

    func build(_ path: String) -> (EvaluatedLesson?, [String]) {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: path, diagnostics: diagnostics)
        // Each diagnostic, then its notes, in the order they were reported.
        let lines = diagnostics.diagnostics.flatMap { DiagnosticPrinter.text($0).split(separator: "\n").map(String.init) }
        return (lesson, lines)
    }

    static let shared = """
    ```{eval}
    let kernel = [[1.0, 0.0], [0.0, -1.0]]
    var scale = 1.0
    for k in 1...3 { scale *= 2.0 }
    func double(_ x: Double) -> Double { return x * scale }
    func broken(_ x: Int) -> Int { return x + "a" }
    ```
    """

    @Test func namesFunctionsAndFinalVarsAreBound() throws {
        let dir = try folder(["_shared.md": Self.shared, "lesson.md": """
        ```{eval}
        import "_shared.md"
        let twice = double(1.5)
        ```

        {{ twice }} {{ scale }} {{ kernel.sum() }} {{ (kernel[1, 1], scale) }}
        """])
        let (lesson, diagnostics) = build(dir + "/lesson.md")
        #expect(diagnostics == [])
        #expect(lesson?.inlineTexts == ["12.0", "8.0", "0.0", "(np.float64(-1.0), 8.0)"])
    }

    @Test func errorsAreLocatedInTheImportedFileWithANote() throws {
        let dir = try folder(["_shared.md": Self.shared, "_bad.md": "intro\n\n```{eval}\nlet a = 1\nlet bb = a +* 2\n```\n",
                              "lesson.md": """
        ```{eval}
        import "_shared.md"
        let b = broken(2)
        scale = 3.0
        ```

        ```{eval}
        import "_bad.md"
        import "_missing.md"
        let c = b
        ```
        """])
        let (lesson, diagnostics) = build(dir + "/lesson.md")
        #expect(lesson == nil)
        #expect(diagnostics == [
            "\(dir)/_shared.md:6:41: error: operator '+' cannot combine Int and String",
            "\(dir)/lesson.md:3:9: note: in the call of 'broken' here",
            "\(dir)/lesson.md:4:1: error: 'scale' is imported from \"_shared.md\" and is final here; bind a new name with 'let'",
            "\(dir)/_bad.md:5:13: error: expected an expression, found '*'",
            "\(dir)/lesson.md:8:8: note: in the file imported here",
            "\(dir)/lesson.md:9:8: error: no such file to import: \(dir)/_missing.md",
        ])
    }

    @Test func cyclesAreLocatedErrors() throws {
        let dir = try folder([
            "_a.md": "```{eval}\nimport \"_b.md\"\nlet a = 1\n```\n",
            "_b.md": "```{eval}\nimport \"_a.md\"\n```\n",
            "lesson.md": "```{eval}\nimport \"_a.md\"\n```\n",
        ])
        let (_, diagnostics) = build(dir + "/lesson.md")
        #expect(diagnostics == [
            "\(dir)/_b.md:2:8: error: import cycle: \(dir)/_a.md imports \(dir)/_b.md imports \(dir)/_a.md",
            "\(dir)/_a.md:2:8: note: in the file imported here",
            "\(dir)/lesson.md:2:8: note: in the file imported here",
        ])
        let (_, selfImport) = build(try folder(["x.md": "```{eval}\nimport \"x.md\"\n```\n"]) + "/x.md")
        #expect(selfImport.count == 1)
        #expect(selfImport.first?.contains("error: import cycle:") == true)
    }

    @Test func importsRunOnceAndOnlyAtTheTopLevel() throws {
        let dir = try folder([
            "_one.md": "```{eval}\nlet one = 1\n```\n",
            "_two.md": "```{eval}\nimport \"_one.md\"\nlet two = one + 1\n```\n",
            "lesson.md": "```{eval}\nimport \"_two.md\"\nfunc f() { import \"_one.md\" }\n```\n",
        ])
        let (_, diagnostics) = build(dir + "/lesson.md")
        #expect(diagnostics == ["\(dir)/lesson.md:3:12: error: 'import' is only allowed at the top level of an {eval} block"])
        let ok = try folder(["_one.md": "```{eval}\nlet one = 1\n```\n",
                             "_two.md": "```{eval}\nimport \"_one.md\"\nlet two = one + 1\n```\n",
                             "lesson.md": "```{eval}\nimport \"_two.md\"\n```\n\n{{ (one, two) }}\n"])
        let (lesson, okDiagnostics) = build(ok + "/lesson.md")
        #expect(okDiagnostics == [])
        #expect(lesson?.inlineTexts == ["(1, 2)"])
    }

    @Test func underscoreFilesAreNotPages() throws {
        let dir = try folder(["_shared.md": Self.shared, "lesson.md": "# Hi\n", "other.md": "# Other\n"])
        #expect(try LessonFiles.expand([dir]) == [dir + "/lesson.md", dir + "/other.md"])
    }
}

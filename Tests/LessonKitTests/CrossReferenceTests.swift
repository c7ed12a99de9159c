import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `[](#name)` renders the numbered label of what it names and links to it, in this lesson or
/// another; names come from `:name:` on tables and equations and from question ids. The
/// expected labels are counted by hand from each lesson's text.
@Suite("Cross-references")
struct CrossReferenceTests {
    static let first = """
    ---
    title: First
    ---
    ```{eval}
    let m = [[1, 2], [3, 4]]
    ```

    As {{ m.shape }} shows in [](#t-map), and [](#eq-size) says; see [](#t-other) and [](#size).
    Unnamed tables are not numbered:

    ```{table} m
    ```

    ```{table} m
    :name: t-map
    :caption: The map
    ```

    ```{table} m
    :name: t-other
    ```

    ```{math}
    :name: eq-size
    n + 1
    ```

    ```{question} numeric
    :answer: 4
    :name: size
    How many cells?
    ```

    The next lesson's [](second.md#t-next) and a web link [](https://example.com/#x) stay apart.

    """

    static let second = """
    ```{table} [[1]]
    :name: t-next
    ```

    """

    static func build(_ files: [String: String], lesson: String) throws -> (EvaluatedLesson?, [String]) {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let path = folder.appendingPathComponent(lesson).path
        let diagnostics = DiagnosticEngine()
        let evaluated = LessonPipeline.evaluate(path: path, diagnostics: diagnostics)
        let prefix = folder.path + "/"
        return (evaluated, diagnostics.sorted.map { $0.description.replacingOccurrences(of: prefix, with: "") })
    }

    @Test func referencesRenderNumberedLabelsThatLink() throws {
        let (lesson, errors) = try Self.build(["first.md": Self.first, "second.md": Self.second], lesson: "first.md")
        #expect(errors.isEmpty, "\(errors)")
        let html = PageRenderer.body(try #require(lesson))
        #expect(html.contains("As (2, 2) shows in <a class=\"xref\" href=\"#t-map\">Table 1</a>, and "
                              + "<a class=\"xref\" href=\"#eq-size\">Equation 1</a> says; see "
                              + "<a class=\"xref\" href=\"#t-other\">Table 2</a> and "
                              + "<a class=\"xref\" href=\"#quiz-size\">Question 1</a>."))
        #expect(html.contains("<a class=\"xref\" href=\"second.html#t-next\">Table 1</a>"))
        #expect(html.contains("<a href=\"https://example.com/#x\"></a>"), "an empty link elsewhere stays a link")
        #expect(html.contains("<table class=\"matrix\" id=\"t-map\">\n<caption><span class=\"label\">Table 1</span> The map</caption>"))
        #expect(html.contains("<div class=\"equation\" id=\"eq-size\" role=\"group\" aria-label=\"Equation 1\">"))
        #expect(html.contains("<section class=\"question\" id=\"quiz-size\""))
    }

    @Test func unknownNamesAndLessonsAreLocatedErrors() throws {
        let source = """
        ```{table} [[1]]
        :name: t-one
        ```

        A {{ 1 + 1 }} then [](#t-onne) and [](missing.md#x) and [](second.md#nope).

        ```{math}
        :name: t-one
        x
        ```

        """
        let (lesson, errors) = try Self.build(["bad.md": source, "second.md": Self.second], lesson: "bad.md")
        #expect(lesson == nil)
        #expect(errors == [
            "bad.md:5:20: error: no figure, table, equation or question named 't-onne' in this lesson; did you mean 't-one'?",
            "bad.md:5:36: error: no lesson 'missing.md' beside this one",
            "bad.md:5:57: error: no figure, table, equation or question named 'nope' in second.md",
            "bad.md:8:8: error: the name 't-one' is already used by Table 1 on line 2",
        ])
    }

    @Test func theParserRecordsReferencesInDocumentOrder() {
        let (lesson, diagnostics) = ParseTestSupport.parse("x [](#a) `[](#code)` [](b.md#c)\n\n> [](#q)\n")
        #expect(diagnostics.isEmpty)
        #expect(lesson?.references == [
            CrossReference(lesson: nil, name: "a", location: SourceLocation(line: 1, column: 3)),
            CrossReference(lesson: "b.md", name: "c", location: SourceLocation(line: 1, column: 22)),
            CrossReference(lesson: nil, name: "q", location: SourceLocation(line: 3, column: 3)),
        ])
        #expect(lesson.map { ParseTestSupport.joined($0.template) }
                == "<p>x [[r0]] <code>[](#code)</code> [[r1]]</p>\n<blockquote>\n<p>[[r2]]</p>\n</blockquote>\n")
    }
}

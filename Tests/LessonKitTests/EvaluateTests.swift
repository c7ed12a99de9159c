import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The evaluator on small lessons: directives become the right models, prose numbers come from
/// the scope, and outputs attach to the listing above them. Expected texts are what Python prints
/// for the same values (worked out by hand here and cross-checked live where it matters).
@Suite("Evaluate")
struct EvaluateTests {
    func evaluate(_ source: String) throws -> EvaluatedLesson {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: "t.md", source: source, diagnostics: diagnostics)
        let errors = diagnostics.sorted.map(\.description).joined(separator: "\n")
        return try #require(lesson, "unexpected errors:\n\(errors)")
    }

    @Test func tableHeadersAndFormattedCells() throws {
        let lesson = try evaluate("""
        ```{eval}
        let m = [[0.1, 0.25], [1.0, -2.5], [3.0, 4.0]]
        ```

        ```{table} m
        :title: Map
        :rows: Step
        :columns: Unit
        :format: .2f
        ```

        ```{table} [[1, 2, 3]]
        ```
        """)
        guard case .table(let map) = lesson.blocks[1], case .table(let ints) = lesson.blocks[2] else {
            Issue.record("expected two tables, got \(lesson.blocks)")
            return
        }
        #expect(map.title == "Map")
        #expect(map.columnHeaders == ["Unit 1", "Unit 2"])
        #expect(map.rowHeaders == ["Step 1", "Step 2", "Step 3"])
        #expect(map.cells == [["0.10", "0.25"], ["1.00", "-2.50"], ["3.00", "4.00"]])
        #expect(ints.columnHeaders == ["Column 1", "Column 2", "Column 3"])
        #expect(ints.rowHeaders == ["Row 1"])
        #expect(ints.cells == [["1", "2", "3"]])
    }

    @Test func outputAttachesToTheListingDirectlyAbove() throws {
        let lesson = try evaluate("""
        ```{eval}
        let x = [0.5, 0.25]
        ```

        ```{listing} python
        import numpy as np
        print(np.array({{ x.tolist() }}) * 2)
        ```

        ```{output}
        {{ x * 2 }}
        ```
        """)
        guard case .listing(let listing) = lesson.blocks[1], case .output(let output) = lesson.blocks[2] else {
            Issue.record("expected a listing and an output, got \(lesson.blocks)")
            return
        }
        #expect(listing.language == "python")
        #expect(listing.code == "import numpy as np\nprint(np.array([0.5, 0.25]) * 2)")
        #expect(output.text == "[1.  0.5]")
        #expect(listing.expectedOutput == "[1.  0.5]")
        #expect(listing.location == SourceLocation(line: 5, column: 1))
    }

    @Test func proseMayCiteNamesDefinedFurtherDown() throws {
        let lesson = try evaluate("""
        The ratio is {{ ratio :.1% }} and the size {{ size :, }}.

        ```{eval}
        let size = 38535424
        let ratio = 1 / 8
        ```
        """)
        #expect(lesson.inlineTexts == ["12.5%", "38,535,424"])
    }

    @Test func echoShowsTheCode() throws {
        let lesson = try evaluate("""
        ```{eval}
        :echo: true
        let a = 2
        ```
        """)
        #expect(lesson.blocks == [.echo(code: "let a = 2")])
    }

    @Test func mathBecomesMathML() throws {
        let lesson = try evaluate("""
        ```{math}
        O = \\left\\lfloor \\frac{N + 2P - K}{S} \\right\\rfloor + 1
        ```
        """)
        guard case .math(let formula) = lesson.blocks[0] else {
            Issue.record("expected math, got \(lesson.blocks)")
            return
        }
        let mathML = TeXToMathML.render(formula)
        #expect(mathML.hasPrefix("<math display=\"block\""))
        #expect(mathML.contains("<mfrac>"))
    }

    @Test func frontMatterGivesTitleAndSummary() throws {
        let lesson = try evaluate("---\ntitle: A & B\nsummary: Short.\n---\n\nText.\n")
        #expect(lesson.title == "A & B")
        #expect(lesson.summary == "Short.")
        let untitled = try evaluate("Text.\n")
        #expect(untitled.title == "t")
    }

    @Test func computedTextIsEscapedOnThePage() throws {
        let lesson = try evaluate("""
        ```{eval}
        let hostile = "<script>alert('x')</script> & more"
        ```

        Here: {{ hostile }}
        """)
        let page = PageRenderer.render(lesson)
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
    }

    @Test func listingLinesMapBackToTheLesson() throws {
        let lesson = try evaluate("""
        ```{eval}
        let m = [[1, 2], [3, 4]]
        ```

        ```{listing} python
        m = {{ literal(m) }}
        print({{ m.sum() }})
        ```
        """)
        guard case .listing(let listing) = lesson.blocks[1] else {
            Issue.record("expected a listing, got \(lesson.blocks)")
            return
        }
        // literal(m) is four lines ("[", two rows, "]") all written by line 6; `print` is line 7.
        #expect(listing.code == "m = [\n    [1, 2],\n    [3, 4],\n]\nprint(10)")
        #expect(listing.lineLocations.map(\.line) == [6, 6, 6, 6, 7])
    }
}

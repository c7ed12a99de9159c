import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// A directive added the way the architecture promises: this one file and one registration
/// (`DirectiveRegistry.standard.adding([ShoutDirective.self])`), with nothing changed in Parse,
/// Evaluate or Render.
struct ShoutDirective: DirectiveKind {
    static let spec = DirectiveSpec("shout", argument: .expression(example: "name"), options: [.init("prefix", .text)])

    let value: ParsedExpression
    let prefix: TextTemplate?

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        guard let value = input.expression else { return nil }
        self.value = value
        self.prefix = input.options.text("prefix")
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        guard let v = context.evaluate(value) else { return .nothing }
        let prefix = self.prefix.flatMap(context.fill) ?? ""
        return .html("<p class=\"shout\">" + HTMLEscaping.escape(prefix + v.printed.uppercased()) + "</p>\n")
    }
}

@Suite("Typed directives")
struct DirectiveTypingTests {
    /// Parses and evaluates `source` with `registry`, returning the lesson and the printed errors.
    static func build(_ source: String, registry: DirectiveRegistry = .standard) -> (EvaluatedLesson?, [String]) {
        let diagnostics = DiagnosticEngine()
        guard let parsed = LessonParser.parse(path: "t.md", source: source, directives: registry.names,
                                              diagnostics: diagnostics) else { return (nil, diagnostics.sorted.map(\.description)) }
        let lesson = LessonEvaluator(path: "t.md", diagnostics: diagnostics, registry: registry).evaluate(parsed, name: "t")
        return (lesson, diagnostics.sorted.map(\.description))
    }

    @Test func aDirectiveIsOneFileAndOneRegistration() throws {
        let source = """
        ```{eval}
        let who = "<b>learner</b>"
        ```

        ```{shout} who
        :prefix: hi {{ 1 + 1 }} 
        ```

        """
        let (_, errors) = Self.build(source)
        #expect(errors == ["t.md:5:1: error: unknown directive '{shout}'; known directives: {eval}, {table}, {listing}, {output}, {math}, {question}, {quiz}, {figure}"])

        let registry = DirectiveRegistry.standard.adding([ShoutDirective.self])
        let (lesson, none) = Self.build(source, registry: registry)
        #expect(none.isEmpty)
        let html = PageRenderer.body(try #require(lesson))
        #expect(html.contains("<p class=\"shout\">hi 2&lt;B&gt;LEARNER&lt;/B&gt;</p>"))

        let (_, bad) = Self.build("```{shout} 1\n:prefx: x\n```\n", registry: registry)
        #expect(bad == ["t.md:2:9: error: unknown option ':prefx:' for {shout}; known options: :prefix:; did you mean ':prefix:'?"])
    }

    @Test func textOptionsAndLabelsTakeExpressions() throws {
        let (lesson, errors) = Self.build("""
        ```{eval}
        let m = [[1, 2], [3, 4]]
        let name = "Feature map"
        let classes = ["no crack", "crack"]
        ```

        ```{table} m
        :title: {{ name }}
        :caption: {{ m.shape }} values
        :rows: classes
        :columns: Channel
        :index: 0
        ```

        """)
        #expect(errors.isEmpty)
        guard case .table(let table)? = lesson?.blocks[1] else {
            Issue.record("expected a table, got \(String(describing: lesson?.blocks))")
            return
        }
        #expect(table.title == "Feature map")
        #expect(table.caption == "(2, 2) values")
        #expect(table.rowHeaders == ["no crack", "crack"])
        #expect(table.columnHeaders == ["Channel 0", "Channel 1"])
    }

    @Test func mathSetsValuesAsNumbers() throws {
        let (lesson, errors) = Self.build("""
        ```{eval}
        let n = 224
        let s = 2
        ```

        ```{math}
        \\frac{ {{ n }} }{ {{ s }} } = {{ n / s : .1f }}
        ```

        """)
        #expect(errors.isEmpty)
        guard case .math(let formula)? = lesson?.blocks[1] else {
            Issue.record("expected math")
            return
        }
        let mathML = TeXToMathML.render(formula)
        #expect(mathML.contains("<mfrac><mn>224</mn><mn>2</mn></mfrac>"))
        #expect(mathML.contains("<mn>112.0</mn>"))
    }

    @Test func mathErrorsPointIntoTheBodyPastHoles() {
        let (_, errors) = Self.build("""
        ```{eval}
        let n = 224
        ```

        ```{math}
        {{ n }} + \\nosuch
        ```

        """)
        #expect(errors == ["t.md:6:11: error: unknown command '\\nosuch' in {math}"])
    }

    @Test func typingHappensBeforeEvaluationAndReportsEveryProblem() {
        // The eval block fails, and the option errors are still reported: they do not depend on values.
        let (_, errors) = Self.build("""
        ```{eval}
        let x = nope
        ```

        ```{table} x
        :format: .2f
        :format: .2f
        ```

        """)
        #expect(errors == [
            "t.md:2:9: error: unknown name 'nope'",
            "t.md:7:10: error: ':format:' is given twice",
        ])
    }

    @Test func lineIndexFindsLinesByBinarySearch() {
        let index = LineIndex("ab\ncd\n\nxyz")
        #expect(index.lineStarts == [0, 3, 6, 7])
        #expect((0...10).map(index.line(ofOffset:)) == [0, 0, 0, 1, 1, 1, 2, 3, 3, 3, 3])
        #expect(index.range(ofLine: 3) == 7..<10)
        #expect(index.range(ofLine: 2) == 6..<6)
    }

    @Test func printerShowsTheSourceLineWithACaretUnderTheRange() {
        let source = "let a = 1\nlet b = kernal + a\n"
        let diagnostic = Diagnostic(.error, path: "l.md",
                                    range: SourceLocation(line: 2, column: 9)..<SourceLocation(line: 2, column: 15),
                                    "unknown name 'kernal'",
                                    notes: [.init(path: "_shared.md", at: SourceLocation(line: 3, column: 1), "imported here")])
        #expect(DiagnosticPrinter.text(diagnostic) == "l.md:2:9: error: unknown name 'kernal'\n_shared.md:3:1: note: imported here\n")
        let excerpt = DiagnosticPrinter.excerpt(diagnostic, source: source)
        #expect(excerpt?.line == "let b = kernal + a")
        #expect(excerpt?.caret == "        ^~~~~~")
        #expect(DiagnosticPrinter.excerpt(Diagnostic(path: "l.md", at: SourceLocation(line: 9, column: 1), "x"), source: source) == nil)
    }

    @Test func evaluationErrorsKeepTheirWholeRange() {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: "r.md", source: "```{eval}\nlet y = conv2d([1.0], [[1.0]])\n```\n",
                                             diagnostics: diagnostics)
        #expect(lesson == nil)
        let error = diagnostics.sorted.first
        #expect(error?.location == SourceLocation(line: 2, column: 9))
        #expect(error?.range.upperBound == SourceLocation(line: 2, column: 31))
    }
}

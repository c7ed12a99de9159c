import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Exact locations of directives and inline expressions. Expected positions come from plain
/// text search in the source (`ParseTestSupport.location(of:in:)`), not from the parser.
@Suite struct ParseLocationTests {
    typealias Loc = LessonKit.SourceLocation

    func at(_ needle: String, _ source: String, _ occurrence: Int = 0) -> Loc? {
        ParseTestSupport.location(of: needle, in: source, occurrence: occurrence)
    }

    /// The same directive at top level, in a list item and in a blockquote.
    @Test(arguments: [
        ("", ""),           // top level
        ("- ", "  "),       // list item: marker, then continuation indent
        ("> ", "> "),       // blockquote
        ("1. > ", "   > "), // blockquote in an ordered list item
    ])
    func directiveLocations(first: String, rest: String) throws {
        let source = "Intro.\n\n" + first + "```{table} feature_map\n" + rest + ":title: Feature map\n"
            + rest + ":format:   .2f\n" + rest + "row one\n" + rest + "  row two\n" + rest + "```\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let directive = try #require(lesson?.directives.first)
        #expect(directive.name == "table")
        #expect(directive.argument == "feature_map")
        #expect(directive.location == at("```{table}", source))
        #expect(directive.argumentLocation == at("feature_map", source))
        #expect(directive.options.map(\.key) == ["title", "format"])
        #expect(directive.options.map(\.value) == ["Feature map", ".2f"])
        #expect(directive.options[0].valueLocation == at("Feature map", source))
        #expect(directive.options[1].valueLocation == at(".2f", source))
        #expect(directive.body == "row one\n  row two\n")
        #expect(directive.bodyLineStarts.map { Optional($0) } == [at("row one", source), at("  row two", source)])
        #expect(directive.location(ofBodyOffset: 10) == at("row two", source))
        #expect(lesson?.template.contains(.directive(0)) == true)
    }

    @Test func optionsEndAtFirstOtherLine() throws {
        let source = "```{question} choice\n:answer: 2\n:name: q-first\nWhich one?\n:not: an option\n```\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let directive = try #require(lesson?.directives.first)
        #expect(directive.options.map(\.key) == ["answer", "name"])
        #expect(directive.option("name")?.value == "q-first")
        #expect(directive.body == "Which one?\n:not: an option\n")
        #expect(directive.argument == "choice")
    }

    @Test func optionWithEmptyValueAndColonsInValue() throws {
        let source = "```{quiz}\n:pass: 75%\n:note:\n:time: 12:30\n```\n"
        let directive = try #require(ParseTestSupport.parse(source).0?.directives.first)
        #expect(directive.options.map(\.value) == ["75%", "", "12:30"])
        #expect(directive.options[2].valueLocation == at("12:30", source))
        #expect(directive.body == "")
        #expect(directive.bodyLineStarts.isEmpty)
    }

    /// Each context: the source and the needle marking where the expression text starts.
    @Test(arguments: [
        ("paragraph", "Text {{ alpha }} here.\n"),
        ("heading", "## Title {{ alpha }}\n"),
        ("setext heading", "Title {{ alpha }}\n===\n"),
        ("list item", "- one\n- two {{ alpha }}\n"),
        ("nested list", "1. a\n   - b {{ alpha }}\n"),
        ("blockquote", "> quoted\n> {{ alpha }}\n"),
        ("table cell", "| a | b |\n|---|---|\n| 1 | {{ alpha }} |\n"),
        ("link text", "See [the {{ alpha }} value](https://x.org).\n"),
        ("emphasis", "*{{ alpha }}*\n"),
        ("footnote", "Note.[^1]\n\n[^1]: Footnote {{ alpha }}.\n"),
        ("after front matter", "---\ntitle: T\n---\nText {{ alpha }}\n"),
    ])
    func expressionLocation(context: String, source: String) throws {
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty, "\(context)")
        let expression = try #require(lesson?.inlineExpressions.first, "\(context)")
        #expect(lesson?.inlineExpressions.count == 1)
        #expect(expression.expression == "alpha")
        #expect(expression.expressionLocation == at("alpha", source), "\(context)")
        #expect(lesson?.template.contains(.expression(0)) == true, "\(context)")
    }

    @Test func formatSpecLocationAndDepthZeroColon() throws {
        let source = "A {{ x[0:2, f(a: 1)] : >8.2f }} and {{ \"a:b\" }}\n"
        let lesson = try #require(ParseTestSupport.parse(source).0)
        #expect(lesson.inlineExpressions[0].expression == "x[0:2, f(a: 1)]")
        #expect(lesson.inlineExpressions[0].spec == ">8.2f")
        #expect(lesson.inlineExpressions[0].specLocation == at(">8.2f", source))
        #expect(lesson.inlineExpressions[1].expression == "\"a:b\"")
        #expect(lesson.inlineExpressions[1].spec == nil)
    }

    @Test func emphasisCharactersInsideExpressionsAreNotMarkup() throws {
        let lesson = try #require(ParseTestSupport.parse("{{ a*b }} and {{ c*d }} and {{ e_f }} x {{ g_h }}\n").0)
        let html = ParseTestSupport.joined(lesson.template)
        #expect(html == "<p>[[e0]] and [[e1]] and [[e2]] x [[e3]]</p>\n")
        #expect(lesson.inlineExpressions.map(\.expression) == ["a*b", "c*d", "e_f", "g_h"])
    }

    @Test func pipeInsideExpressionKeepsOneTableCell() throws {
        let source = "| a | b |\n|---|---|\n| x | {{ a || b }} |\n"
        let lesson = try #require(ParseTestSupport.parse(source).0)
        let html = ParseTestSupport.joined(lesson.template)
        #expect(html.contains("<td>x</td>\n<td>[[e0]]</td>\n</tr>"))
        #expect(html.components(separatedBy: "<td>").count == 3)
        #expect(lesson.inlineExpressions.first?.expression == "a || b")
    }

    @Test func codeKeepsBracesLiteral() throws {
        let source = "Use `{{ x }}` or ``a ` {{ y }}`` here.\n\n```\n{{ z }}\n```\n\n    {{ w }}\n\n\\{{ v }} stays.\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        #expect(lesson?.inlineExpressions.isEmpty == true)
        let html = try #require(lesson.map { ParseTestSupport.joined($0.template) })
        #expect(html.contains("<code>{{ x }}</code>"))
        #expect(html.contains("<code>a ` {{ y }}</code>"))
        #expect(html.contains("<pre><code>{{ z }}\n</code></pre>"))
        #expect(html.contains("<pre><code>{{ w }}\n</code></pre>"))
        #expect(html.contains("<p>{{ v }} stays.</p>"))
    }

    @Test func unmatchedBacktickDoesNotHideExpression() throws {
        let source = "A ` tick and {{ x }}.\n"
        let lesson = try #require(ParseTestSupport.parse(source).0)
        #expect(lesson.inlineExpressions.first?.expressionLocation == at("x }}", source))
    }

    @Test func escapedBackslashBeforeBracesStillOpensExpression() throws {
        let source = "a \\\\{{ x }}\n"
        let lesson = try #require(ParseTestSupport.parse(source).0)
        #expect(lesson.inlineExpressions.map(\.expression) == ["x"])
        #expect(ParseTestSupport.joined(lesson.template) == "<p>a \\[[e0]]</p>\n")
    }

    @Test func multiLineExpressionInBlockquoteDropsQuoteMarkers() throws {
        let source = "> > Sum {{ total +\n> > more }} end\n"
        let lesson = try #require(ParseTestSupport.parse(source).0)
        #expect(lesson.inlineExpressions.map(\.expression) == ["total +\n    more"])
        #expect(ParseTestSupport.joined(lesson.template).contains("<p>Sum [[e0]] end</p>"))
    }

    @Test func multiLineExpressionKeepsLaterLineNumbers() throws {
        let source = "Start {{ total *\n   more }} end\nnext {{ later }}\n\n```{eval}\nlet x = 1\n```\n\nLast {{ final }}\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(lesson)
        #expect(parsed.inlineExpressions.map(\.expression) == ["total *\n   more", "later", "final"])
        #expect(parsed.inlineExpressions[1].expressionLocation == at("later", source))
        #expect(parsed.inlineExpressions[2].expressionLocation == at("final", source))
        #expect(parsed.directives.first?.location == at("```{eval}", source))
        #expect(parsed.directives.first?.bodyLineStarts.first == at("let x", source))
        #expect(ParseTestSupport.joined(parsed.template).hasPrefix("<p>Start [[e0]] end\nnext [[e1]]</p>\n"))
    }

    /// Columns count UTF-8 bytes everywhere (as `LineIndex` does), also when a combining mark
    /// directly follows the `:` and space of an option or the `}` of a directive name, where it
    /// would merge with them into one Character. Expected positions: a byte search of the source.
    @Test(arguments: [
        "```{table} [[1, 2]]\n:caption: \u{301}{{ nope }}\n```\n",
        "```{table} [[1, 2]]\n:title: e\u{301} \u{1F600} {{ nope }}\n```\n",
        "- \u{1F600} e\u{301}\n\n  ```{table} [[1, 2]]\n  :caption:\u{301} {{ nope }}\n  ```\n",
        "> ```{eval}\n> let s = \"\u{1F600}e\u{301}\"; let t = nope\n> ```\n",
        "```{figure} heatmap([[1.0]])\n:alt: \u{301}\u{301}{{ nope }}\n```\n",
    ])
    func combiningMarksAndEmojiKeepByteColumns(_ source: String) throws {
        let diagnostics = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: "marks.md", source: source, diagnostics: diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.location) == [at("nope", source)], "\(diagnostics.sorted)")
        #expect(diagnostics.sorted.first?.message.contains("unknown name 'nope'") == true)
    }

    /// A combining mark right after `}` belongs to the argument, not to the brace.
    @Test func combiningMarkAfterTheNameIsPartOfTheArgument() throws {
        let source = "```{table}\u{301} [[1]]\n:title:\u{301}x\n```\n"
        let (lesson, _) = ParseTestSupport.parse(source)
        let directive = try #require(lesson?.directives.first)
        #expect(directive.name == "table")
        #expect(directive.argument == "\u{301} [[1]]")
        #expect(directive.argumentLocation == at("\u{301} [[1]]", source))
        #expect(directive.options.first?.value == "\u{301}x")
        #expect(directive.options.first?.valueLocation == at("\u{301}x", source))
    }
}

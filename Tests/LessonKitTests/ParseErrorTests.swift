import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Every problem a lesson author can make in the parse phase: a typed diagnostic with the
/// exact location (expected positions found by text search in the source).
@Suite struct ParseErrorTests {
    typealias Loc = LessonKit.SourceLocation

    func at(_ needle: String, _ source: String, _ occurrence: Int = 0) -> Loc? {
        ParseTestSupport.location(of: needle, in: source, occurrence: occurrence)
    }

    func messages(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.message) }

    @Test func unterminatedExpression() {
        let source = "Intro.\n\nValue {{ x + 1\nstill same paragraph.\n\nNext {{ ok }}.\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(messages(diagnostics) == ["unterminated inline expression: expected '}}'"])
        #expect(diagnostics.first?.location == at("{{ x", source))
        #expect(diagnostics.first?.description.hasPrefix("t.md:3:7: error: unterminated") == true)
        #expect(lesson?.inlineExpressions.map(\.expression) == ["ok"])
    }

    @Test(arguments: ["{{}}", "{{ }}", "{{ \n }}", "{{ : .2f }}"])
    func emptyExpression(expression: String) {
        let source = "Text \(expression) end\n"
        let (_, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("empty inline expression") == true)
        #expect(diagnostics.first?.location == at("{{", source))
    }

    @Test func unknownDirective() {
        let source = "Text.\n\n> ```{foo} arg\n> body\n> ```\n"
        let (_, diagnostics) = ParseTestSupport.parse(source)
        #expect(messages(diagnostics) == [
            "unknown directive '{foo}'; known directives: {eval}, {table}, {listing}, {output}, {math}, {question}, {quiz}, {figure}",
        ])
        #expect(diagnostics.first?.location == at("```{foo}", source))
    }

    @Test func malformedOptionLine() {
        let source = "```{table} m\n:title: T\n: spaced: x\n::empty\n:ok: 1\n```\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.location) == [at(": spaced", source), at("::empty", source)].compactMap { $0 })
        #expect(diagnostics.allSatisfy { $0.message.hasPrefix("malformed option line") })
        #expect(lesson?.directives.first?.options.map(\.key) == ["title", "ok"])
    }

    @Test func expressionInLinkDestination() {
        let source = "See [here]({{ url }}) and ![img](a{{ b }}.png) and <https://x.org/{{ c }}>.\n"
        let (_, diagnostics) = ParseTestSupport.parse(source)
        #expect(messages(diagnostics) == Array(repeating: "an inline expression cannot stand in a link destination", count: 3))
        #expect(diagnostics.map(\.location) == [at("url", source), at("b }}", source), at("c }}", source)].compactMap { $0 })
    }

    @Test func expressionThatRendersNowhere() {
        let source = "[ref]: /url \"{{ title }}\"\nText.\n"
        let (_, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.map(\.location) == [at("title }}", source)].compactMap { $0 })
        #expect(diagnostics.first?.message.hasPrefix("this inline expression is not rendered") == true)
    }

    @Test func expressionInImageAltAndLinkTitleIsAHole() throws {
        let source = "![alt {{ a }}](x.png \"t {{ b }}\")\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let html = try #require(lesson.map { ParseTestSupport.joined($0.template) })
        #expect(html == "<p><img src=\"x.png\" alt=\"alt [[e0]]\" title=\"t [[e1]]\" /></p>\n")
    }

    @Test func reservedCharacter() {
        let source = "Line one.\nA \u{E000} here.\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(lesson == nil)
        #expect(diagnostics.first?.message.hasPrefix("reserved character U+E000") == true)
        #expect(diagnostics.first?.location == Loc(line: 2, column: 3))
    }

    @Test func frontMatterTitleMustBeString() {
        for (value, isError) in [("42", true), ("\"42\"", false), ("true", true), ("[a, b]", true), ("Plain words", false), ("", true)] {
            let source = "---\nsummary: S\ntitle: \(value)\n---\nBody.\n"
            let (lesson, diagnostics) = ParseTestSupport.parse(source)
            if isError {
                #expect(messages(diagnostics) == ["front matter 'title' must be a string (quote it)"], "title: \(value)")
                #expect(diagnostics.first?.location.line == 3, "title: \(value)")
            } else {
                #expect(diagnostics.isEmpty, "title: \(value)")
                #expect(lesson?.frontMatter.title == (value == "\"42\"" ? "42" : value))
            }
        }
    }

    @Test func frontMatterYAMLErrorLocation() {
        let source = "---\ntitle: T\nsummary: [unclosed\nmore: 1\n---\nBody {{ x }}.\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML in front matter:") == true)
        // libyaml notices the unclosed flow sequence at the next key's colon: `more:` on line 4.
        #expect(diagnostics.first?.location == at(": 1", source))
        #expect(lesson?.inlineExpressions.first?.expressionLocation == at("x }}", source))
    }

    @Test func frontMatterBadIndentationPointsAtLine() {
        let source = "---\ntitle: T\n  bad: indentation\n---\n"
        let (_, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == at(": indentation", source))
    }

    /// libyaml counts columns in Unicode scalars; diagnostics count bytes, as cmark does.
    @Test func frontMatterErrorColumnCountsBytes() {
        let source = "---\nsummary: Größe → x: y\n---\n"
        let (_, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == at(": y", source))
    }

    @Test func frontMatterExtrasAndUnterminated() {
        let (lesson, diagnostics) = ParseTestSupport.parse("---\ntitle: T\nlevel: 2\ntags: [a]\nauthor: Ann\n---\n# H\n")
        #expect(diagnostics.isEmpty)
        #expect(lesson?.frontMatter == FrontMatter(title: "T", summary: nil, extra: ["level": "2", "author": "Ann"]))
        #expect(lesson.map { ParseTestSupport.joined($0.template) } == "<h1>H</h1>\n")

        let (_, unterminated) = ParseTestSupport.parse("---\ntitle: T\n\nBody\n")
        #expect(unterminated.map(\.location) == [Loc(line: 1, column: 1)])
    }

    @Test func frontMatterNotAMapping() {
        let (_, diagnostics) = ParseTestSupport.parse("---\n- a\n- b\n---\n")
        #expect(messages(diagnostics) == ["front matter must be a YAML mapping of keys to values"])
        #expect(diagnostics.first?.location.line == 2)
    }

    /// Independent problems in one lesson are all reported, in source order.
    @Test func severalIndependentErrorsAllReported() {
        let source = """
            ---
            title: 7
            ---
            Para {{ unterminated

            Empty {{ }}.

            ```{nope}
            ```

            ```{eval}
            :bad option: x
            let a = 1
            ```

            [link]({{ dest }})

            Fine {{ ok }} and another {{ also

            """
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(lesson != nil)
        #expect(diagnostics.map(\.location.line) == [2, 4, 6, 8, 12, 16, 18])
        #expect(diagnostics.map(\.location) == [
            Loc(line: 2, column: 8), at("{{ unterminated", source), at("{{ }}", source), at("```{nope}", source),
            at(":bad option", source), at("dest", source), at("{{ also", source),
        ].compactMap { $0 })
    }
}

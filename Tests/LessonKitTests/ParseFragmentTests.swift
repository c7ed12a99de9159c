import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `LessonParser.parseFragment` (question bodies) and `LessonParser.splitBody` (listing and
/// output bodies).
@Suite struct ParseFragmentTests {
    typealias Loc = LessonKit.SourceLocation

    /// A question directive inside a list item: the fragment's locations must land in the file.
    @Test func questionBodyLocationsAndTrailingList() throws {
        let source = """
            - Quiz:

              ```{question} choice
              :answer: 2
              Which value is *larger*: {{ a*b }}?
              1. {{ c :.2f }} units
              2. the _other_ one
              ```

            """
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let directive = try #require(lesson?.directives.first)
        let engine = DiagnosticEngine()
        let fragment = try #require(LessonParser.parseFragment(
            directive.body, lineStarts: directive.bodyLineStarts, path: "t.md",
            splitTrailingOrderedList: true, diagnostics: engine))
        #expect(engine.diagnostics.isEmpty)
        #expect(ParseTestSupport.joined(fragment.pieces) == "<p>Which value is <em>larger</em>: [[e0]]?</p>\n")
        #expect(fragment.listItems.map(ParseTestSupport.joined) == ["[[e1]] units", "the <em>other</em> one"])
        #expect(fragment.expressions.map(\.expression) == ["a*b", "c"])
        #expect(fragment.expressions[0].expressionLocation == ParseTestSupport.location(of: "a*b", in: source))
        #expect(fragment.expressions[1].expressionLocation == ParseTestSupport.location(of: "c :.2f", in: source))
        #expect(fragment.expressions[1].specLocation == ParseTestSupport.location(of: ".2f", in: source))
    }

    @Test func looseItemsKeepTheirParagraphs() throws {
        let text = "Pick one.\n\n1. first\n\n2. second\n   more\n"
        let fragment = try #require(LessonParser.parseFragment(
            text, lineStarts: [Loc(line: 10, column: 3)], path: "t.md", splitTrailingOrderedList: true,
            diagnostics: DiagnosticEngine()))
        #expect(ParseTestSupport.joined(fragment.pieces) == "<p>Pick one.</p>\n")
        #expect(fragment.listItems.map(ParseTestSupport.joined) == ["<p>first</p>", "<p>second\nmore</p>"])
    }

    @Test func noSplitWithoutTrailingOrderedList() throws {
        for (text, split) in [("1. a\n2. b\n\nAfter.\n", true), ("- a\n- b\n", true), ("1. a\n2. b\n", false)] {
            let fragment = try #require(LessonParser.parseFragment(
                text, lineStarts: [], path: "t.md", splitTrailingOrderedList: split, diagnostics: DiagnosticEngine()))
            #expect(fragment.listItems.isEmpty, "\(text.debugDescription)")
            #expect(ParseTestSupport.joined(fragment.pieces).contains("<li>a</li>"))
        }
    }

    @Test func fragmentErrorsAreLocatedInTheLesson() {
        let engine = DiagnosticEngine()
        let starts = [Loc(line: 20, column: 5), Loc(line: 21, column: 5)]
        _ = LessonParser.parseFragment("First line\nsecond {{ open\n", lineStarts: starts, path: "l.md",
                                       splitTrailingOrderedList: false, diagnostics: engine)
        #expect(engine.diagnostics.map(\.description) == ["l.md:21:12: error: unterminated inline expression: expected '}}'"])
    }

    @Test func fragmentKeepsDirectiveFencesAsCode() throws {
        let fragment = try #require(LessonParser.parseFragment(
            "```{math}\nx\n```\n", lineStarts: [], path: "t.md", splitTrailingOrderedList: false, diagnostics: DiagnosticEngine()))
        #expect(ParseTestSupport.joined(fragment.pieces) == "<pre><code class=\"language-{math}\">x\n</code></pre>\n")
    }

    // MARK: - splitBody

    func locate(_ offset: Int) -> Loc { Loc(line: 100, column: offset + 1) }

    @Test func splitBodyTextAndExpressions() throws {
        let pieces = try LessonParser.splitBody("x = {{ v :.2f }}\n\\{{ raw }} {{ \"}}\" }}{{w}}\n", locate: locate)
        guard pieces.count == 6, pieces[5] == .text("\n"), case .text(let first) = pieces[0], case .expression(let v) = pieces[1],
              case .text(let middle) = pieces[2], case .expression(let s) = pieces[3], case .expression(let w) = pieces[4] else {
            Issue.record("unexpected pieces \(pieces)")
            return
        }
        #expect(first == "x = ")
        #expect(v == InlineExpression(expression: "v", expressionLocation: locate(7), spec: ".2f", specLocation: locate(10)))
        #expect(middle == "\n{{ raw }} ")
        #expect(s.expression == "\"}}\"")
        #expect(w.expression == "w")
        #expect(try LessonParser.splitBody("", locate: locate).isEmpty)
        #expect(try LessonParser.splitBody("no holes\n", locate: locate) == [.text("no holes\n")])
    }

    @Test func splitBodyErrors() {
        #expect(throws: SourceError(ParseMessage.unterminatedExpression, at: Loc(line: 100, column: 4))) {
            try LessonParser.splitBody("ab {{ c\nd\n", locate: locate)
        }
        #expect(throws: SourceError(ParseMessage.emptyExpression, at: Loc(line: 100, column: 2))) {
            try LessonParser.splitBody("a{{  }}", locate: locate)
        }
    }

    @Test func splitBodyWithDirectiveLocator() throws {
        let source = "> ```{output}\n> total: {{ n :, }}\n> ```\n"
        let directive = try #require(ParseTestSupport.parse(source).0?.directives.first)
        let pieces = try LessonParser.splitBody(directive.body, locate: directive.location(ofBodyOffset:))
        guard case .expression(let n) = pieces[1] else { Issue.record("\(pieces)"); return }
        #expect(n.expressionLocation == ParseTestSupport.location(of: "n :,", in: source))
        #expect(n.specLocation == ParseTestSupport.location(of: ", }}", in: source))
    }
}

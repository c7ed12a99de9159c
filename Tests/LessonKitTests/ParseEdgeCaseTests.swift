import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Line endings, tabs and other inputs authors' editors produce.
@Suite struct ParseEdgeCaseTests {
    typealias Loc = LessonKit.SourceLocation

    @Test func crlfLineEndings() throws {
        let source = "---\r\ntitle: T\r\n---\r\nText {{ a }}\r\n\r\n```{table} m\r\n:title: X\r\nbody\r\n```\r\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(lesson)
        #expect(parsed.frontMatter.title == "T")
        #expect(parsed.inlineExpressions.first?.expressionLocation == Loc(line: 4, column: 9))
        let directive = try #require(parsed.directives.first)
        #expect(directive.location == Loc(line: 6, column: 1))
        #expect(directive.argument == "m")
        #expect(directive.option("title")?.value == "X")
        #expect(directive.body.hasPrefix("body"))
        #expect(directive.bodyLineStarts.first == Loc(line: 8, column: 1))
    }

    @Test func tabIndentedDirectiveInListItem() throws {
        let source = "-\tItem\n\n\t```{eval}\n\tlet x = 1\n\t```\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        let directive = try #require(lesson?.directives.first)
        #expect(directive.location == Loc(line: 3, column: 2))
        #expect(directive.body == "let x = 1\n")
        #expect(directive.bodyLineStarts == [Loc(line: 4, column: 2)])
    }

    @Test func multibyteTextBeforeExpressionCountsBytes() throws {
        let source = "Größe → {{ n }}\n"
        let lesson = try #require(ParseTestSupport.parse(source).0)
        // "Größe → {{ " is 15 bytes: G r ö(2) ß(2) e space →(3) space { { space.
        #expect(lesson.inlineExpressions.first?.expressionLocation == Loc(line: 1, column: 16))
    }

    @Test func emptyAndFrontMatterOnlyLessons() throws {
        let (empty, emptyDiagnostics) = ParseTestSupport.parse("")
        #expect(emptyDiagnostics.isEmpty)
        #expect(empty?.template == [])
        let (onlyFront, diagnostics) = ParseTestSupport.parse("---\ntitle: Only\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(onlyFront?.frontMatter.title == "Only")
        #expect(onlyFront?.template == [])
    }

    @Test func directiveWithoutClosingFenceRunsToEndOfContainer() throws {
        let source = "> ```{math}\n> x^2\n\nAfter {{ y }}\n"
        let (lesson, diagnostics) = ParseTestSupport.parse(source)
        #expect(diagnostics.isEmpty)
        #expect(lesson?.directives.first?.body == "x^2\n")
        #expect(lesson?.inlineExpressions.first?.expression == "y")
    }
}

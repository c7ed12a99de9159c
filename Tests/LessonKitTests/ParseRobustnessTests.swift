import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Random Markdown-heavy text must never crash the parser, and what it returns must hold
/// together: holes index existing expressions and directives, no placeholder leaks into the
/// HTML, and every location points inside the source.
@Suite struct ParseRobustnessTests {
    static let alphabet: [String] = ["{", "{{", "}}", "}", "`", "``", "\\", "> ", "- ", "1. ", "|", "\n", "\n\n",
                                     ":", "\"", "*", "_", " ", "a", "x", "~~~", "```", "```{eval}\n", "```{table} m\n",
                                     ":k: v\n", "[", "](", ")", "# ", "---\n", "    ", "\t", "<div>", "é", "[^1]", "[^1]: "]

    @Test func randomSourcesHoldTogether() {
        let seed: UInt64 = 7_2026
        var random = SplitMix64(seed: seed)
        var checked = 0
        for _ in 0..<2000 {
            let source = (0..<Int.random(in: 1...80, using: &random))
                .map { _ in Self.alphabet.randomElement(using: &random) ?? "" }.joined()
            let lineLengths = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.utf8.count }
            func inside(_ location: LessonKit.SourceLocation) -> Bool {
                location.line >= 1 && location.line <= lineLengths.count
                    && location.column >= 1 && location.column <= lineLengths[location.line - 1] + 1
            }
            let (lesson, diagnostics) = ParseTestSupport.parse(source)
            checked += 1
            #expect(diagnostics.allSatisfy { inside($0.location) }, "seed \(seed) source \(source.debugDescription)")
            guard let lesson else { continue }
            for piece in lesson.template {
                switch piece {
                case .html(let html):
                    #expect(!html.unicodeScalars.contains("\u{E000}"), "seed \(seed) source \(source.debugDescription)")
                case .expression(let index):
                    #expect(index < lesson.inlineExpressions.count)
                case .directive(let index):
                    #expect(index < lesson.directives.count)
                case .reference(let index):
                    #expect(index < lesson.references.count)
                }
            }
            #expect(lesson.inlineExpressions.allSatisfy { inside($0.expressionLocation) && !$0.expression.isEmpty },
                    "seed \(seed) source \(source.debugDescription)")
            for directive in lesson.directives {
                #expect(inside(directive.location) && inside(directive.argumentLocation)
                        && directive.bodyLineStarts.allSatisfy(inside)
                        && directive.options.allSatisfy { inside($0.valueLocation) },
                        "seed \(seed) source \(source.debugDescription)")
                #expect(directive.bodyLineStarts.count == directive.body.filter { $0 == "\n" }.count)
            }
        }
        print("checked \(checked) random sources (seed \(seed))")
    }
}

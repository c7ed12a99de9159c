import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Masking must not change the Markdown around an expression: a lesson with expressions must
/// render like cmark-gfm renders the same text with each expression replaced by a plain word.
/// Oracle: the `cmark-gfm` command on that replaced text. Random lessons from a seeded generator.
@Suite struct ParseExpressionDifferentialTests {
    /// Expression texts full of Markdown punctuation.
    static let expressions = ["a*b", "c_d", "x || y", "f(a: 1) * g_h", "t[0:2]", "\"s*t_u\"", "m * n * o",
                              "p_q :.2f", "[1, 2] : >5", "w :,", "`tick`", "<b>"]
    /// Block shapes; `E` is replaced by an expression, `L` by literal braces that must stay text.
    static let blocks = ["Text E and E more.", "# Heading E", "Setext E\n---", "- item E\n- other *E*",
                         "1. one E\n   > quoted E", "> quote E\n> E", "| a | b |\n|---|---|\n| E | x |\n| y | E |",
                         "See [link E](https://x.org) and **E**", "Code `L` and E", "Escaped \\L and E",
                         "```\nL\n```", "Note.[^n]\n\n[^n]: Foot E", "_E_ and __E__",
                         "~~E~~ and www.example.com", "- [ ] task E\n- [x] done", "<div>\nL\n</div>"]

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommonMarkDifferentialTests.command),
                   "cmark-gfm command not installed"))
    func expressionsDoNotChangeSurroundingMarkdown() throws {
        let seed: UInt64 = 20_261_127
        var random = SplitMix64(seed: seed)
        var compared = 0
        var firstMismatch: String?
        for _ in 0..<150 {
            var lesson = ""
            var oracleInput = ""
            var expressionCount = 0
            for blockIndex in 0..<Int.random(in: 2...5, using: &random) {
                let block = Self.blocks.randomElement(using: &random) ?? ""
                if blockIndex > 0 { lesson += "\n\n"; oracleInput += "\n\n" }
                for character in block {
                    switch character {
                    case "E":
                        let expression = Self.expressions.randomElement(using: &random) ?? "x"
                        lesson += "{{ \(expression) }}"
                        oracleInput += "XEXPR\(expressionCount)X"
                        expressionCount += 1
                    case "L":
                        lesson += "{{ literal }}"
                        oracleInput += "{{ literal }}"
                    default:
                        lesson.append(character)
                        oracleInput.append(character)
                    }
                }
            }
            lesson += "\n"
            oracleInput += "\n"
            let (parsed, diagnostics) = ParseTestSupport.parse(lesson)
            let actual = parsed.map { lesson in
                lesson.template.map { piece -> String in
                    switch piece {
                    case .html(let html): html
                    case .expression(let index): "XEXPR\(index)X"
                    case .directive(let index): "[[d\(index)]]"
                    case .reference(let index): "[[r\(index)]]"
                    }
                }.joined()
            } ?? "<nil>"
            let expected = try CommonMarkDifferentialTests.oracle(oracleInput)
            compared += 1
            if (actual != expected || !diagnostics.isEmpty || parsed?.inlineExpressions.count != expressionCount),
               firstMismatch == nil {
                firstMismatch = "lesson: \(lesson.debugDescription)\nexpected: \(expected.debugDescription)\n"
                    + "actual:   \(actual.debugDescription)\ndiagnostics: \(diagnostics)"
            }
        }
        print("compared \(compared) generated lessons with expressions against cmark-gfm (seed \(seed))")
        #expect(firstMismatch == nil, "seed \(seed), first mismatch:\n\(firstMismatch ?? "")")
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Random programs built from the version-2 vocabulary never crash, hang or escape the limits:
/// each block ends with values or located errors.
@Suite struct LanguageFuzzTests {
    static let vocabulary = [
        "let", "var", "func", "f", "g", "x", "y", "xs", "if", "else", "for", "in", "while", "true", "false", "break",
        "continue", "return", "import", "\"_a.md\"", "{", "}", "(", ")", "[", "]", ",", ":", "->", "?", "=", "+=", "-=",
        "*=", "/=", "+", "-", "*", "/", "%", "==", "<", ">", "&&", "||", "!", "..<", "...", "$0", "$1", "0", "1", "2.5",
        "\n", "\n", "\n", "_", "Int", "Double", ".", "map", "filter", "reduce", "append", "attempt", "zeros", "sum",
    ]

    @Test func randomProgramsEndWithLocatedErrors() {
        var rng = SplitMix64(seed: 9)
        let limits = EvaluationLimits(maxSteps: 20_000, maxIterations: 2_000)
        var failed = 0
        for _ in 0..<400 {
            let count = Int.random(in: 1...60, using: &rng)
            let source = (0..<count).map { _ in Self.vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
            let lesson = Interpreter(limits: limits)
            let errors = runExpressionBlock(source, in: lesson)
            if !errors.isEmpty { failed += 1 }
            for error in errors {
                #expect(error.location.line >= 1 && error.location.column >= 1, "\(source)")
                #expect(!error.message.isEmpty)
            }
            _ = try? evaluateExpression(source, in: lesson)
        }
        #expect(failed > 0)
    }

    /// Runaway constructs in well-formed programs end at their limits.
    @Test func wellFormedRunawaysEnd() {
        let programs = [
            "var i = 0\nwhile i >= 0 { i += 1 }",
            "func f(_ n: Int) -> Int { return f(n) + 1 }\nlet x = f(1)",
            "let g = { (h: Int) in h }\nfunc loop() -> Int { for i in 0..<1000000 { } return 0 }\nlet y = loop()",
            "var xs = [0].tolist()\nwhile true { xs.append(xs.count) }",
            "func a(_ n: Int) -> Int { return b(n) }\nfunc b(_ n: Int) -> Int { return a(n) }\nlet z = a(0)",
        ]
        for program in programs {
            let errors = runExpressionBlock(program, in: Interpreter(limits: EvaluationLimits(maxIterations: 20_000)))
            #expect(errors.count >= 1, "\(program)")
        }
    }
}

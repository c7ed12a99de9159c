import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Every limit fails with its message instead of hanging, trapping or allocating without bound,
/// and random input never traps the lexer, parser or interpreter.
@Suite struct ExpressionLimitTests {
    @Test func nestingLimit() {
        let deep = String(repeating: "(", count: 65) + "1" + String(repeating: ")", count: 65)
        #expect(expressionFailure(deep)?.message == "expression nests too deeply (limit 64)")
        let fine = String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
        #expect(expressionFailure(fine) == nil)
        let brackets = String(repeating: "[", count: 100_000)
        #expect(expressionFailure(brackets)?.message == "expression nests too deeply (limit 64)")
        let unary = String(repeating: "-", count: 100_000) + "1"
        #expect(expressionFailure(unary)?.message == "expression nests too deeply (limit 64)")
    }

    @Test func longOperatorChainsAreBounded() throws {
        let chain = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(expressionFailure(chain)?.message == "expression is too long (more than 256 operations deep)")
        let members = "(1, 2)" + String(repeating: ".0", count: 10_000)
        #expect(expressionFailure(members)?.message == "expression is too long (more than 256 operations deep)")
        #expect(try evaluateExpression(Array(repeating: "1", count: 200).joined(separator: " + ")) == .int(200))
    }

    @Test func stringLengthLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxStringLength: 1000))
        #expect(runExpressionBlock("let a = \"" + String(repeating: "x", count: 600) + "\"", in: lesson).isEmpty)
        #expect(expressionFailure("a + a", in: lesson)?.message == "result is too long (1200 characters; the limit is 1000)")
    }

    @Test func statementLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxStatements: 3))
        let errors = runExpressionBlock("let a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5", in: lesson)
        #expect(errors.map(\.message) == ["too many statements in this lesson (limit 3); "
                                          + "a lesson that needs more raises it in its front matter: 'limits:' then '  statements: 2e1'"])
        #expect(errors.first?.location.line == 4)
        // Later blocks add no new report; the names they would bind are poisoned (uses are cascades).
        #expect(runExpressionBlock("let f = 6", in: lesson).isEmpty)
        #expect(expressionFailure("e + f", in: lesson)?.isCascade == true)
    }

    @Test func stepLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxSteps: 50))
        let source = Array(repeating: "1", count: 40).joined(separator: " + ")
        let message = "the lesson evaluates too much (limit 50 steps); "
            + "a lesson that needs more raises it in its front matter: 'limits:' then '  steps: 2e2'"
        #expect(expressionFailure(source, in: lesson)?.message == message)
        // Reported once; later hits of the same budget are cascades.
        #expect(expressionFailure("1 + 1", in: lesson)?.isCascade == true)
        // Limits are not caught by attempt(...).
        #expect(expressionFailure("attempt(" + source + ")", in: Interpreter(limits: EvaluationLimits(maxSteps: 50)))?.message
            == message)
    }

    @Test func tensorElementLimitInArrayLiterals() {
        // 5 × 2²² = 20,971,520 elements (> Limits.maxElements = 2²⁴) from stacking, refused before allocating.
        let lesson = Interpreter()
        #expect(runExpressionBlock("let big = zeros((4, 1024, 1024))", in: lesson).isEmpty)
        let error = expressionFailure("[big, big, big, big, big]", in: lesson)
        #expect(error?.message == "a tensor of shape (5, 4, 1024, 1024) has 20971520 elements; the limit is 16777216")
        #expect(expressionFailure("zeros((100000, 100000))")?.message.hasSuffix("elements; the limit is 16777216") == true)
        #expect(expressionFailure("zeros(-1)")?.message == "shape (-1,) has a negative extent")
    }

    @Test func tolistLimit() {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let big = zeros((1000, 1000))", in: lesson).isEmpty)
        #expect(expressionFailure("big.tolist()", in: lesson)?.message == "tolist() of 1000000 elements is too large (limit 100000)")
        #expect(expressionFailure("zeros((200000, 0)).tolist()", in: lesson)?.message
            == "tolist() of shape (200000, 0) builds too many lists (limit 100000)")
    }

    @Test func tensorWorkLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxTensorWork: 10_000))
        #expect(runExpressionBlock("let x = zeros((50, 50))", in: lesson).isEmpty)
        #expect(expressionFailure("x + x + x", in: lesson)?.message == "the lesson does too much tensor work (limit 10000 element operations); "
                + "a lesson that needs more raises it in its front matter: 'limits:' then '  work: 4e4'")
    }

    /// Random byte soup and random token soup: the lexer and parser must never trap.
    @Test func fuzzLexerAndParser() {
        var generator = SplitMix64(seed: 0x5EED_1E55)
        let alphabet = Array("()[]{},.:;=+-*/%!<>&|\"\\ \n\t0123456789eE_abcxyzé€\u{0}#'.")
        let words = ["let", "assert", "(", ")", "[", "]", ",", ":", ".", "..<", "...", "=", "==", "+", "-", "*", "/",
                     "&&", "||", "!", "<", "1", "2.5", "1e-4", "\"s\"", "x", "t", "true", "\n", "zeros", "conv2d",
                     "stride:", "attempt", "x.shape", "[1, 2]"]
        var parsed = 0
        for round in 0..<3000 {
            let length = Int(generator.next() % 40)
            var source = ""
            for _ in 0..<length {
                if round % 2 == 0 {
                    source.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
                } else {
                    source += words[Int(generator.next() % UInt64(words.count))] + " "
                }
            }
            var blockParser = Parser(source, limits: .standard)
            _ = blockParser.parseBlock()
            var expressionParser = Parser(source, limits: .standard)
            if (try? expressionParser.parseStandaloneExpression()) != nil { parsed += 1 }
        }
        print("fuzz (seed 0x5EED1E55): 3000 random sources lexed and parsed, \(parsed) were valid expressions")
        #expect(parsed > 0)
    }

    /// Random token soup evaluated end to end (functions that print are left out here; the
    /// printing fuzz lives in ExpressionPrintingTests).
    @Test func fuzzEvaluation() {
        var generator = SplitMix64(seed: 0xC0FFEE)
        let words = ["(", ")", "[", "]", ",", ".", "..<", "...", "+", "-", "*", "/", "%", "==", "<", "&&", "!",
                     "0", "1", "2", "-1", "2.5", "1e-4", "\"s\"", "x", "t", "r", "true", "zeros(", "ones(", "pad(",
                     "conv2d(", "maxPool2d(", "size:", "stride:", "padding:", "attempt(", ".shape", ".sum(", ".tolist(",
                     ".rounded(", "[1, 2]", "[[1.5, 2], [3, 4]]", ".0", ".values", "relu(", "matmul(", "x[0]", "receptiveField(",
                     "conv(", "pool(", "len(", "round(", "abs("]
        var evaluated = 0
        for _ in 0..<3000 {
            let lesson = Interpreter()
            _ = runExpressionBlock("let x = [[0.5, -1.0, 2.0], [3.0, 4.0, -5.5]]\nlet t = (1, 2.5)\nlet r = maxPool2d(x, size: 2, stride: 1)", in: lesson)
            var source = ""
            for _ in 0..<Int(generator.next() % 14) { source += words[Int(generator.next() % UInt64(words.count))] }
            if (try? evaluateExpression(source, in: lesson)) != nil { evaluated += 1 }
        }
        print("fuzz (seed 0xC0FFEE): 3000 random expressions evaluated, \(evaluated) succeeded")
        #expect(evaluated > 0)
    }
}

/// Limits on what a lesson keeps alive, and grammar-driven fuzzing through every builtin.
@Suite struct ExpressionResourceTests {
    @Test func boundElementsLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxBoundElements: 1000))
        let errors = runExpressionBlock("let a = zeros(600)\nlet b = zeros(600)\nlet c = zeros(300)", in: lesson)
        #expect(errors.map(\.message) == ["the lesson keeps too many tensor elements in its names (limit 1000)"])
        #expect(errors.first?.location == SourceLocation(line: 2, column: 9))
        #expect(lesson.value(of: "c") != nil)
    }

    @Test func valueNestingLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxValueNesting: 3))
        let errors = runExpressionBlock("let a = [(1,)]\nlet b = [a]\nlet c = [b]\nlet d = (c,)", in: lesson).filter { !$0.isCascade }
        #expect(errors.map(\.message) == ["values nest too deeply (limit 3 levels of tuples and lists)"])
        #expect(errors.first?.location.line == 3)
    }

    @Test func listGrowthLimit() {
        let lesson = Interpreter(limits: EvaluationLimits(maxListElements: 10))
        let errors = runExpressionBlock("let a = [\"x\", \"y\", \"z\"]\nlet b = a + a\nlet c = b + b", in: lesson)
        #expect(errors.map(\.message) == ["result is too long (12 elements; the limit is 10)"])
    }

    @Test func rankLimit() {
        let shape = "(" + Array(repeating: "1", count: 40).joined(separator: ", ") + ")"
        #expect(expressionFailure("zeros(\(shape))")?.message == "a tensor may have at most 32 axes, got 40")
    }

    /// Random well-formed programs over every builtin and method with edge-case arguments:
    /// evaluation and printing must fail with messages, never trap or hang.
    @Test func fuzzBuiltinsAndPrinting() {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["LESSONKIT_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) } ?? 0xB0B5_1ED
        let rounds = environment["LESSONKIT_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 1500
        var generator = SplitMix64(seed: seed)
        let atoms = ["x", "t", "r", "s", "0", "1", "2", "-1", "3", "0.5", "-2.5", "1e300", "9223372036854775807", "[]",
                     "[1, 2]", "[[1.5, 2], [3, 4]]", "[[[1.0]]]", "\"s\"", "\"{name}\"", "true", "(1, 2)", "zeros(0)",
                     "zeros((2, 0))", "r.winners", "[conv(3), pool(2)]", "x.shape", "[true, false]", "ones((3, 3))", "(-9223372036854775807 - 1)",
                     "-9223372036854775807", "[[1, 2, 3]]", "4096", "100000"]
        let functions = Builtins.functions.values.sorted { $0.name < $1.name }
        let methods = Builtins.methods.values.sorted { $0.name < $1.name }
        let operators = ["+", "-", "*", "/", "%", "==", "<", "&&", "||"]
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        func arguments(_ builtin: Builtin, _ depth: Int) -> String {
            var parts: [String] = []
            for parameter in builtin.parameters where generator.next() % 5 != 0 {
                let value = expression(depth - 1)
                parts.append(parameter.label.map { "\($0): \(value)" } ?? value)
            }
            if generator.next() % 10 == 0 { parts.append(expression(depth - 1)) }
            return parts.joined(separator: ", ")
        }
        func expression(_ depth: Int) -> String {
            if depth <= 0 || generator.next() % 4 == 0 { return pick(atoms) }
            switch generator.next() % 7 {
            case 0: return "(\(expression(depth - 1)) \(pick(operators)) \(expression(depth - 1)))"
            case 1: return "-\(expression(depth - 1))"
            case 2, 3:
                let f = pick(functions)
                return "\(f.name)(\(arguments(f, depth)))"
            case 4:
                let m = pick(methods)
                return "\(expression(depth - 1)).\(m.name)(\(arguments(m, depth)))"
            case 5: return "\(expression(depth - 1))[\(pick(["0", "-1", "1, 0", "0..<1", "1...", "..<5", "...", "2...1"]))]"
            default: return "attempt(\(expression(depth - 1)))"
            }
        }
        var succeeded = 0, total = 0
        for _ in 0..<rounds {
            let lesson = Interpreter()
            _ = runExpressionBlock("let x = [[0.5, -1.0, 2.0], [3.0, 4.0, -5.5]]\nlet t = (1, 2.5)\nlet s = \"text\"\n"
                         + "let r = maxPool2d(x, size: 2, stride: 1)", in: lesson)
            let source = expression(4)
            total += 1
            let value: Value
            do {
                value = try evaluateExpression(source, in: lesson)
            } catch {
                // Every error points inside the source.
                #expect(error.location.line == 1 && error.location.column >= 1 && error.location.column <= source.utf8.count + 1,
                        "\(source): \(error)")
                #expect(!error.message.isEmpty)
                continue
            }
            succeeded += 1
            _ = value.printed
            _ = value.pyObject.repr
            _ = value.typeDescription
        }
        print("fuzz builtins (seed \(String(seed, radix: 16))): \(total) programs, \(succeeded) evaluated and printed")
        #expect(succeeded > 100)
    }
}

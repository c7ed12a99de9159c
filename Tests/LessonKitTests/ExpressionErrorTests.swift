import Testing
import TestSupport
@testable import LessonKit

/// Error messages and their exact lesson locations; none of these needs the kernels' printing.
@Suite struct ExpressionErrorTests {
    @Test func unknownNameSuggestsBoundName() {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let feature_map = 3", in: lesson).isEmpty)
        let error = expressionFailure("1 + featur_map", in: lesson)
        #expect(error?.message == "unknown name 'featur_map'; did you mean 'feature_map'?")
        #expect(error?.location == SourceLocation(line: 1, column: 5))
    }

    @Test func unknownNameWithoutCloseCandidate() {
        #expect(expressionFailure("qqqqqqq")?.message == "unknown name 'qqqqqqq'")
        let lesson = Interpreter()
        #expect(runExpressionBlock("let x = 1", in: lesson).isEmpty)
        #expect(expressionFailure("y", in: lesson)?.message == "unknown name 'y'")
        #expect(expressionFailure("xx", in: lesson)?.message == "unknown name 'xx'; did you mean 'x'?")
    }

    @Test func unknownFunctionSuggestsBuiltin() {
        #expect(expressionFailure("conv2dd(1, 2)")?.message == "unknown function 'conv2dd'; did you mean 'conv2d'?")
        #expect(expressionFailure("conv2 (1, 2)")?.message == "unknown function 'conv2'")  // conv and conv2d tie: no guess
        #expect(expressionFailure("maxpool2d(1, size: 2)")?.message == "unknown function 'maxpool2d'; did you mean 'maxPool2d'?")
    }

    @Test func errorsPointIntoTheLesson() {
        // The block starts at lesson line 20; the bad operand is on its third line.
        let source = "let a = 1\n// comment\nlet b = a + \"x\"\nlet c = 2"
        let errors = runExpressionBlock(source, firstLine: 20)
        #expect(errors.count == 1)
        #expect(errors.first?.message == "operator '+' cannot combine Int and String")
        #expect(errors.first?.location == SourceLocation(line: 22, column: 11))
    }

    @Test func syntaxErrorLocation() {
        let errors = runExpressionBlock("let a = (1 + 2\nlet b = 3\nlet c = 4 5")
        #expect(errors.map(\.message) == [
            "expected ',' or ')', found end of line",
            "expected end of line (one statement per line), found '5'",
        ])
        #expect(errors.map(\.location) == [SourceLocation(line: 2, column: 1), SourceLocation(line: 3, column: 11)])
    }

    @Test func lexerErrors() {
        #expect(expressionFailure("\"abc")?.message == "unterminated string")
        #expect(expressionFailure("1 + #")?.message == "unexpected character '#'")
        #expect(expressionFailure("1 + #")?.location == SourceLocation(line: 1, column: 5))
        #expect(expressionFailure("\"a\\qb\"")?.message == "unknown escape '\\q' in string")
        #expect(expressionFailure("1e+")?.message == "malformed number '1e+'")
        #expect(expressionFailure("12abc")?.message == "malformed number '12abc'")
        #expect(expressionFailure("99999999999999999999")?.message == "integer literal '99999999999999999999' is too large (limit 9223372036854775807)")
        #expect(expressionFailure(".5")?.message == "a number cannot start with '.'; write 0.5")
        #expect(expressionFailure("1 < 2 < 3")?.message == "comparisons cannot be chained; combine them with '&&'")
    }

    @Test func pythonHabitsGetHints() {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let x = [1.0, 2.0]", in: lesson).isEmpty)
        #expect(expressionFailure("conv2d(x, x, stride=2)", in: lesson)?.message
            == "arguments are labeled Swift-style: write 'stride: ...' instead of 'stride=...'")
        #expect(expressionFailure("conv2d(x, x, stride=2)", in: lesson)?.location.column == 20)
        #expect(expressionFailure("x[0:1]", in: lesson)?.message == "slices are written as ranges: 'a..<b' (not 'a:b'), '..<b', 'a...'")
        #expect(expressionFailure("true and false")?.message == "use '&&' instead of Python's 'and'")
        #expect(expressionFailure("True")?.message == "unknown name 'True'; write 'true'")
        #expect(expressionFailure("np.zeros(3)")?.message == "unknown name 'np'; call functions directly, e.g. zeros((2, 2)) or maximum(x, 0.0)")
        #expect(expressionFailure("2 ** 3")?.message == "'**' is not supported; write the product out (x * x)")
        #expect(expressionFailure("2 ** 3")?.location.column == 3)
        let errors = runExpressionBlock("z = 3\nlet y = z")
        #expect(errors.map(\.message) == ["bind a name with 'let z = ...' (or 'var z = ...' to change it later)",
                                          "'z' is unavailable because its definition at line 1 failed"])
        #expect(errors.map(\.isCascade) == [false, true])
    }

    @Test func pythonFloorDivisionIsNotSilentlyAComment() throws {
        let message = "'//' starts a comment here, so the rest of the line is ignored; "
            + "Python's a // b is floor(a / b) (put a comment on its own line)"
        let errors = runExpressionBlock("let n = 7\nlet half = n // 2\nlet out = (n + 2 - 3) // (2) + 1\nlet w = 4 // width in pixels\n"
                                        + "let k = 3 // kernel\n// 2 + 2\nlet q = floor(n / 2)")
        #expect(errors.map(\.message) == [message, message])
        #expect(errors.map(\.location) == [SourceLocation(line: 2, column: 14), SourceLocation(line: 3, column: 23)])
        #expect(try evaluateExpression("floor(-7 / 2)") == .int(-4))
        #expect(try evaluateExpression("floor(3)") == .int(3))
    }

    @Test func poisonedNamesCascade() {
        let lesson = Interpreter()
        let errors = runExpressionBlock("let a = 1 / 0\nlet b = a + 1\nlet c = b * 2\nlet d = 5", in: lesson)
        #expect(errors.count == 3)
        #expect(errors[0].message == "division by zero")
        #expect(errors[0].isCascade == false)
        #expect(errors[0].location == SourceLocation(line: 1, column: 11))
        #expect(errors[1].isCascade && errors[2].isCascade)
        #expect(errors[1].message == "'a' is unavailable because its definition at line 1 failed")
        #expect(errors[1].location == SourceLocation(line: 2, column: 9))
        #expect(lesson.value(of: "d") == .int(5))
        #expect(lesson.boundNames == ["a", "b", "c", "d"])
        // Inline expressions using a poisoned name are cascades too.
        #expect(expressionFailure("c + 1", in: lesson)?.isCascade == true)
        // attempt(...) does not swallow a cascade.
        #expect(expressionFailure("attempt(a)", in: lesson)?.isCascade == true)
    }

    @Test func danglingOperatorCostsOneError() {
        let lesson = Interpreter()
        let errors = runExpressionBlock("let a = 1 +\nlet b = 2\nassert(b == 2)\nlet c = a", in: lesson)
        #expect(errors.map(\.message) == ["expected an expression, found end of line", "'a' is unavailable because its definition at line 1 failed"])
        #expect(errors.map(\.isCascade) == [false, true])
        #expect(errors.first?.location == SourceLocation(line: 2, column: 1))
        #expect(lesson.value(of: "b") == .int(2))
    }

    @Test func syntaxErrorPoisonsItsName() {
        let lesson = Interpreter()
        let errors = runExpressionBlock("let x = [1, 2\nlet y = x", in: lesson)
        #expect(errors.count == 2)
        #expect(errors[0].isCascade == false)
        #expect(errors[1].isCascade == true)
    }

    @Test func rebindingIsAnError() {
        let lesson = Interpreter()
        let errors = runExpressionBlock("let x = 1\nlet y = 2\n\nlet x = 3", in: lesson, firstLine: 5)
        // The error covers the name (5..<6), which a preview underlines.
        #expect(errors == [EvaluationError("'x' is already bound at line 5", at: SourceLocation(line: 8, column: 5),
                                           end: SourceLocation(line: 8, column: 6))])
        #expect(lesson.value(of: "x") == .int(1))
        // Across blocks of the same lesson as well.
        #expect(runExpressionBlock("let y = 4", in: lesson, firstLine: 30).first?.message == "'y' is already bound at line 6")
    }

    @Test func assertMessages() {
        let lesson = Interpreter()
        let errors = runExpressionBlock("let a = 2\nassert(a == 2)\nassert(a  >  3)\nassert(a == 1, \"a is two\")\nassert(a)", in: lesson)
        #expect(errors.map(\.message) == [
            "assertion failed: a  >  3", "a is two", "assert needs a Bool condition, got Int",
        ])
        #expect(errors.map(\.location.line) == [3, 4, 5])
        #expect(errors[0].location.column == 8)
    }

    @Test func bareExpressionsAreRejectedInEvalBlocks() {
        let errors = runExpressionBlock("1 + 2")
        #expect(errors.first?.message.hasPrefix("an {eval} block does not show values") == true)
    }

    @Test func labelAndArityChecks() {
        let cases: [(String, String, Int)] = [
            ("conv2d(1, 2, strid: 2)", "conv2d(_:_:stride:padding:dilation:bias:) has no argument 'strid'; did you mean 'stride'?", 14),
            ("convOutputSize(4, 3)", "convOutputSize(_:kernel:stride:padding:dilation:): argument 2 needs the label 'kernel:'", 19),
            ("convOutputSize(4)", "convOutputSize(_:kernel:stride:padding:dilation:) is missing argument 'kernel:'", 1),
            ("convOutputSize(size: 4, kernel: 3)", "convOutputSize(_:kernel:stride:padding:dilation:): argument 1 has no label; remove 'size:'", 16),
            ("convOutputSize(4, kernel: 3, kernel: 3)", "convOutputSize(_:kernel:stride:padding:dilation:): argument 'kernel:' is given twice", 30),
            ("pad(1)", "pad(_:_:) is missing argument 2 (width)", 1),
            ("relu(1, 2)", "relu(_:) takes 1 unlabeled argument, got an extra one", 9),
            ("denseParameters(inputs: 3, unit: 4)", "denseParameters(inputs:units:bias:) has no argument 'unit'; did you mean 'units'?", 28),
            ("convOutputSize(4, kernel: 3.0)", "argument 'kernel' of convOutputSize(_:kernel:stride:padding:dilation:) must be an Int, got Double", 27),
            ("pad(\"x\", 1)", "argument 1 of pad(_:_:) must be a tensor, got String", 5),
        ]
        for (source, message, column) in cases {
            let error = expressionFailure(source)
            #expect(error?.message == message, "\(source)")
            #expect(error?.location.column == column, "\(source)")
        }
    }

    @Test func membersAndCalls() {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let t = (1, 2)\nlet r = denseParameters(inputs: 2, units: 3)\nlet n = 5", in: lesson).isEmpty)
        #expect(expressionFailure("t.5", in: lesson)?.message == "tuple index 5 is out of range (the tuple has 2 elements)")
        #expect(expressionFailure("r.totl", in: lesson)?.message == "record ParameterCount has no member 'totl'; did you mean 'total'?")
        #expect(expressionFailure("r.zzzzz", in: lesson)?.message == "record ParameterCount has no member 'zzzzz' (its fields: weights, biases, total)")
        #expect(expressionFailure("n(3)", in: lesson)?.message == "'n' is an Int, not a function")
        #expect(expressionFailure("zeros", in: lesson)?.message == "'zeros' is a function; call it with arguments: zeros(_:dtype:)")
        #expect(expressionFailure("(1)(2)", in: lesson)?.message == "only functions and methods can be called")
        #expect(expressionFailure("n.sum()", in: lesson)?.message == "Int has no member 'sum'")
    }

    @Test func arithmeticErrors() {
        #expect(expressionFailure("9223372036854775807 + 1")?.message == "integer overflow: 9223372036854775807 + 1 does not fit in 64 bits")
        #expect(expressionFailure("5 % 0")?.message == "integer modulo by zero")
        #expect(expressionFailure("1.5 / 0")?.message == "float division by zero")
        #expect(expressionFailure("true && 1")?.message == "operator '&&' needs Bool operands, got Int")
        #expect(expressionFailure("!3")?.message == "operator '!' needs a Bool, got Int")
        #expect(expressionFailure("\"a\" < 1")?.message == "operator '<' cannot compare String and Int")
    }

    @Test func raggedArrays() {
        let error = expressionFailure("[[1, 2, 3],\n [4, 5]]")
        #expect(error?.message == "array rows have different lengths (3 and 2)")
        #expect(error?.location == SourceLocation(line: 2, column: 2))
        #expect(expressionFailure("[[[1], [2]], [[1, 2], [3, 4]]]")?.message == "array rows have different shapes ((2, 1) and (2, 2))")
        #expect(expressionFailure("[1, [2, 3]]")?.message == "array mixes numbers and rows")
    }

    @Test func attemptCatchesOrdinaryErrors() throws {
        #expect(try evaluateExpression("attempt(1 / 0)") == .string("division by zero"))
        #expect(try evaluateExpression("attempt(1 + 2)") == .int(3))
        #expect(try evaluateExpression("attempt(convOutputSize(4, kernel: 9))") == .string("kernel cannot exceed padded input size"))
        #expect(try evaluateExpression("attempt(convOutputSize(0, kernel: 3))")
            == .string("size, kernel, and stride must be positive; padding cannot be negative"))
    }

    @Test func methodErrorsPointAtTheMethod() {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let feature_map = [[0.5, 1.5], [2.5, 3.5]]", in: lesson).isEmpty)
        let error = expressionFailure("1 + feature_map.sum(axis: 2)", in: lesson)
        #expect(error?.message == "axis 2 is out of bounds for array of dimension 2")
        #expect(error?.location.column == 17)
    }

    @Test func kernelErrorsPassThroughAtTheCall() {
        let error = expressionFailure("1 + conv2d([[1.0, 2.0]], [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])")
        #expect(error != nil)
        #expect(error?.location.column == 5)
    }
}

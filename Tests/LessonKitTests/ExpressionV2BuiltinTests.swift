import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The v2 builtins (math, builders, reductions, backward passes) through lesson expressions:
/// printed text against NumPy run live on `oracle/v2-pairs.txt` (or its committed output),
/// NumPy-style errors, int64 overflow as errors, and the work budget.
@Suite struct ExpressionV2BuiltinTests {
    @Test func printedValuesMatchNumPy() throws {
        let data: Data
        let source: String
        let pairs = expressionFixtures.appendingPathComponent("oracle/v2-pairs.txt").path
        if ExpressionPython.hasNumPy {
            data = Data(try ExpressionPython.run([expressionFixtures.appendingPathComponent("oracle/oracle.py").path, pairs]).utf8)
            source = "live python3"
        } else {
            data = try Data(contentsOf: expressionFixtures.appendingPathComponent("oracle/v2-expected.json"))
            source = "committed v2-expected.json"
        }
        let expected = try JSONDecoder().decode([ExpressionOracleTests.Pair].self, from: data)
        for pair in expected {
            let actual: String
            do {
                actual = try evaluateExpression(pair.lesson).printed
            } catch {
                actual = "error: \(error)"
            }
            #expect(actual == pair.printed, "\(pair.lesson)  ⇔  \(pair.python)")
        }
        print("v2 builtins: compared \(expected.count) expressions against \(source)")
        #expect(expected.count >= 80)
    }

    @Test(arguments: [
        ("log(-1.0)", "nan"), ("log(0.0)", "-inf"), ("sqrt(-4)", "nan"), ("exp(1000.0)", "inf"),
        ("exp(0)", "1.0"), ("tanh(0)", "0.0"), ("ceil(-0.5)", "0"), ("sign(-0.0)", "0.0"), ("pow(2.0, -1)", "0.5"),
        ("atan2(0.0, -1.0)", "3.141592653589793"), ("softmaxCrossEntropy([0.0, 0.0], target: 1).loss", "0.6931471805599453"),
        ("conv2dBackward([[1.0, 2.0], [3.0, 4.0]], [[1.0]], gradOutput: [[1.0, 0.5], [0.25, 2.0]]).bias", "3.75"),
        ("len(conv2dBackward(zeros((2, 4, 4)), zeros((3, 2, 3, 3)), gradOutput: ones((3, 2, 2))).bias)", "3"),
        ("linearBackward([[1.0, 2.0]], weight: [[3.0]], gradOutput: [[1.0, 1.0]]).bias", "[2.]"),
    ])
    func scalarsAndRecords(_ source: String, _ printed: String) throws {
        #expect(try evaluateExpression(source).printed == printed, "\(source)")
    }

    @Test(arguments: [
        ("[9223372036854775807, 1].sum()", "integer overflow in sum: the total does not fit in int64"),
        ("abs([-9223372036854775807 - 1])", "integer overflow in absolute: abs(-9223372036854775808) does not fit in int64"),
        ("[4294967296, 4294967296].prod()", "integer overflow in multiply: the product does not fit in int64"),
        ("[[4294967296], [4294967296]].prod(axis: 0)", "integer overflow in multiply: the product does not fit in int64"),
        ("[9223372036854775807] + 1", "integer overflow in add: 9223372036854775807 and 1 do not fit in int64"),
        ("[3037000500] * [3037000500]", "integer overflow in multiply: 3037000500 and 3037000500 do not fit in int64"),
        ("pow([10], 19)", "integer overflow in power: 10 ** 19 does not fit in int64"),
        ("outer([4294967296], [4294967296])", "integer overflow in multiply: 4294967296 and 4294967296 do not fit in int64"),
        ("[1, 2] % 0", "integer modulo by zero"),
        ("pow([2], -1)", "Integers to negative integer powers are not allowed."),
        ("[1e300].astype(\"int64\")", "1e+300 does not fit in int64"),
        ("arange(0, 5, step: 0)", "arange step cannot be zero (NumPy: division by zero)"),
        ("linspace(0, 1, count: -1)", "Number of samples, -1, must be non-negative."),
        ("stack([])", "need at least one array to stack"),
        ("stack([arange(2), arange(3)])", "all input arrays must have the same shape"),
        ("concatenate([zeros((1, 2)), arange(2)])", "all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)"),
        ("concatenate([zeros((1, 2)), zeros((1, 3))], axis: 0)", "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3"),
        ("flip([1, 2], axis: 1)", "axis 1 is out of bounds for array of dimension 1"),
        ("softmax([1.0, 2.0], axis: -2)", "axis -2 is out of bounds for array of dimension 1"),
        ("exp([true])", "exp of a bool array is not supported (NumPy would answer in float16 or refuse); convert it first with .astype(\"float64\")"),
        ("arange(6).reshaped((4, -1))", "cannot reshape array of size 6 into shape (4,-1)"),
        ("arange(6).reshaped((-1, -1))", "can only specify one unknown dimension"),
        ("softmaxCrossEntropy([1.0, 2.0], target: 2)", "target 2 is out of range for 2 classes (0..<2)"),
        ("reluBackward([1.0, 2.0], gradOutput: [1.0])", "gradOutput has shape (1,) but the input has shape (2,)"),
        ("maxPool2dBackward(zeros((4, 4)), gradOutput: zeros((3, 3)), size: 2)", "gradOutput has shape (3, 3) but max pooling gives shape (2, 2)"),
        ("conv2dBackward(zeros((4, 4)), zeros((3, 3)), gradOutput: zeros((3, 3)))", "gradOutput has shape (3, 3) but conv2d gives shape (2, 2)"),
        ("[[1, 2]].argmin2d", nil),
        ("zeros(3).argmin2d()", "argmin2d needs a 2-D array, not a 1-D array of shape (3,)"),
    ] as [(String, String?)])
    func errorsSayWhatWentWrong(_ source: String, _ message: String?) {
        let failure = expressionFailure(source)
        #expect(failure != nil, "\(source) should fail")
        if let message { #expect(failure?.message == message, "\(source)") }
    }

    @Test func nanToIntegerIsAnError() {
        #expect(expressionFailure("[1.5, 0.0 / 0.0].astype(\"int64\")") != nil)
    }

    /// Members that return a non-tensor are charged by the elements they read (issue 13).
    @Test(arguments: ["x.argmax()", "x.argmax2d()", "x.argmin()", "x.all()", "x.any()", "x.max()", "x.sum()",
                      "x.tolist()", "x.var()", "x.prod()", "len(x.astype(\"bool\"))", "exp(x).size", "softmaxCrossEntropy(x, target: [0, 0]).loss",
                      "len(repr(x))", "len(str(x))", "len(literal(x))"])
    func everyMemberIsCharged(_ member: String) {
        let lesson = Interpreter(limits: EvaluationLimits(maxTensorWork: 100_000))
        #expect(runExpressionBlock("let x = ones((2, 1000))", in: lesson).isEmpty)
        let calls = (0..<60).map { "let r\($0) = \(member)" }.joined(separator: "\n")
        let errors = runExpressionBlock(calls, in: lesson)
        #expect(errors.first?.message.hasPrefix("the lesson does too much tensor work (limit 100000 element operations)") == true,
                "\(member)")
    }

    @Test func builtinNamesAreUnique() {
        #expect(Builtins.duplicateNames.isEmpty, "defined twice: \(Builtins.duplicateNames)")
        #expect(Builtins.functions.count + Builtins.methods.count
                == Builtins.allFunctions.count + Builtins.tensorMethods.count + Builtins.figureMethods.count)
    }
}

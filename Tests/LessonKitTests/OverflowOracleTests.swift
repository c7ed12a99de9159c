import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Int64 reductions and elementwise operations against Python's arbitrary-precision ints: where
/// the true result fits in int64 the lesson must print it, where it does not the lesson must
/// fail with an overflow error (never wrap, as NumPy does, and never trap).
@Suite struct OverflowOracleTests {
    /// A lesson expression and the same computation in plain Python ints (lists for tensors).
    /// `M` is Int64.max, `m` is Int64.min, in both languages.
    static let pairs: [(lesson: String, python: String)] = [
        ("[M, 1].sum()", "sum([M, 1])"),
        ("[m, -1].sum()", "sum([m, -1])"),
        ("[m, M].sum()", "sum([m, M])"),
        ("[[M], [1]].sum(axis: 0)", "[M + 1]"),
        ("[[M, 1]].sum(axis: 1)", "[M + 1]"),
        ("[M, 2].prod()", "M * 2"),
        ("[m, -1].prod()", "m * -1"),
        ("[[M, 2]].prod(axis: 1)", "[M * 2]"),
        ("[-4611686018427387904, 2].prod()", "-4611686018427387904 * 2"),
        ("abs([m])", "[abs(m)]"),
        ("abs([-M])", "[M]"),
        ("abs(m)", "abs(m)"),
        ("-[m]", "[-m]"),
        ("-m", "-m"),
        ("-M", "-M"),
        ("[M] + [1]", "[M + 1]"),
        ("[M] + 1", "[M + 1]"),
        ("M + 1", "M + 1"),
        ("[m] - [1]", "[m - 1]"),
        ("m - 1", "m - 1"),
        ("[M] * [2]", "[M * 2]"),
        ("[m] * [-1]", "[m * -1]"),
        ("M * 2", "M * 2"),
        ("m * -1", "m * -1"),
        ("pow([2], [63])", "[2 ** 63]"),
        ("pow([-2], [63])", "[(-2) ** 63]"),
        ("pow(2, 63)", "2 ** 63"),
        ("pow(2, 62)", "2 ** 62"),
        ("pow([3], [40])", "[3 ** 40]"),
        ("matmul([[M, 1]], [[1], [1]])", "[[M + 1]]"),
        ("matmul([[M, 1]], [[1], [-1]])", "[[M - 1]]"),
        ("outer([M], [2])", "[[M * 2]]"),
        ("conv2d([[M, 1]], [[1, 1]])", "[[M + 1]]"),
        ("full((2,), M) + 1", "[M + 1, M + 1]"),
        ("[M, 1].reduce(0) { $0 + $1 }", "M + 1"),
    ]

    /// Python's verdict for every pair: the exact result and whether it fits in int64.
    struct Verdict: Decodable {
        var fits: Bool
        var repr: String
    }

    static func pythonResults() throws -> [Verdict] {
        let script = """
            import json, sys
            M, m = 2**63 - 1, -2**63
            def flat(v): return [x for e in v for x in flat(e)] if isinstance(v, list) else [v]
            out = []
            for line in sys.stdin.read().splitlines():
                v = eval(line)
                out.append({"fits": all(m <= x <= M for x in flat(v)), "repr": repr(v)})
            print(json.dumps(out))
            """
        let output = try ExpressionPython.run(["-c", script], stdin: pairs.map(\.python).joined(separator: "\n"))
        return try JSONDecoder().decode([Verdict].self, from: Data(output.utf8))
    }

    @Test(.enabled(if: Tools.hasPython, "needs python3 (arbitrary-precision ints are the oracle)"))
    func overflowIsAnErrorWherePythonLeavesInt64() throws {
        let results = try Self.pythonResults()
        #expect(results.count == Self.pairs.count)
        for ((lesson, python), expected) in zip(Self.pairs, results) {
            let interpreter = Interpreter()
            #expect(runExpressionBlock("let M = 9223372036854775807\nlet m = -9223372036854775807 - 1", in: interpreter).isEmpty)
            do {
                var value = try evaluateExpression(lesson, in: interpreter)
                if case .tensor = value { value = try evaluateExpression("(\(lesson)).tolist()", in: interpreter) }
                #expect(expected.fits, "\(lesson) printed \(value.printed), but \(python) = \(expected.repr) does not fit in int64")
                if expected.fits { #expect(value.printed == expected.repr, "\(lesson) ⇔ \(python)") }
            } catch {
                #expect(!expected.fits, "\(lesson) failed (\(error.message)) but \(python) = \(expected.repr) fits")
                #expect(error.message.contains("overflow"), "\(lesson): \(error.message)")
            }
        }
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// NumPy scalars (LESSON-FORMAT.md §8) against live NumPy 2: element access and reductions give
/// `np.float64`/`np.int64`/`np.bool_` values whose `str`, `repr`, printing inside tuples and lists,
/// format specs and arithmetic with Python numbers (NEP 50 promotion) match what NumPy prints.
@Suite struct NumPyScalarTests {
    /// `(lesson expression, Python expression)`: the lesson value's printed text must equal
    /// Python's `str()` of the Python value (or the formatted text when a spec is given).
    static func pairs() -> [(lesson: String, python: String, spec: String?)] {
        var rng = SplitMix64(seed: 20261202)
        var doubles: [Double] = [0.1 + 0.2, 1e16, 9_999_999_999_999_998, 1e-4, 1e-5, 0.3, -0.0, 123456.789, 2.675, 5e-324, 1.7976931348623157e308]
        for _ in 0..<60 {
            let magnitude = Double.random(in: -30...30, using: &rng)
            doubles.append(Double.random(in: -1...1, using: &rng) * Foundation.pow(10, magnitude.rounded()))
        }
        var ints: [Int] = [0, 1, -7, 42, Int(Int32.max), -9_007_199_254_740_993]
        for _ in 0..<20 { ints.append(Int.random(in: -1_000_000...1_000_000, using: &rng)) }
        func lit(_ d: Double) -> String { PythonFloatTextLiteral(d) }
        var out: [(String, String, String?)] = []
        for d in doubles {
            let l = "[\(lit(d))][0]", p = "np.array([\(lit(d))])[0]"
            out.append((l, p, nil))
            out.append(("repr(\(l))", "repr(\(p))", nil))
            out.append(("(\(l), \(l) * 2)", "(\(p), \(p) * 2)", nil))
            out.append(("repr(\(l) + 1)", "repr(\(p) + 1)", nil))
            out.append(("repr(\(l) / 3)", "repr(\(p) / 3)", nil))
            out.append(("repr(\(l) - 0.5)", "repr(\(p) - 0.5)", nil))
            out.append(("repr(\(l) > 0.25)", "repr(\(p) > 0.25)", nil))
            out.append(("Double(\(l))", "float(\(p))", nil))
            out.append((l, p, ".3f"))
            out.append((l, p, ".4e"))
        }
        for i in ints {
            let l = "[\(i)][0]", p = "np.array([\(i)])[0]"
            out.append((l, p, nil))
            out.append(("[\(l), \(l) + 1].map { $0 }", "[\(p), \(p) + 1]", nil))
            out.append(("repr(\(l) + 2.5)", "repr(\(p) + 2.5)", nil))
            out.append(("repr(\(l) / 7)", "repr(\(p) / 7)", nil))
            out.append(("repr(\(l) % 7)", "repr(\(p) % 7)", nil))
            out.append(("repr(\(l) * 3)", "repr(\(p) * 3)", nil))
            out.append(("repr(-\(l))", "repr(-\(p))", nil))
            out.append(("(Int(\(l)), \(l))", "(int(\(p)), \(p))", nil))
            out.append((l, p, ",d"))
        }
        // Reductions, argmax and division by zero as NumPy does it.
        let m = "[[0.1, 0.7], [0.3, 0.2]]", pm = "np.array([[0.1, 0.7], [0.3, 0.2]])"
        let n = "[[1, 2], [3, 4]]", pn = "np.array([[1, 2], [3, 4]])"
        out += [
            ("(\(m).sum(), \(m).max(), \(m).min(), \(m).mean())", "(\(pm).sum(), \(pm).max(), \(pm).min(), \(pm).mean())", nil),
            ("(\(n).sum(), \(n).max(), \(n).argmax())", "(\(pn).sum(), \(pn).max(), \(pn).argmax())", nil),
            ("\(m).argmax2d()", "np.unravel_index(np.argmax(\(pm)), (2, 2))", nil),
            ("repr(\(m)[0, 0] / 0)", "repr(\(pm)[0, 0] / 0)", nil),
            ("repr(-\(m)[0, 0] / 0)", "repr(-\(pm)[0, 0] / 0)", nil),
            ("repr(\(n)[0, 0] % 0)", "repr(\(pn)[0, 0] % 0)", nil),
            ("repr([0.0][0] / 0)", "repr(np.array([0.0])[0] / 0)", nil),
            ("repr([true][0] + 1)", "repr(np.array([True])[0] + 1)", nil),
            ("repr([true][0] + true)", "repr(np.array([True])[0] + True)", nil),
            ("[[true][0], [false][0]].map { $0 }", "[np.array([True])[0], np.array([False])[0]]", nil),
            ("(\(m)[1, 0] == 0.3, \(n)[0, 0] < 2)", "(\(pm)[1, 0] == 0.3, \(pn)[0, 0] < 2)", nil),
            ("[1.5, 2.5].map { $0 * 2 }", "[x * 2 for x in np.array([1.5, 2.5])]", nil),
            ("round(\(m)[0, 1], 1)", "round(\(pm)[0, 1], 1)", nil),
            ("repr(round(\(m)[0, 1]))", "repr(round(\(pm)[0, 1]))", nil),
            ("repr(abs(-\(m)[0, 1]))", "repr(abs(-\(pm)[0, 1]))", nil),
        ]
        return out
    }

    @Test(.enabled(if: ExpressionPython.hasNumPy, "needs python3 with numpy"))
    func scalarsPrintAsNumPy2() throws {
        let pairs = Self.pairs()
        var script = "import numpy as np, sys, warnings\nwarnings.simplefilter('ignore')\nfor line in sys.stdin.read().split('\\n\\x1e\\n'):\n"
        script += "    expr, spec = line.split('\\x1f')\n    v = eval(expr)\n"
        script += "    print((format(v, spec) if spec else str(v)).replace('\\n', '\\\\n'))\n"
        let input = pairs.map { "\($0.python)\u{1F}\($0.spec ?? "")" }.joined(separator: "\n\u{1E}\n")
        let expected = try ExpressionPython.run(["-c", script], stdin: input).split(separator: "\n", omittingEmptySubsequences: false)
        var compared = 0
        for (index, pair) in pairs.enumerated() {
            let lesson = Interpreter()
            var actual: String
            do {
                let value = try evaluateExpression(pair.lesson, in: lesson)
                actual = try pair.spec.map { try value.formatted($0) } ?? value.printed
            } catch {
                actual = "error: \(error)"
            }
            actual = actual.replacingOccurrences(of: "\n", with: "\\n")
            #expect(actual == String(expected[index]), "\(pair.lesson)  ⇔  \(pair.python) \(pair.spec ?? "")")
            compared += 1
        }
        print("numpy scalars: compared \(compared) expressions against live NumPy")
        #expect(compared > 800)
    }

    /// The listing of issue 9: `print("winner:", (r, c))` with `np.unravel_index` prints NumPy scalars,
    /// and `{{ (r, c) }}` in the lesson prints the same.
    @Test func unravelIndexWinnerMatches() throws {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let m = [[0.1, 0.7], [0.3, 0.2]]\nlet (r, c) = m.argmax2d()", in: lesson) == [])
        #expect(try evaluateExpression("(r, c)", in: lesson).printed == "(np.int64(0), np.int64(1))")
        #expect(try evaluateExpression("r", in: lesson).printed == "0")
        #expect(try evaluateExpression("(Int(r), Int(c))", in: lesson).printed == "(0, 1)")
    }
}

/// A Double as a lesson literal that reads back to the same value (Python's repr, which the lexer reads).
func PythonFloatTextLiteral(_ d: Double) -> String {
    let text = Value.double(d).printed
    return text.hasPrefix("-") ? "(" + text + ")" : text
}

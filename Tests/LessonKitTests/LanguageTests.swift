import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Language v2 (LESSON-FORMAT.md §8) against live Python: each lesson program runs as one
/// `{eval}` block and the values it shows (`show`, evaluated as prose would) must print exactly
/// what the equivalent Python/NumPy 2 program prints, line for line.
@Suite struct LanguageTests {
    struct Case {
        var swift: String
        var show: [String]
        var python: String
    }

    static let cases: [Case] = [
        // var, assignment, compound assignment, while, break/continue
        Case(swift: """
        var total = 0
        var i = 0
        while true {
            i += 1
            if i % 2 == 0 { continue }
            if i > 9 { break }
            total += i
        }
        """, show: ["total", "i"], python: """
        total = 0
        i = 0
        while True:
            i += 1
            if i % 2 == 0: continue
            if i > 9: break
            total += i
        print(total); print(i)
        """),
        // for over ranges, lists, tuples and a tensor's first axis; enumerated
        Case(swift: """
        var squares = []
        for k in 0..<5 { squares.append(k * k) }
        var closed = 0
        for k in 2...4 { closed += k }
        var rows = []
        for row in [[1.5, 2.0], [3.0, 4.5]] { rows.append(row.sum()) }
        var pairs = []
        for (i, x) in [10, 20, 30].enumerated() { pairs.append((i, x)) }
        var fromTuple = 0
        for x in (1, 2, 3) { fromTuple += x }
        """, show: ["squares", "closed", "rows", "pairs", "fromTuple"], python: """
        import numpy as np
        squares = []
        for k in range(0, 5): squares.append(k * k)
        closed = 0
        for k in range(2, 5): closed += k
        rows = []
        for row in np.array([[1.5, 2.0], [3.0, 4.5]]): rows.append(row.sum())
        pairs = []
        for i, x in enumerate(np.array([10, 20, 30])): pairs.append((i, x))
        fromTuple = 0
        for x in (1, 2, 3): fromTuple += x
        print(squares); print(closed); print(rows); print(pairs); print(fromTuple)
        """),
        // if / else if / else, ternary
        Case(swift: """
        func sign(_ x: Double) -> String {
            if x > 0 { return "positive" } else if x < 0 { return "negative" } else { return "zero" }
        }
        let labels = [sign(2.0), sign(-1.5), sign(0.0)]
        let parity = (0..<6).map { $0 % 2 == 0 ? "even" : "odd" }
        """, show: ["labels", "parity"], python: """
        def sign(x):
            if x > 0: return "positive"
            elif x < 0: return "negative"
            else: return "zero"
        labels = [sign(2.0), sign(-1.5), sign(0.0)]
        parity = ["even" if k % 2 == 0 else "odd" for k in range(0, 6)]
        print(labels); print(parity)
        """),
        // functions with labels, defaults, recursion; closures; map/filter/reduce/sorted/min/max
        Case(swift: """
        func area(_ width: Int, by height: Int = 2) -> Int { return width * height }
        func factorial(_ n: Int) -> Int { return n <= 1 ? 1 : n * factorial(n - 1) }
        func fib(_ n: Int) -> Int {
            if n < 2 { return n }
            return fib(n - 1) + fib(n - 2)
        }
        let a = area(3)
        let b = area(3, by: 5)
        let f = factorial(20)
        let fibs = (0...10).map { fib($0) }
        let evens = (1...10).filter { $0 % 2 == 0 }
        let total = (1...4).reduce(0) { $0 + $1 }
        let product = [1, 2, 3, 4].reduce(1) { acc, x in acc * x }
        let order = [(2, "b"), (1, "z"), (2, "a")].sorted()
        let byLength = ["ccc", "a", "bb"].sorted { a, b in a.count < b.count }
        let smallest = [3.5, -1.0, 2.0].min()
        let largest = (0..<7).max()
        let scale = 3
        let scaled = [1, 2].map { x in
            let y = x * scale
            return y + 1
        }
        """, show: ["a", "b", "f", "fibs", "evens", "total", "product", "order", "byLength", "smallest", "largest", "scaled"],
        python: """
        import numpy as np
        from functools import reduce
        def area(width, height=2): return width * height
        def factorial(n): return 1 if n <= 1 else n * factorial(n - 1)
        def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(area(3)); print(area(3, 5)); print(factorial(20))
        print([fib(k) for k in range(0, 11)])
        print([k for k in range(1, 11) if k % 2 == 0])
        print(reduce(lambda s, x: s + x, range(1, 5), 0))
        print(reduce(lambda s, x: s * x, np.array([1, 2, 3, 4]), 1))
        print(sorted([(2, "b"), (1, "z"), (2, "a")]))
        print(sorted(["ccc", "a", "bb"], key=len))
        print(min(np.array([3.5, -1.0, 2.0])))
        print(max(range(0, 7)))
        print([x * 3 + 1 for x in np.array([1, 2])])
        """),
        // value semantics and element assignment with NumPy casting
        Case(swift: """
        var x = zeros((2, 3))
        var y = x
        y[0, 1] = 5.0
        y[1, ...] += 1.5
        var counts = zeros((3,), dtype: "int64")
        counts[2] = 2.9
        var xs = [[1, 2], [3, 4]]
        xs[1, 0] *= 10
        var names = ["a", "b"]
        var other = names
        other.append("c")
        """, show: ["x", "y", "counts", "xs", "names", "other"], python: """
        import numpy as np
        x = np.zeros((2, 3)); y = x.copy()
        y[0, 1] = 5.0; y[1, :] += 1.5
        counts = np.zeros((3,), dtype=np.int64); counts[2] = 2.9
        xs = np.array([[1, 2], [3, 4]]); xs[1, 0] *= 10
        names = ["a", "b"]; other = list(names); other.append("c")
        print(x); print(y); print(counts); print(xs); print(names); print(other)
        """),
        // NumPy scalars: reductions and element access
        Case(swift: """
        let m = [[0.1, 0.7], [0.3, 0.2]]
        let total = m.sum()
        let biggest = m.max()
        let average = m.mean()
        let corner = m[1, 0]
        let winner = m.argmax2d()
        let ints = [[1, 2], [3, 4]]
        let isBig = m[0, 1] > 0.5
        let mixed = ints[0, 1] + 2.5
        let half = ints[1, 1] / 2
        let sumInt = ints.sum() + 1
        let asPython = (Int(ints[0, 0]), Double(m[0, 0]))
        """, show: ["total", "repr(total)", "(total, biggest)", "[average, corner]", "winner", "repr(isBig)", "[isBig]",
                    "repr(mixed)", "repr(half)", "repr(sumInt)", "asPython", "repr(ints[1, 1])"], python: """
        import numpy as np
        m = np.array([[0.1, 0.7], [0.3, 0.2]])
        ints = np.array([[1, 2], [3, 4]])
        total = m.sum()
        print(total); print(repr(total)); print((total, m.max())); print(np.array([m.mean(), m[1, 0]]))
        print(np.unravel_index(np.argmax(m), m.shape))
        isBig = m[0, 1] > 0.5
        print(repr(isBig)); print(np.array([isBig]))
        print(repr(ints[0, 1] + 2.5)); print(repr(ints[1, 1] / 2)); print(repr(ints.sum() + 1))
        print((int(ints[0, 0]), float(m[0, 0]))); print(repr(ints[1, 1]))
        """),
        // attempt as syntax, shadowing
        Case(swift: """
        let zeros = 3
        let message = attempt(1 / 0)
        let fine = attempt(zeros + 1)
        """, show: ["message", "fine"], python: """
        try: 1 / 0
        except ZeroDivisionError as e: print("division by zero")
        print(3 + 1)
        """),
    ]

    @Test(.enabled(if: ExpressionPython.hasNumPy, "needs python3 with numpy"))
    func programsPrintWhatPythonPrints() throws {
        var script = "import sys\n"
        for (index, c) in Self.cases.enumerated() {
            script += "print('=== \(index)')\n"
            script += "exec(compile(\(pythonLiteral(c.python)), 'case\(index)', 'exec'), {})\n"
        }
        let output = try ExpressionPython.run(["-c", script])
        let sections = output.components(separatedBy: "=== ").dropFirst()
        #expect(sections.count == Self.cases.count)
        for (index, (c, section)) in zip(Self.cases, sections).enumerated() {
            let expected = section.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            let lesson = Interpreter()
            let errors = runExpressionBlock(c.swift, in: lesson)
            #expect(errors == [], "case \(index)")
            var actual = ""
            for expression in c.show {
                do {
                    actual += try evaluateExpression(expression, in: lesson).printed + "\n"
                } catch {
                    actual += "error: \(error)\n"
                }
            }
            #expect(actual == expected, "case \(index)")
        }
    }

    /// A whole lesson: prose above the block cites the final value of a `var` computed further down,
    /// a question's answer is a NumPy scalar, and a table shows a list built in a loop.
    @Test func lessonSeesFinalValuesOfVars() throws {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: "t.md", source: """
        The running total is {{ total }} after {{ steps }} steps; the peak sits at {{ grid.argmax2d() }}.

        ```{eval}
        var total = 0.0
        var steps = 0
        for x in [0.5, 1.25, 2.0] {
            total += x
            steps += 1
        }
        let grid = [[0.1, 0.9], [0.4, 0.2]]
        ```

        ```{question} numeric
        :answer: grid.max() * 2
        What is twice the peak?
        ```
        """, diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [])
        #expect(lesson?.inlineTexts == ["3.75", "3", "(np.int64(0), np.int64(1))"])
        guard case .numeric(let value, _, let display)? = lesson?.questions.first?.answer else {
            Issue.record("expected a numeric question")
            return
        }
        #expect(value == 1.8)
        #expect(display == "1.8")
    }
}

/// A Python string literal holding `text`.
func pythonLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        .replacingOccurrences(of: "\n", with: "\\n") + "'"
}

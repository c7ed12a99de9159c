import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Every misuse of the version-2 language is one located error whose message says what to write
/// instead. Each fixture is an `{eval}` block and the exact `LINE:COL: message` lines it reports
/// (cascades — uses of a name whose definition failed — are not reported).
@Suite struct LanguageErrorTests {
    static let fixtures: [(source: String, errors: [String])] = [
        // Undefined functions and names; suggestions never swap an operation for its opposite.
        ("let x = undefinedThing(3)", ["1:9: unknown function 'undefinedThing'"]),
        ("let x = argmin2d([1, 2])", ["1:9: unknown function 'argmin2d'"]),
        ("let x = maxpool2d(1, size: 2)", ["1:9: unknown function 'maxpool2d'; did you mean 'maxPool2d'?"]),
        ("let m = [1, 2].mn()", ["1:16: tensor has no member 'mn'; did you mean 'min'?"]),
        ("for i in range(5) { }", ["1:10: unknown function 'range'; write a Swift range: 'for i in 0..<n' (not range(n))"]),
        // One name-resolution rule: the lesson's own binding hides the built-in, also when called.
        ("let zeros = 3\nlet z = zeros((2, 2))",
         ["2:9: 'zeros' is an Int, not a function; the lesson's own 'zeros' hides the built-in zeros(_:dtype:); rename one of them"]),
        // Arity and labels.
        ("func f(_ a: Int, by b: Int) -> Int { return a * b }\nlet r = f(2, 3)", ["2:14: f(_:by:): argument 2 needs the label 'by:'"]),
        ("func f(_ a: Int, by b: Int) -> Int { return a * b }\nlet r = f(2)", ["2:9: f(_:by:) is missing argument 'by:'"]),
        ("func f(_ a: Int, by b: Int) -> Int { return a * b }\nlet r = f(2, by: 3, extra: 4)", ["2:21: f(_:by:) has no argument 'extra'"]),
        ("func f(_ x: Int) -> Int { return x }\nlet a = f(x: 3)", ["2:11: f(_:): argument 1 has no label; remove 'x:'"]),
        ("let f = { (a, b) in a * b }\nlet h = f(2, b: 3)", ["2:14: a closure takes unlabeled arguments; remove 'b:'"]),
        ("let c = { a, b in a + b }\nlet d = c(1)", ["2:9: closure(_:_:) is missing argument 2 (b)"]),
        ("let xs = (0..<3).map { i in i * 2 }\nlet bad = xs.reduce(0) { $0 + $1 + $2 }",
         ["2:24: the closure takes 3 arguments but is called with 2 here"]),
        // Assigning to a let, to something undeclared, a function as a var.
        ("let x = 3\nx = 4", ["2:1: cannot assign to 'x': it is a 'let' constant; declare it with 'var x = ...' to change it"]),
        ("let x = 3\nx += 1", ["2:1: cannot assign to 'x': it is a 'let' constant; declare it with 'var x = ...' to change it"]),
        ("let e = [1, 2]\ne[0] = 1", ["2:1: cannot assign to 'e': it is a 'let' constant; declare it with 'var e = ...' to change it"]),
        ("let c = { $0 }\nvar d = c", ["2:9: a function cannot be a 'var'; bind it with 'let' or declare it with 'func'"]),
        ("var x = 1\nvar x = 2", ["2:5: 'x' is already bound at line 1"]),
        ("func f(_ x: Int) -> Int {\n    x + 1\n}\nlet y = f(1)",
         ["2:5: this value is not used; write 'return' before it to return it, or bind it with 'let'"]),
        // return, break and continue out of place.
        ("return 5", ["1:1: 'return' is only allowed inside a func or closure; at the top level bind the value with 'let name = ...'"]),
        ("break", ["1:1: 'break' is only allowed inside a 'for' or 'while' loop"]),
        ("for i in 0..<2 {\n    let f = { continue }\n}", ["2:15: 'continue' is only allowed inside a 'for' or 'while' loop"]),
        // A closure where a value is needed.
        ("let f = { $0 * 2 }\nlet y = f + 1", ["2:11: operator '+' cannot be applied to a function; call it first, e.g. f(x)"]),
        ("let s = zeros({ 3 })", ["1:15: argument 1 of zeros(_:dtype:) must be a shape: an Int, or a tuple or list of Ints, got function"]),
        // for over a number, conditions that are not Bool.
        ("for i in 5 { }", ["1:10: cannot loop over Int 5; to repeat 5 times write 'for i in 0..<5'"]),
        ("if 3 { }", ["1:4: the condition of 'if' must be a Bool, got Int; compare it, e.g. x != 0"]),
        // Type annotations that do not match.
        ("let n: Int = 2.5", ["1:14: 'n' is declared Int but the value is Double; convert it with Int(...)"]),
        ("let q: Float = 2.0", ["1:8: unknown type 'Float'; the types are Int, Double, Bool, String, Tensor, Function, Any, [T] and (T, U); write 'Double'"]),
        ("func g(_ a: Int) -> Int { return a }\nlet v = g(\"no\")", ["2:11: argument 'a' of g(_:) must be Int, got String"]),
        ("func g(_ a: Double) -> Int { return a * 2.0 }\nlet v = g(1.5)", ["1:37: g(_:) must return Int, got Double; convert it with Int(...)"]),
        ("func h(_ x: Int) -> Int { let y = x }\nlet v = h(1)", ["1:37: h(_:) ends without 'return' but is declared to return Int"]),
        // Runaway recursion and infinite loops end as located errors.
        ("func r(_ n: Int) -> Int { return r(n + 1) }\nlet v = r(0)",
         ["1:34: recursion is too deep (limit 64 nested calls); check that the recursion reaches its base case"]),
        ("while true {}", ["1:1: the lesson runs too many loop iterations and calls (limit 100000); check that every loop ends and every recursion reaches its base case"]),
        ("var i = 0\nwhile true { i += 1 }\nlet after = i",
         ["2:1: the lesson runs too many loop iterations and calls (limit 100000); check that every loop ends and every recursion reaches its base case"]),
        // Python habits.
        ("def f(x):\n    return x", ["1:1: use 'func name(_ x: Double) -> Double { ... }' instead of Python's 'def'"]),
        ("let a = 1\nif a > 1 {\n} elif a < 0 {\n}", ["3:3: expected end of line (one statement per line), found 'elif'"]),
        ("elif x { }", ["1:1: write 'else if' instead of Python's 'elif'"]),
        ("if 1 > 0:\n    let y = 2", ["1:9: Swift puts a body in braces: write '{ ... }' instead of ':'"]),
        ("var x = 0\nx++", ["2:2: Swift has no '++'; write 'x += 1'"]),
        ("let t = True", ["1:9: unknown name 'True'; write 'true'"]),
        ("let p = 2 ** 3", ["1:11: '**' is not supported; write the product out (x * x)"]),
        ("let xs = [1, 2]\nxs.append(3)",
         ["2:4: a tensor has no append (an array literal of numbers is a tensor); start from a list: var xs: [Int] = [] or x.tolist()"]),
        // Deeply nested syntax is a limit, not a stack overflow.
        ("let zz = " + String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70), ["1:74: expression nests too deeply (limit 64)"]),
        (String(repeating: "if true {\n", count: 70) + String(repeating: "}\n", count: 70),
         ["65:9: expression nests too deeply (limit 64)"]),
    ]

    @Test func everyMisuseIsOneLocatedError() {
        for fixture in Self.fixtures {
            let errors = runExpressionBlock(fixture.source).filter { !$0.isCascade }
            #expect(errors.map { "\($0.location): \($0.message)" } == fixture.errors, "\(fixture.source)")
        }
    }

    @Test func suggestionsNeverNameTheOppositeOperation() {
        #expect(closestName(to: "argmin2d", among: ["argmax2d"]) == nil)
        #expect(closestName(to: "min", among: ["max"]) == nil)
        #expect(closestName(to: "ceil", among: ["floor", "ceils"]) == "ceils")
        #expect(closestName(to: "maxpool2d", among: ["maxPool2d"]) == "maxPool2d")
        #expect(closestName(to: "argmx", among: ["argmax", "argmin"]) == "argmax")
    }

    /// A function is a value that can be passed and called, but never shown in prose.
    @Test func functionsAreCalledNotShown() throws {
        let lesson = Interpreter()
        #expect(runExpressionBlock("let f = { $0 * 2 }\nfunc g(_ x: Int) -> Int { return x + 1 }\nlet h = relu", in: lesson) == [])
        #expect(expressionFailure("f", in: lesson)?.message == "a closure is a function, not a value to show; call it with its arguments")
        #expect(expressionFailure("(1, g)", in: lesson)?.message == "'g' is a function; call it with arguments: g(_:)")
        #expect(try evaluateExpression("f(g(4))", in: lesson) == .int(10))
        #expect(try evaluateExpression("h([-1.0, 2.0])", in: lesson).printed == "[0. 2.]")
        #expect(try evaluateExpression("[1, 2].map(g)", in: lesson).printed == "[np.int64(2), np.int64(3)]")
    }

    /// A top-level `var` changes only in the `{eval}` block that declares it; after that its value is
    /// final, and prose sees that final value.
    @Test func topLevelVarIsFinalAfterItsBlock() throws {
        let lesson = Interpreter()
        let first = "var count = 0\nfor i in 0..<4 { count += i }\nfunc bump() { count += 1 }\nbump()"
        #expect(runExpressionBlock(first, in: lesson) == [])
        let second = "count = 10\nlet viaFunction = attempt(bump())\nlet later = count * 2"
        let errors = runExpressionBlock(second, in: lesson, firstLine: 10)
        #expect(errors.map { "\($0.location): \($0.message)" } == [
            "10:1: 'count' is final here: a top-level 'var' can change only in the {eval} block that declares it (line 1); bind a new name with 'let'",
        ])
        #expect(try evaluateExpression("count", in: lesson) == .int(7))
        #expect(try evaluateExpression("later", in: lesson) == .int(14))
        #expect(try evaluateExpression("viaFunction", in: lesson) == .string(
            "'count' is final here: a top-level 'var' can change only in the {eval} block that declares it (line 1); bind a new name with 'let'"))
        // Prose cannot change it either.
        #expect(expressionFailure("attempt(bump())", in: lesson) == nil)
        #expect(try evaluateExpression("count", in: lesson) == .int(7))
    }

    /// A var changed by a statement that failed has no trustworthy final value: its uses are cascades.
    @Test func varChangedByAFailedStatementIsPoisoned() {
        let lesson = Interpreter()
        let errors = runExpressionBlock("var total = 0\nfor x in [1, 2, 0].tolist() { total += 6 / x }\nlet shown = total", in: lesson)
        #expect(errors.filter { !$0.isCascade }.map(\.message) == ["division by zero"])
        #expect(errors.filter(\.isCascade).count == 1)
    }

    /// Functions defined in one block and failing when called from another point into their own block.
    @Test func failuresInsideFunctionsPointIntoTheirDefinition() {
        let lesson = Interpreter()
        #expect(runExpressionBlock("func half(_ x: Int) -> Double {\n    return x / 0\n}", in: lesson, firstLine: 5) == [])
        let errors = runExpressionBlock("let h = half(3)", in: lesson, firstLine: 20)
        #expect(errors.map { "\($0.location): \($0.message)" } == ["6:14: division by zero"])
    }
}

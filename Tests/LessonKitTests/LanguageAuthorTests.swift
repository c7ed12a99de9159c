import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Section 8 of the contract tried as a new author would: `Fixtures/Language/tour.md` uses every
/// construct and built-in it lists, each beside a Python/NumPy listing that `verify` runs live,
/// so Python is the oracle for every value. The misuses are in `Fixtures/Diagnostics/language-misuse.md`
/// (checked by `DiagnosticsTests`); the gaps found on the way are pinned here.
@Suite struct LanguageAuthorTests {
    static let tour = Paths.fixture("Language/tour.md").path

    @Test(.enabled(if: Tools.hasNumPy, "needs python3 with NumPy"))
    func everyConstructPrintsWhatItsNumPyListingPrints() throws {
        let report = try ListingVerifier().verify(paths: [Self.tour])
        let lesson = try #require(report.lessons.first)
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        #expect(lesson.verdicts.count == 5)
        for verdict in lesson.verdicts {
            #expect(verdict.outcome == .passed, "listing at \(verdict.location): \(verdict.outcome)")
        }
        #expect(!report.failed)
    }

    /// The tour's table and formula: labels from a list, numbering from 0, `{{ }}` in text
    /// options and in `{math}`, the imported file not built as a page.
    @Test func tourBuildsItsTableAndFormula() throws {
        let source = try String(contentsOfFile: Self.tour, encoding: .utf8)
        let diagnostics = DiagnosticEngine()
        let lesson = try #require(LessonPipeline.evaluate(path: Self.tour, source: source, diagnostics: diagnostics),
                                  "\(diagnostics.sorted)")
        let html = PageRenderer.body(lesson)
        // Contract §2 and §8: list labels as written; `:index: 0` numbers the prefix labels from 0.
        #expect(html.contains("<th scope=\"row\">top</th>"))
        #expect(html.contains("<th scope=\"col\">Pixel 0</th>") && html.contains("<th scope=\"col\">Pixel 3</th>"))
        // 4 rows, and the sum as `format(np.array(patch).sum(), ".2f")` prints it in Python: 7.70.
        #expect(html.contains("4 rows") && html.contains("The patch sums to 7.70"))
        // 2^7 = 128: the first power of two above 100, set as numbers.
        #expect(html.contains("<mn>7</mn>") && html.contains("<mn>128</mn>"))
        #expect(!html.contains("{{"))
    }

    /// Python's conditional expression gets the Swift spelling of the author's own text.
    @Test func pythonConditionalSaysTheSwiftSpelling() {
        let errors = runExpressionBlock("let k = 3\nlet p = 1 if k > 2 else 0\nlet q = [1, 2].map { $0 if true else 0 }")
        #expect(errors.map { "\($0.location): \($0.message)" } == [
            "2:11: Swift writes a conditional value as 'condition ? a : b': write 'k > 2 ? 1 : 0' instead of Python's 'a if condition else b'",
            "3:25: Swift writes a conditional value as 'condition ? a : b': write 'true ? $0 : 0' instead of Python's 'a if condition else b'",
        ])
        #expect(expressionFailure("1 if true")?.message
                == "Swift writes a conditional value as 'condition ? a : b', not Python's 'a if condition else b'")
    }

    /// Swift habits outside the lesson language: one located error each that says what to write.
    @Test(arguments: [
        ("let n = 3\nlet s = \"n = \\(n)\"", "2:14: the lesson language has no string interpolation '\\(...)'; join strings with '+': \"n = \" + str(n)"),
        ("func f(_ x: Int) -> Int {\n    guard x > 0 else { return 0 }\n    return x\n}",
         "2:5: the lesson language has no 'guard'; write 'if !(condition) { return ... }'"),
        ("let n = 3\nswitch n {\ncase 1: let a = 1\n}",
         "2:1: the lesson language has no 'switch'; write 'if x == a { ... } else if x == b { ... } else { ... }'"),
        ("var i = 0\nrepeat { i += 1 } while i < 3", "2:1: the lesson language has no 'repeat { } while'; write 'while condition { ... }'"),
        ("struct P { let x: Int }", "1:1: a lesson cannot declare types; group values in a tuple with labels, e.g. (row: 1, col: 2)"),
        ("for i in stride(from: 0, to: 10, by: 2) { }",
         "1:10: unknown function 'stride'; write arange(start, stop, step: s) for the values, or loop over a range: 'for i in 0..<n'"),
        ("let xs = Array(repeating: 0, count: 3)", "1:10: unknown function 'Array'; write an array literal such as [0, 0, 0], or zeros(n)"),
        ("let s = String(3)", "1:9: unknown function 'String'; write str(x) (values print as Python prints them)"),
        ("let n = 3\nlet m = n ?? 0", "2:11: lesson values are never nil, so Swift's '??' is not needed; write the value itself"),
        ("let xs = [1, 2, 3]\nlet c = xs.count", "2:12: tensor has no member 'count'; write x.size (all its elements) or x.shape.0 (its rows)"),
    ])
    func swiftHabitsOutsideTheLanguageSayWhatToWrite(_ source: String, _ error: String) {
        let errors = runExpressionBlock(source).filter { !$0.isCascade }
        #expect(errors.map { "\($0.location): \($0.message)" } == [error], "\(source)")
    }

    /// Swift's `;` separates statements on one line; inside brackets it is still an error.
    @Test func semicolonSeparatesStatements() throws {
        let lesson = Interpreter()
        #expect(runExpressionBlock("var a = 1; var b = 2\nif a < b { a = 5; b = 6 };", in: lesson) == [])
        #expect(try evaluateExpression("(a, b)", in: lesson) == .tuple([.int(5), .int(6)]))
        #expect(runExpressionBlock("let m = [1; 2]").map(\.message) == ["unexpected character ';'"])
    }

    /// Swift's two-argument `max`/`min` (values against Python in `oracle-pairs.txt`); misuses say
    /// what to write.
    @Test func twoArgumentMaxAndMinSayWhatToWriteInstead() throws {
        #expect(expressionFailure("max([1, 2])")?.message
                == "max(_:_:) compares two or more values; for the largest element of one tensor write x.max()")
        #expect(expressionFailure("min((0..<3))")?.message
                == "min(_:_:) compares two or more values; for the smallest element of one range write x.min()")
        #expect(expressionFailure("max([1.0], [2.0])")?.message
                == "max(a, b) compares numbers; for the elementwise maximum of tensors write maximum(a, b)")
        #expect(expressionFailure("min(3)")?.message == "min(_:_:) compares two or more values: min(a, b)")
        // The lesson's own binding still hides the built-in.
        let lesson = Interpreter()
        #expect(runExpressionBlock("func max(_ a: Int, _ b: Int) -> Int { return a }", in: lesson) == [])
        #expect(try evaluateExpression("max(1, 9)", in: lesson) == .int(1))
    }

    /// Labels read back their element, by Swift's rules; printing and equality ignore them (Python's
    /// tuples have none; printed values are checked against Python in `oracle-pairs.txt`).
    @Test func labeledTuples() throws {
        let lesson = Interpreter()
        let block = """
            func corner() -> (row: Int, col: Int) { return (row: 2, col: 3) }
            let c = corner()
            let (r, k) = c
            var moved = c
            moved = (row: moved.row + 1, col: moved.col)
            """
        #expect(runExpressionBlock(block, in: lesson) == [])
        #expect(try evaluateExpression("(c.row, c.col, c.0, r, k, moved.row)", in: lesson)
                == .tuple([.int(2), .int(3), .int(2), .int(2), .int(3), .int(3)]))
        #expect(expressionFailure("c.rows", in: lesson)?.message == "tuple has no member 'rows'; did you mean 'row'?")
        #expect(expressionFailure("(a: 1, a: 2)")?.message == "the tuple has two elements labelled 'a'")
        // A heatmap mark takes a labelled (row, col) as it takes a plain one.
        #expect(runExpressionBlock("let f = heatmap(zeros((3, 4))).mark([c, (row: 0, col: 1)])", in: lesson) == [])
    }

    /// The lexical rule that tells a comment from Python's floor division (Lexer's documentation).
    @Test(arguments: [
        ("2", true), ("(k - 1)", true), ("stride + 1", true), ("2 + 2", true), ("(2) + 1", true), ("3.5", true),
        ("stride", false), ("the output width", false), ("3 windows", false), ("(see line 3)", false),
        ("e.g. 5", false), ("width in pixels", false), ("\"quoted\"", false), ("", false), ("2 // 3", true),
        ("x × y", false), ("(unbalanced", false), ("a) + (b", false),
    ])
    func floorDivisionRuleIsLexical(_ comment: String, _ isFloorDivision: Bool) {
        let bytes = Array(" \(comment)".utf8)
        #expect(Lexer.readsAsFloorDivision(bytes[...]) == isFloorDivision, "// \(comment)")
    }

    /// A mistake in a function body reached by several calls is reported once.
    @Test func aRepeatedMistakeIsReportedOnce() throws {
        let source = "```{eval}\nfunc f(_ x: Int) -> Int { return x + nope }\nlet a = f(1)\nlet b = f(2)\n```\n\n{{ f(3) }}\n"
        let diagnostics = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: "once.md", source: source, diagnostics: diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == ["once.md:2:38: error: unknown name 'nope'"])
    }

    /// `did you mean` never offers the opposite: `:cols:` is not `:rows:`, `inner` is not `outer`.
    @Test func suggestionsNeverSwapOpposites() {
        #expect(closestName(to: "cols", among: ["title", "rows", "columns", "format", "caption", "index", "name"]) == nil)
        #expect(closestName(to: "inner", among: ["outer"]) == nil)
        #expect(closestName(to: "minPool2d", among: ["maxPool2d", "avgPool2d"]) == nil)
        #expect(closestName(to: "gradInputs", among: ["gradOutput"]) == nil)
        #expect(closestName(to: "colums", among: ["rows", "columns"]) == "columns")
    }
}

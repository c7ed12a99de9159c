import CNNKernels
import Testing
import TestSupport
@testable import LessonKit

/// QuestionBuilder's validation with a fake evaluator and Markdown parser (the real ones are tested
/// by their owners); every error is checked for its message and exact location.
@Suite struct QuizBuilderTests {
    static let fence = SourceLocation(line: 5, column: 1)

    static func option(_ key: String, _ value: String, line: Int) -> DirectiveOption {
        DirectiveOption(key: key, value: value, valueLocation: SourceLocation(line: line, column: key.utf8.count + 4))
    }

    static func directive(_ kind: String, _ options: [DirectiveOption], body: String = "How wide?\n") -> Directive {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).count
        return Directive(name: "question", argument: kind, argumentLocation: SourceLocation(line: 5, column: 15),
                         options: options, body: body,
                         bodyLineStarts: (0..<lines).map { SourceLocation(line: 6 + options.count + $0, column: 1) },
                         location: fence)
    }

    /// Values by expression text; anything else fails with "unknown name" at the expression's start.
    /// A fake fragment parser: `N. text` lines at the end become options when splitting; `[[e]]`
    /// in the text is an inline expression hole for expression `e`.
    static func context(_ values: [String: Value]) -> QuestionContext {
        QuestionContext(
            evaluate: { (source, locate) throws(EvaluationError) in
                let key = source.trimmingCharacters(in: .whitespaces)
                guard let value = values[key] else { throw EvaluationError("unknown name `\(key)`", at: locate(0)) }
                return value
            },
            display: { value in
                switch value {
                case let .int(n): return String(n)
                case let .double(d): return String(d)
                case let .string(s): return s
                default: return "?"
                }
            },
            format: { (_, spec) throws(KernelError) in throw KernelError("bad format spec `\(spec)`") },
            parseFragment: { text, lineStarts, _, split, _ in
                var lines = text.split(separator: "\n").map(String.init)
                var items: [[TemplatePiece]] = []
                if split {
                    while let last = lines.last, let dot = last.firstIndex(of: "."), Int(last[..<dot]) != nil {
                        items.insert([.html(String(last[last.index(dot, offsetBy: 2)...]))], at: 0)
                        lines.removeLast()
                    }
                }
                var pieces: [TemplatePiece] = [.html("<p>")]
                var expressions: [InlineExpression] = []
                var rest = Substring(lines.joined(separator: "\n"))
                while let open = rest.range(of: "[["), let close = rest.range(of: "]]", range: open.upperBound..<rest.endIndex) {
                    pieces.append(.html(String(rest[..<open.lowerBound])))
                    pieces.append(.expression(expressions.count))
                    expressions.append(InlineExpression(expression: String(rest[open.upperBound..<close.lowerBound]),
                                                        expressionLocation: lineStarts[0].advanced(by: 2), spec: nil, specLocation: nil))
                    rest = rest[close.upperBound...]
                }
                pieces.append(.html(String(rest) + "</p>\n"))
                return MarkdownFragment(pieces: pieces, listItems: items, expressions: expressions)
            }
        )
    }

    static func build(_ d: Directive, _ values: [String: Value] = [:], number: Int = 1) -> (Question?, [String]) {
        let diagnostics = DiagnosticEngine()
        let q = QuestionBuilder.build(d, number: number, path: "l.md", diagnostics: diagnostics, context: context(values))
        return (q, diagnostics.sorted.map(\.description))
    }

    @Test func numericIntAnswerHasZeroTolerance() throws {
        let (q, errors) = Self.build(Self.directive("numeric", [Self.option("answer", "out", line: 6)]), ["out": .int(112)], number: 3)
        #expect(errors.isEmpty)
        let question = try #require(q)
        #expect(question.id == "q3")
        #expect(question.answer == .numeric(value: 112, tolerance: 0, display: "112"))
        #expect(question.promptHTML == "<p>How wide?</p>\n")
        #expect(question.location == Self.fence)
    }

    @Test func numericDoubleAnswerHasTinyToleranceAndExplicitOneWins() throws {
        let (q1, _) = Self.build(Self.directive("numeric", [Self.option("answer", "m", line: 6)]), ["m": .double(0.874)])
        #expect(q1?.answer == .numeric(value: 0.874, tolerance: 1e-9, display: "0.874"))
        let (q2, _) = Self.build(Self.directive("numeric", [Self.option("answer", "m", line: 6), Self.option("tolerance", "t", line: 7)]),
                                 ["m": .double(0.874), "t": .double(0.001)])
        #expect(q2?.answer == .numeric(value: 0.874, tolerance: 0.001, display: "0.874"))
        let scalar = Value.tensor(Tensor(shape: [], ints: [7]))
        let (q3, _) = Self.build(Self.directive("numeric", [Self.option("answer", "s", line: 6)]), ["s": scalar])
        #expect(q3?.answer == .numeric(value: 7, tolerance: 0, display: "?"))
    }

    @Test(arguments: [
        (Value.bool(true), "l.md:6:10: error: numeric answer must be a number, got Bool true"),
        (Value.string("112"), "l.md:6:10: error: numeric answer must be a number, got string \"112\""),
        (Value.list([.int(1)]), "l.md:6:10: error: numeric answer must be a number, got list"),
        (Value.double(.nan), "l.md:6:10: error: numeric answer must be finite, got nan"),
    ])
    func numericAnswerMustBeANumber(value: Value, message: String) {
        let (q, errors) = Self.build(Self.directive("numeric", [Self.option("answer", "x", line: 6)]), ["x": value])
        #expect(q == nil)
        #expect(errors == [message])
    }

    @Test func negativeToleranceIsLocatedAtTheTolerance() {
        let (q, errors) = Self.build(Self.directive("numeric", [Self.option("answer", "a", line: 6), Self.option("tolerance", "t", line: 7)]),
                                     ["a": .int(1), "t": .double(-0.5)])
        #expect(q == nil)
        #expect(errors == ["l.md:7:13: error: `:tolerance:` cannot be negative, got -0.5; it is an absolute distance from the answer"])
    }

    @Test func failingAnswerExpressionIsLocatedInsideTheOption() {
        let (q, errors) = Self.build(Self.directive("numeric", [Self.option("answer", "nope", line: 6)]))
        #expect(q == nil)
        #expect(errors == ["l.md:6:10: error: unknown name `nope`"])
    }

    @Test func missingAnswer() {
        let (_, errors) = Self.build(Self.directive("text", []))
        #expect(errors == ["l.md:5:1: error: a question needs an `:answer:` line with an expression for the right answer"])
    }

    @Test func choiceAnswerAndOptions() throws {
        let body = "Which one?\n1. flipped\n2. unflipped\n3. max\n"
        let (q, errors) = Self.build(Self.directive("choice", [Self.option("answer", "2", line: 6)], body: body), ["2": .int(2)])
        #expect(errors.isEmpty)
        #expect(q?.optionsHTML == ["flipped", "unflipped", "max"])
        #expect(q?.answer == .choice(2))
        let (_, out) = Self.build(Self.directive("choice", [Self.option("answer", "4", line: 6)], body: body), ["4": .int(4)])
        #expect(out == ["l.md:6:10: error: choice answer 4 is out of range: the question has 3 options, numbered 1 to 3"])
        let (_, zero) = Self.build(Self.directive("choice", [Self.option("answer", "0", line: 6)], body: body), ["0": .int(0)])
        #expect(zero == ["l.md:6:10: error: choice answer 0 is out of range: the question has 3 options, numbered 1 to 3"])
        let (_, notInt) = Self.build(Self.directive("choice", [Self.option("answer", "x", line: 6)], body: body), ["x": .double(2)])
        #expect(notInt == ["l.md:6:10: error: a choice answer must be the number of the right option (an Int), got Double 2.0"])
    }

    @Test func choiceNeedsTwoOptions() {
        let (q, errors) = Self.build(Self.directive("choice", [Self.option("answer", "1", line: 6)], body: "Which?\n1. only\n"), ["1": .int(1)])
        #expect(q == nil)
        #expect(errors == ["l.md:5:1: error: a choice question needs at least two options (a numbered list at the end of its text); found 1"])
    }

    @Test func textAnswerMustBeAString() {
        let (q, errors) = Self.build(Self.directive("text", [Self.option("answer", "n", line: 6)]), ["n": .int(3)])
        #expect(q == nil)
        #expect(errors == ["l.md:6:10: error: a text answer must be a string, got Int 3"])
        let (ok, _) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6)]), ["s": .string("stride")])
        #expect(ok?.answer == .text("stride"))
    }

    @Test func unknownKindAndOptions() {
        let (_, kind) = Self.build(Self.directive("essay", [Self.option("answer", "a", line: 6)]))
        #expect(kind == ["l.md:5:15: error: unknown question kind `essay`; use numeric, choice, text or matrix"])
        let (_, options) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6), Self.option("points", "2", line: 7),
                                                             Self.option("tolerance", "1", line: 8)]), ["s": .string("x")])
        #expect(options == ["l.md:7:10: error: unknown option `:points:` for a text question; known options: :answer:, :given:, :name:, :require:, :variants:",
                            "l.md:8:13: error: `:tolerance:` applies only to numeric and matrix questions"])
    }

    @Test func namesMustBeIdentifiers() {
        let (q, _) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6), Self.option("name", "pool-size_2", line: 7)]),
                                ["s": .string("x")])
        #expect(q?.id == "pool-size_2")
        let (_, errors) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6), Self.option("name", "2 bad", line: 7)]),
                                     ["s": .string("x")])
        #expect(errors == ["l.md:7:8: error: `:name:` must start with a letter and use only letters, digits, `_` and `-`; got `2 bad`"])
    }

    @Test func inlineExpressionsAreSubstitutedEscaped() {
        let (q, errors) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6)], body: "Is [[t]] a tag?\n"),
                                     ["s": .string("x"), "t": .string("<b> & \"c\"")])
        #expect(errors.isEmpty)
        #expect(q?.promptHTML == "<p>Is &lt;b&gt; &amp; &quot;c&quot; a tag?</p>\n")
        let (_, failing) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6)], body: "Is [[zz]] ok?\n"),
                                      ["s": .string("x")])
        #expect(failing == ["l.md:7:3: error: unknown name `zz`"])
    }

    @Test func emptyBodyIsAnError() {
        let (_, errors) = Self.build(Self.directive("text", [Self.option("answer", "s", line: 6)], body: "  \n"), ["s": .string("x")])
        #expect(errors == ["l.md:5:1: error: a question needs text: write the question below its options"])
    }

    @Test func duplicateNamesAndEmptyPanel() {
        let a = Question(id: "q1", kind: .text, promptHTML: "", optionsHTML: [], answer: .text("a"), location: SourceLocation(line: 3, column: 1))
        var b = a
        b.location = SourceLocation(line: 9, column: 1)
        b.idLocation = b.location
        let diagnostics = DiagnosticEngine()
        QuestionBuilder.validate(questions: [a, b], panel: nil, path: "l.md", diagnostics: diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "l.md:9:1: error: question id `q1` is already used by the question on line 3 (ids are `:name:` or q1, q2, … in lesson order); give this question another `:name:`",
        ])
        let empty = DiagnosticEngine()
        QuestionBuilder.validate(questions: [], panel: QuizFixtures.panel, path: "l.md", diagnostics: empty)
        #expect(empty.sorted.map(\.description) == [
            "l.md:70:1: error: the `{quiz}` panel has no questions to score; add `{question}` blocks or remove the panel",
        ])
    }
}

@Suite struct QuizPanelTests {
    static func panel(_ options: [DirectiveOption], argument: String = "", body: String = "") -> (QuizPanel?, [String]) {
        let d = Directive(name: "quiz", argument: argument, argumentLocation: SourceLocation(line: 2, column: 8), options: options,
                          body: body, bodyLineStarts: [SourceLocation(line: 3, column: 1)], location: SourceLocation(line: 2, column: 1))
        let diagnostics = DiagnosticEngine()
        let p = QuestionBuilder.panel(d, path: "l.md", diagnostics: diagnostics)
        return (p, diagnostics.sorted.map(\.description))
    }

    @Test(arguments: [("75%", 0.75, "75%"), ("0.75", 0.75, "75%"), ("62.5 %", 0.625, "62.5%"), ("0%", 0.0, "0%"),
                      ("80%", 0.8, "80%"), ("0.6", 0.6, "60%"), ("1", 1.0, "100%")])
    func passMarks(text: String, mark: Double, shown: String) throws {
        let (p, _) = Self.panel([QuizBuilderTests.option("pass", text, line: 3)])
        let panel = try #require(p)
        #expect(panel.passMark == mark)
        #expect(panel.passText == shown)
    }

    @Test func defaultIs75Percent() {
        let (p, errors) = Self.panel([])
        #expect(errors.isEmpty)
        #expect(p == QuizPanel(passMark: 0.75, passText: "75%", location: SourceLocation(line: 2, column: 1)))
    }

    @Test(arguments: [
        ("150%", "l.md:3:8: error: a pass mark must be between 0% and 100%, got 150%"),
        ("75", "l.md:3:8: error: `75` is more than 1; write the pass mark as a percentage (`:pass: 75%`) or a fraction (`:pass: 0.75`)"),
        ("-5%", "l.md:3:8: error: `-5%` is not a pass mark; write the pass mark as a percentage (`:pass: 75%`) or a fraction (`:pass: 0.75`)"),
        ("most", "l.md:3:8: error: `most` is not a pass mark; write the pass mark as a percentage (`:pass: 75%`) or a fraction (`:pass: 0.75`)"),
        ("", "l.md:3:8: error: `` is not a pass mark; write the pass mark as a percentage (`:pass: 75%`) or a fraction (`:pass: 0.75`)"),
    ])
    func badPassMarks(text: String, message: String) {
        let (p, errors) = Self.panel([QuizBuilderTests.option("pass", text, line: 3)])
        #expect(p == nil)
        #expect(errors == [message])
    }

    @Test func hundredPercentWarns() {
        let (p, errors) = Self.panel([QuizBuilderTests.option("pass", "100%", line: 3)])
        #expect(p?.passMark == 1)
        #expect(errors == ["l.md:3:8: warning: a pass mark of 100% cannot be reached: passing needs a score strictly above it"])
    }

    @Test func unknownOptionsArgumentAndBody() {
        let (_, errors) = Self.panel([QuizBuilderTests.option("title", "Quiz", line: 3)], argument: "final", body: "hello\n")
        #expect(errors == [
            "l.md:2:8: error: `{quiz}` takes no argument; set the pass mark with `:pass: 75%`",
            "l.md:3:1: error: `{quiz}` has no body: the panel's text is generated; only `:pass:` can be set",
            "l.md:3:9: error: unknown option `:title:` for `{quiz}`; known options: :pass:",
        ])
    }
}

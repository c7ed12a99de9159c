import CNNKernels
import PythonPrinting

/// What a directive can ask of the lesson being evaluated: its scope, its diagnostics, the
/// text of `{{ }}` holes, and the quiz being collected. One per lesson evaluation.
///
/// Every method reports its own problems (located) and returns nil after reporting; uses of a
/// name whose definition failed are not reported again.
public final class DirectiveContext {
    public let path: String
    public let interpreter: Interpreter
    public let diagnostics: DiagnosticEngine
    /// The `{question}` directives seen so far (default ids count every one, built or not).
    public private(set) var questionCount = 0
    public private(set) var questions: [Question] = []
    public private(set) var quiz: QuizPanel?
    /// Named, numbered things in lesson order, for cross-references.
    public private(set) var anchors: [Anchor] = []
    private var counters: [String: Int] = [:]
    /// Bytes of SVG, HTML and PNG the lesson's figures may still add (all figures share one budget).
    public var figureBytesLeft: Int
    /// Bytes of computed text the page may still take (`limits: output:`).
    public private(set) var outputBytesLeft: Int
    /// Whether the output limit has been reported (once per lesson; later holes are cascades).
    private var outputReported = false

    public init(path: String, interpreter: Interpreter, diagnostics: DiagnosticEngine) {
        self.path = path
        self.interpreter = interpreter
        self.diagnostics = diagnostics
        figureBytesLeft = interpreter.limits.maxFigureBytes
        outputBytesLeft = interpreter.limits.maxOutputBytes
    }

    // MARK: Output budget

    /// Takes `bytes` of computed page text from the output budget; false, after reporting at
    /// `location` (the first time only), when the page would exceed `limits: output:`.
    public func chargeOutput(_ bytes: Int, at location: SourceLocation) -> Bool {
        guard bytes > outputBytesLeft else {
            outputBytesLeft -= bytes
            return true
        }
        outputBytesLeft = -1
        if !outputReported {
            outputReported = true
            let limit = interpreter.limits.maxOutputBytes
            error(at: location, "the page's computed text is too large (limit \(limit) bytes); "
                  + LessonLimit.output.howToRaise(above: limit))
        }
        return false
    }

    /// Checks, before formatting, that `count` values formatted with `spec` can fit in the output
    /// budget: a spec's width and fixed precision (`.100000f`) are a length every value reaches.
    public func canFormat(_ count: Int, with spec: String, at location: SourceLocation) -> Bool {
        let perValue = formatSpecMinimumLength(spec)
        let (total, overflow) = count.multipliedReportingOverflow(by: perValue)
        guard overflow || total > outputBytesLeft else { return true }
        let limit = interpreter.limits.maxOutputBytes
        error(at: location, "formatting \(count) value\(count == 1 ? "" : "s") with '\(spec)' writes at least "
              + "\(overflow ? "\(Int.max)" : "\(total)") bytes, more than the page's computed text may take "
              + "(limit \(limit) bytes); use a smaller width or precision, or raise the limit in the front matter: "
              + LessonLimit.output.frontMatterExample(above: limit))
        outputReported = true
        outputBytesLeft = -1
        return false
    }

    public func error(at location: SourceLocation, _ message: String) {
        diagnostics.error(path: path, at: location, message)
    }

    public func report(_ error: some DiagnosticConvertible) {
        diagnostics.report(error, path: path)
    }

    // MARK: Values

    /// The value of an expression parsed up front.
    public func evaluate(_ expression: ParsedExpression) -> Value? {
        do throws(EvaluationError) {
            return try interpreter.evaluate(expression)
        } catch {
            report(error)
            return nil
        }
    }

    /// The value of expression text at `location` (an inline `{{ }}`).
    public func evaluate(_ source: String, at location: SourceLocation) -> Value? {
        do throws(EvaluationError) {
            return try interpreter.evaluate(source, locate: { location.advanced(by: $0) })
        } catch {
            report(error)
            return nil
        }
    }

    /// The text of `{{ EXPR : SPEC }}`: `print(EXPR)` or `format(EXPR, SPEC)`.
    /// Every hole's text is charged to the output budget, the spec's size checked before formatting.
    public func text(of expression: InlineExpression) -> String? {
        let start = expression.expressionLocation
        guard outputBytesLeft >= 0, let value = evaluate(expression.expression, at: start) else { return nil }
        let text: String
        if let spec = expression.spec {
            guard canFormat(max(value.tensorElements, 1), with: spec, at: expression.specLocation ?? start) else { return nil }
            do throws(KernelError) {
                text = try value.formatted(spec)
            } catch {
                self.error(at: expression.specLocation ?? start, error.message)
                return nil
            }
        } else {
            text = value.printed
        }
        return chargeOutput(text.utf8.count, at: start) ? text : nil
    }

    /// A template with its holes filled (every hole is evaluated, so every problem is reported).
    public func fill(_ template: TextTemplate) -> String? {
        fillTracingLines(template, lineStarts: [])?.text
    }

    /// The filled template and, for each of its lines, where that line comes from in the lesson:
    /// a literal line maps to `lineStarts[i]`, every line an interpolated value adds to the line
    /// of its `{{`. `verify` uses this to point a traceback at the lesson.
    public func fillTracingLines(_ template: TextTemplate, lineStarts: [SourceLocation])
        -> (text: String, lines: [SourceLocation])? {
        var sourceLine = 0
        func start(_ line: Int) -> SourceLocation {
            lineStarts.isEmpty ? template.location : lineStarts[min(line, lineStarts.count - 1)]
        }
        var lines = [start(0)]
        var result = ""
        var failed = false
        for piece in template.pieces {
            switch piece {
            case .text(let text):
                result += text
                for byte in text.utf8 where byte == UInt8(ascii: "\n") {
                    sourceLine += 1
                    lines.append(start(sourceLine))
                }
            case .expression(let expression):
                guard let value = text(of: expression) else {
                    failed = true
                    continue
                }
                result += value
                let here = SourceLocation(line: expression.expressionLocation.line, column: start(sourceLine).column)
                lines += repeatElement(here, count: value.utf8.count { $0 == UInt8(ascii: "\n") })
                sourceLine += expression.expression.utf8.count { $0 == UInt8(ascii: "\n") }
                    + (expression.spec?.utf8.count { $0 == UInt8(ascii: "\n") } ?? 0)
            }
        }
        return failed ? nil : (result, lines)
    }

    // MARK: Numbering and cross-references

    /// The next number of a kind of numbered thing ("Figure", "Table", "Equation"), from 1.
    public func nextNumber(_ kind: String) -> Int {
        counters[kind, default: 0] += 1
        return counters[kind, default: 0]
    }

    /// Records a named thing; a name used twice in one lesson is an error at the second.
    public func addAnchor(_ anchor: Anchor) {
        if let other = anchors.first(where: { $0.name == anchor.name }) {
            error(at: anchor.location, "the name '\(anchor.name)' is already used by \(other.label) on line \(other.location.line)")
            return
        }
        anchors.append(anchor)
    }

    // MARK: Quiz

    /// The 1-based number of the next `{question}` (its default id is `q` + this number).
    public func nextQuestionNumber() -> Int {
        questionCount += 1
        return questionCount
    }

    /// Adds a built question; returns its index in `questions`.
    public func add(_ question: Question) -> Int {
        questions.append(question)
        return questions.count - 1
    }

    /// Sets the lesson's one `{quiz}` panel; false (after reporting) when there is one already.
    public func setQuiz(_ panel: QuizPanel) -> Bool {
        guard quiz == nil else {
            error(at: panel.location, "a lesson has at most one {quiz} panel")
            return false
        }
        quiz = panel
        return true
    }
}

import CNNKernels

/// The lesson's one scope, filled by `{eval}` blocks top to bottom, and the evaluator of
/// every expression in the lesson (tables, inline `{{ }}`, quiz answers).
///
///     let lesson = Interpreter()
///     let errors = lesson.run(block: "let x = [1.5, 2.5]\nlet total = x.sum()", locate: locate)
///     try lesson.evaluate("total", locate: locate).printed   // "4.0"
///
/// A failing `let` is reported once and its name is poisoned: any later use of that name fails
/// with an `EvaluationError` whose `isCascade` is true, which the build does not report again.
public final class Interpreter {
    enum Binding {
        case value(Value)
        /// The `let` failed; uses of the name are cascades.
        case poisoned
    }

    struct Entry {
        var binding: Binding
        /// The lesson line of the `let`, for "already bound at line N".
        var line: Int
    }

    private var scope: [String: Entry] = [:]
    private var order: [String] = []
    public var limits: EvaluationLimits
    /// The folder `loadImage` paths are relative to (the lesson file's folder); "" is the working directory.
    public var resourceDirectory = ""
    private var statementCount = 0
    private var steps = 0
    private var work = 0
    private var boundElements = 0
    /// Set once a step or work limit has been reported: later hits are cascades of that one.
    private var limitReported = false

    public convenience init() {
        self.init(limits: .standard)
    }

    public init(limits: EvaluationLimits) {
        self.limits = limits
    }

    /// The names bound so far, in binding order (for diagnostics like "did you mean").
    public var boundNames: [String] { order }

    /// The value bound to `name`, nil when unbound or poisoned.
    public func value(of name: String) -> Value? {
        guard case .value(let v)? = scope[name]?.binding else { return nil }
        return v
    }

    /// Runs the statements of one `{eval}` block (`let`, `assert`, `//` comments). Every failing
    /// statement is reported and the name it would bind is poisoned; later statements still run.
    public func run(block source: String, locate: Locator) -> [EvaluationError] {
        run(block: source, locate: locate, onExpression: nil)
    }

    /// Evaluates one expression against the scope.
    public func evaluate(_ source: String, locate: Locator) throws(EvaluationError) -> Value {
        var parser = Parser(source, limits: limits)
        do {
            return try eval(try parser.parseStandaloneExpression())
        } catch {
            throw error.located(by: locate)
        }
    }

    /// `run(block:)` that also evaluates bare expression statements and hands each value with its
    /// range to `onExpression` (the language fixtures use this; `{eval}` blocks reject them).
    func run(block source: String, locate: Locator, onExpression: ((Value, Range<Int>) -> Void)?) -> [EvaluationError] {
        var parser = Parser(source, limits: limits)
        let bytes = Array(source.utf8)
        var errors: [EvaluationError] = []
        for statement in parser.parseBlock() {
            statementCount += 1
            guard statementCount <= limits.maxStatements else {
                // Reported once; the names of the statements not run are poisoned, so their uses are cascades.
                if statementCount == limits.maxStatements + 1 {
                    let failure = ExpressionFailure(
                        "too many statements in this lesson (limit \(limits.maxStatements))", at: statement.range, kind: .limit)
                    errors.append(failure.located(by: locate))
                }
                if case .binding(let name, let nameRange, _) = statement, scope[name] == nil {
                    bind(name, .poisoned, line: locate(nameRange.lowerBound).line)
                }
                continue
            }
            switch statement {
            case .binding(let name, let nameRange, let valueExpr):
                let line = locate(nameRange.lowerBound).line
                if let existing = scope[name] {
                    errors.append(EvaluationError("'\(name)' is already bound at line \(existing.line)", at: locate(nameRange.lowerBound)))
                    continue
                }
                do {
                    let value = try eval(valueExpr)
                    try retain(value, at: valueExpr.range)
                    bind(name, .value(value), line: line)
                } catch {
                    errors.append(error.located(by: locate))
                    bind(name, .poisoned, line: line)
                }
            case .assertion(let condition, let message):
                do {
                    try check(condition, message: message, bytes: bytes)
                } catch {
                    errors.append(error.located(by: locate))
                }
            case .expression(let expr):
                guard let onExpression else {
                    errors.append(EvaluationError(
                        "an {eval} block holds only 'let' and 'assert' statements; bind this value with 'let name = ...'",
                        at: locate(expr.range.lowerBound)))
                    continue
                }
                do {
                    onExpression(try eval(expr), expr.range)
                } catch {
                    errors.append(error.located(by: locate))
                }
            case .invalid(let failure, let poisons):
                errors.append(failure.located(by: locate))
                if let poisons, scope[poisons.name] == nil {
                    bind(poisons.name, .poisoned, line: locate(poisons.range.lowerBound).line)
                }
            }
        }
        return errors
    }

    private func bind(_ name: String, _ binding: Binding, line: Int) {
        scope[name] = Entry(binding: binding, line: line)
        order.append(name)
    }

    /// `assert(condition)` / `assert(condition, message)`.
    private func check(_ condition: Expr, message: Expr?, bytes: [UInt8]) throws(ExpressionFailure) {
        let value = try eval(condition)
        guard case .bool(let holds) = value else {
            var text = "assert needs a Bool condition, got \(value.typeDescription)"
            if case .tensor = value { text += "; use allclose(a, b), .all() or .any()" }
            throw ExpressionFailure(text, at: condition.range)
        }
        guard !holds else { return }
        if let message {
            let explanation = try eval(message)
            guard case .string(let text) = explanation else {
                throw ExpressionFailure("the message of assert must be a String, got \(explanation.typeDescription)", at: message.range)
            }
            throw ExpressionFailure(text, at: condition.range)
        }
        let lower = max(0, min(condition.range.lowerBound, bytes.count))
        let upper = max(lower, min(condition.range.upperBound, bytes.count))
        let source = String(decoding: bytes[lower..<upper], as: UTF8.self)
        throw ExpressionFailure("assertion failed: \(source)", at: condition.range)
    }

    // MARK: - Names and budgets

    /// The value of a name, or a failure: cascade for a poisoned name, else "unknown name".
    func lookup(_ name: String, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        if let entry = scope[name] {
            switch entry.binding {
            case .value(let v): return v
            case .poisoned:
                throw ExpressionFailure("'\(name)' is unavailable because its definition at line \(entry.line) failed",
                                        at: range, kind: .cascade)
            }
        }
        if let builtin = Builtins.functions[name] {
            throw ExpressionFailure("'\(name)' is a function; call it with arguments: \(builtin.signature)", at: range)
        }
        var message = "unknown name '\(name)'"
        if let hint = Self.pythonNames[name] {
            throw ExpressionFailure(message + "; \(hint)", at: range)
        }
        if let guess = closestName(to: name, among: order + Builtins.functions.keys) {
            message += "; did you mean '\(guess)'?"
        }
        throw ExpressionFailure(message, at: range)
    }

    /// Hints for names a Python author may reach for.
    static let pythonNames: [String: String] = [
        "True": "write 'true'", "False": "write 'false'", "None": "lesson expressions have no None",
        "np": "call functions directly, e.g. zeros((2, 2)) or maximum(x, 0.0)",
        "numpy": "call functions directly, e.g. zeros((2, 2)) or maximum(x, 0.0)",
        "not": "use '!' instead of Python's 'not'",
    ]

    /// True when `name` is bound (to a value or poisoned).
    func isBound(_ name: String) -> Bool { scope[name] != nil }

    /// Counts the tensor elements a binding keeps alive against `maxBoundElements`.
    private func retain(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) {
        let total = boundElements + value.tensorElements
        guard total <= limits.maxBoundElements else {
            throw ExpressionFailure(
                "the lesson keeps too many tensor elements in its names (limit \(limits.maxBoundElements))", at: range, kind: .limit)
        }
        boundElements = total
    }

    /// Counts one evaluation step against `maxSteps`.
    func step(at range: Range<Int>) throws(ExpressionFailure) {
        steps += 1
        guard steps <= limits.maxSteps else {
            throw exhausted("the lesson evaluates too much (limit \(limits.maxSteps) steps)", at: range)
        }
    }

    /// A lesson-wide budget ran out: reported the first time, a cascade afterwards.
    private func exhausted(_ message: String, at range: Range<Int>) -> ExpressionFailure {
        defer { limitReported = true }
        return ExpressionFailure(message, at: range, kind: limitReported ? .cascade : .limit)
    }

    /// Counts tensor elements processed against `maxTensorWork`.
    func chargeWork(_ elements: Int, at range: Range<Int>) throws(ExpressionFailure) {
        work = work.addingReportingOverflow(max(0, elements)).partialValue
        guard work >= 0, work <= limits.maxTensorWork else {
            throw exhausted("the lesson does too much tensor work (limit \(limits.maxTensorWork) element operations); "
                            + "a lesson that needs more raises it in its front matter, e.g. 'work-limit: \(WorkLimit.suggestion(above: limits.maxTensorWork))'", at: range)
        }
    }
}

extension Statement {
    /// Where a statement-level message points.
    var range: Range<Int> {
        switch self {
        case .binding(_, let nameRange, _): nameRange
        case .assertion(let condition, _): condition.range
        case .expression(let e): e.range
        case .invalid(let failure, _): failure.range
        }
    }
}

extension ExpressionFailure {
    /// The public error, located in the lesson.
    func located(by locate: Locator) -> EvaluationError {
        EvaluationError(message, at: locate(range.lowerBound), isCascade: kind == .cascade)
    }
}

import CNNKernels

/// The lesson's environments, filled by `{eval}` blocks top to bottom, and the evaluator of
/// every expression in the lesson (tables, inline `{{ }}`, quiz answers).
///
///     let lesson = Interpreter()
///     let errors = lesson.run(block: "let x = [1.5, 2.5]\nlet total = x.sum()", locate: locate)
///     try lesson.evaluate("total", locate: locate).printed   // "4.0"
///
/// Names resolve one way everywhere: the innermost binding (a block, a call, the lesson's top level)
/// first, then the built-ins, so a lesson's own `zeros` hides the built-in, also when called.
/// A top-level `var` can change only inside the `{eval}` block that declares it; after that block
/// its value is final, which is the one value prose, tables and questions see.
///
/// A failing `let` is reported once and its name is poisoned: any later use of that name fails
/// with an `EvaluationError` whose `isCascade` is true, which the build does not report again.
public final class Interpreter {
    /// The lesson's top level.
    let globals = Scope(parent: nil)
    /// The scope expressions are evaluated in (a call's or a block's while they run).
    var scope: Scope
    private var order: [String] = []
    public var limits: EvaluationLimits
    /// The folder `loadImage` paths are relative to (the lesson file's folder); "" is the working directory.
    public var resourceDirectory = ""
    private var statementCount = 0
    private var steps = 0
    private var work = 0
    private var iterations = 0
    private var boundElements = 0
    /// Set once a step or work limit has been reported: later hits are cascades of that one.
    private var limitReported = false
    /// The `{eval}` block running now (nil while prose, tables and questions are evaluated).
    var currentBlock: Int?
    private var blockCount = 0
    /// Maps byte offsets of the source being run to lesson locations (closures keep theirs).
    /// nil while prose is evaluated: closures written in prose are only called there.
    var locate: Locator?
    /// The file this interpreter runs when it is not the lesson being built (an imported file).
    public var sourcePath: String?
    /// Calls in progress, against `limits.maxCallDepth`.
    var callDepth = 0
    /// The stack address where the outermost `run` or `evaluate` began.
    var stackTop: UInt = 0
    /// Top-level names assigned by the statement running now; poisoned when it fails.
    var assignedGlobals: Set<String> = []
    /// What an imported file binds: its top-level names in binding order (nil for a name whose
    /// definition failed) and whether it had errors (already reported in that file).
    public struct ImportedNames {
        public var values: [(String, Value?)]
        public var failed: Bool
    }

    /// The seeded source of `choose`, `randomInt`, … while a question's `:given:` runs; nil elsewhere
    /// (where drawing is an error).
    var generator: VariantGenerator?

    /// Loads an imported file named at a location of this source.
    public var importer: ((_ path: String, _ location: SourceLocation) throws(EvaluationError) -> ImportedNames)?

    public convenience init() {
        self.init(limits: .standard)
    }

    public init(limits: EvaluationLimits) {
        self.limits = limits
        self.scope = globals
    }

    /// The names bound so far, in binding order (for diagnostics like "did you mean").
    public var boundNames: [String] { order }

    /// The value bound to `name` at the top level, nil when unbound or poisoned.
    public func value(of name: String) -> Value? {
        guard case .value(let v)? = globals.entry(name)?.binding else { return nil }
        return v
    }

    /// The top-level names and values in binding order, nil for a poisoned name (what an `import` binds).
    public var topLevelNames: [(String, Value?)] {
        order.map { ($0, value(of: $0)) }
    }

    /// Runs the statements of one `{eval}` block. Every failing statement is reported and the
    /// names it would bind or change are poisoned; later statements still run.
    public func run(block source: String, locate: @escaping Locator) -> [EvaluationError] {
        run(block: source, locate: locate, onExpression: nil)
    }

    /// Evaluates one expression against the top level. A NumPy scalar result is shown as the
    /// Python number it prints as (`str`), so quiz answers and table cells see plain numbers.
    public func evaluate(_ source: String, locate: Locator) throws(EvaluationError) -> Value {
        var parser = Parser(source, limits: limits)
        let saved = (self.locate, currentBlock)
        self.locate = nil
        currentBlock = nil
        defer { (self.locate, currentBlock) = saved }
        return try withStackTop { () throws(EvaluationError) -> Value in
            do throws(ExpressionFailure) {
                let expr = try parser.parseStandaloneExpression()
                let value = try eval(expr)
                try checkShowable(value, at: expr.range)
                return value.asPython
            } catch {
                throw error.located(by: locate, path: sourcePath)
            }
        }
    }

    /// `run(block:)` that also evaluates bare expression statements and hands each value with its
    /// range to `onExpression` (the language fixtures use this; `{eval}` blocks reject values
    /// that are not used).
    func run(block source: String, locate: @escaping Locator, onExpression: ((Value, Range<Int>) -> Void)?) -> [EvaluationError] {
        var parser = Parser(source, limits: limits)
        let bytes = Array(source.utf8)
        var errors: [EvaluationError] = []
        blockCount += 1
        let saved = (self.locate, currentBlock)
        self.locate = locate
        currentBlock = blockCount
        defer { (self.locate, currentBlock) = saved }
        let statements = parser.parseBlock()
        withStackTop {
            // Functions are visible in their whole block, so they may call each other in any order.
            for statement in statements {
                guard case .function(let declaration) = statement else { continue }
                do throws(ExpressionFailure) {
                    try declareFunction(declaration)
                } catch {
                    errors.append(error.located(by: locate, path: sourcePath))
                }
            }
            for statement in statements {
                statementCount += 1
                guard statementCount <= limits.maxStatements else {
                    // Reported once; the names of the statements not run are poisoned, so their uses are cascades.
                    if statementCount == limits.maxStatements + 1 {
                        let failure = ExpressionFailure(
                            "too many statements in this lesson (limit \(limits.maxStatements))", at: statement.range, kind: .limit)
                        errors.append(failure.located(by: locate, path: sourcePath))
                    }
                    for (name, range) in statement.declaredNames where globals.entry(name) == nil {
                        poison(name, line: locate(range.lowerBound).line)
                    }
                    continue
                }
                if case .function = statement { continue }
                if case .invalid(let failure, let poisons) = statement {
                    errors.append(failure.located(by: locate, path: sourcePath))
                    if let poisons {
                        if globals.entry(poisons.name) == nil {
                            poison(poisons.name, line: locate(poisons.range.lowerBound).line)
                        } else if globals.entry(poisons.name)?.isVar == true {
                            globals.set(poisons.name, .init(binding: .poisoned, line: locate(poisons.range.lowerBound).line,
                                                            isVar: true, block: currentBlock))
                        }
                    }
                    continue
                }
                if case .expression(let expr) = statement, let onExpression {
                    do throws(ExpressionFailure) {
                        onExpression(try eval(expr), expr.range)
                    } catch {
                        errors.append(error.located(by: locate, path: sourcePath))
                    }
                    continue
                }
                assignedGlobals = []
                do throws(ExpressionFailure) {
                    _ = try executeTopLevel(statement, bytes: bytes)
                } catch {
                    errors.append(error.located(by: locate, path: sourcePath))
                    var names = statement.declaredNames
                    if case .assignment(let target, _, _, _) = statement, case .name(let name) = target.node {
                        names.append((name, target.range))  // `z = 3` without a declaration: later uses are cascades
                    }
                    for (name, range) in names where globals.entry(name) == nil {
                        poison(name, line: locate(range.lowerBound).line)
                    }
                    // A var that the failed statement changed has no trustworthy final value.
                    for name in assignedGlobals {
                        if let entry = globals.entry(name) {
                            globals.set(name, .init(binding: .poisoned, line: entry.line, isVar: true, block: entry.block))
                        }
                    }
                }
                scope = globals
                callDepth = 0
            }
        }
        return errors
    }

    /// One top-level statement; a bare expression must be a call whose value is not needed.
    private func executeTopLevel(_ statement: Statement, bytes: [UInt8]) throws(ExpressionFailure) -> Completion {
        if case .assertion(let condition, let message) = statement {
            try check(condition, message: message, bytes: bytes)
            return .normal
        }
        return try execute(statement, bytes: bytes)
    }

    /// Binds a top-level name; fails when the lesson already bound it.
    func declareGlobal(_ name: String, _ value: Value, at range: Range<Int>, valueRange: Range<Int>? = nil,
                       isVar: Bool) throws(ExpressionFailure) {
        let line = locate?(range.lowerBound).line ?? 0
        if let existing = globals.entry(name) {
            throw ExpressionFailure("'\(name)' is already bound at line \(existing.line)", at: range)
        }
        try retain(value, at: valueRange ?? range)
        globals.set(name, .init(binding: .value(value), line: line, isVar: isVar, block: isVar ? currentBlock : nil))
        order.append(name)
    }

    func poison(_ name: String, line: Int) {
        globals.set(name, .init(binding: .poisoned, line: line, isVar: false, block: nil))
        order.append(name)
    }

    /// `assert(condition)` / `assert(condition, message)`.
    func check(_ condition: Expr, message: Expr?, bytes: [UInt8]) throws(ExpressionFailure) {
        let value = try eval(condition)
        guard let holds = value.truth else {
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

    /// A function cannot be shown on the page: it has no Python text a listing could print.
    private func checkShowable(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) {
        switch value {
        case .function(let f) where f.name == "closure":
            throw ExpressionFailure("a closure is a function, not a value to show; call it with its arguments", at: range)
        case .function(let f):
            throw ExpressionFailure("'\(f.name)' is a function; call it with arguments: \(f.signature.signature)", at: range)
        case .tuple(let items), .list(let items):
            for item in items { try checkShowable(item, at: range) }
        case .record(_, let fields):
            for field in fields { try checkShowable(field.value, at: range) }
        default: break
        }
    }

    // MARK: - Names and budgets

    /// The value of a name: the innermost binding, else the built-in function of that name, else a
    /// failure (a cascade for a poisoned name, "unknown name" with a suggestion otherwise).
    func lookup(_ name: String, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        if let (_, entry) = scope.find(name) {
            switch entry.binding {
            case .value(let v): return v
            case .poisoned:
                throw ExpressionFailure("'\(name)' is unavailable because its definition at line \(entry.line) failed",
                                        at: range, kind: .cascade)
            }
        }
        if let function = Builtins.callables[name] { return .function(function) }
        var message = "unknown name '\(name)'"
        if let hint = Self.pythonNames[name] {
            throw ExpressionFailure(message + "; \(hint)", at: range)
        }
        if name.hasPrefix("$") {
            throw ExpressionFailure("'\(name)' is only defined inside a closure '{ ... }' without named parameters", at: range)
        }
        if let guess = closestName(to: name, among: visibleNames + Builtins.functions.keys) {
            message += "; did you mean '\(guess)'?"
        }
        throw ExpressionFailure(message, at: range)
    }

    /// Every name visible from the current scope.
    var visibleNames: [String] {
        var names: [String] = []
        var s: Scope? = scope
        while let current = s {
            names += current.entries.keys
            s = current.parent
        }
        return names
    }

    /// Hints for names a Python author may reach for.
    static let pythonNames: [String: String] = [
        "True": "write 'true'", "False": "write 'false'", "None": "lesson expressions have no None",
        "np": "call functions directly, e.g. zeros((2, 2)) or maximum(x, 0.0)",
        "numpy": "call functions directly, e.g. zeros((2, 2)) or maximum(x, 0.0)",
        "not": "use '!' instead of Python's 'not'",
        "range": "write a Swift range: 'for i in 0..<n' (not range(n))",
        "print": "lessons show values in prose with {{ EXPR }}; there is no print",
        "def": "use 'func name(_ x: Double) -> Double { ... }' instead of Python's 'def'",
        "elif": "write 'else if' instead of Python's 'elif'",
        "lambda": "write a closure '{ x in x * 2 }' instead of Python's 'lambda'",
        "float": "write Double(x)", "int": "write Int(x)", "bool": "write a comparison such as x != 0",
    ]

    /// True when `name` is bound (to a value or poisoned) in a scope visible from here.
    func isBound(_ name: String) -> Bool { scope.find(name) != nil }

    /// Counts the tensor elements a binding keeps alive against `maxBoundElements`.
    func retain(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) {
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

    /// Counts one loop iteration or function call against `maxIterations`.
    func iterate(at range: Range<Int>) throws(ExpressionFailure) {
        iterations += 1
        guard iterations <= limits.maxIterations else {
            throw exhausted("the lesson runs too many loop iterations and calls (limit \(limits.maxIterations)); "
                            + "check that every loop ends and every recursion reaches its base case", at: range)
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

    /// Runs `body`, noting where the stack stood when the outermost evaluation began.
    func withStackTop<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard stackTop == 0 else { return try body() }
        stackTop = currentStackAddress()
        defer { stackTop = 0 }
        return try body()
    }

    /// Fails when the evaluation has used more stack than `limits.maxStackBytes` (deep recursion
    /// through nested calls), long before the thread's stack would overflow.
    func checkStack(at range: Range<Int>) throws(ExpressionFailure) {
        let here = currentStackAddress()
        guard stackTop > here, stackTop - here > UInt(limits.maxStackBytes) else { return }
        throw ExpressionFailure(
            "recursion is too deep (limit \(limits.maxCallDepth) nested calls); check that the recursion reaches its base case",
            at: range, kind: .limit)
    }
}

/// The address of a local variable: where the stack stands now.
@inline(never)
func currentStackAddress() -> UInt {
    var marker = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
}

extension Statement {
    /// Where a statement-level message points.
    var range: Range<Int> {
        switch self {
        case .binding(_, let nameRange, _, _, _): nameRange
        case .destructuring(let names, let value, _): (names.first?.1.lowerBound ?? value.range.lowerBound)..<value.range.upperBound
        case .assignment(let target, _, let value, _): target.range.lowerBound..<value.range.upperBound
        case .assertion(let condition, _): condition.range
        case .expression(let e): e.range
        case .conditional(let branches, _): branches.first?.condition.range ?? 0..<0
        case .loop(_, _, _, _, let keyword), .whileLoop(_, _, let keyword): keyword
        case .breakLoop(let r), .continueLoop(let r), .returnValue(_, let r), .importFile(_, let r): r
        case .function(let d): d.nameRange
        case .invalid(let failure, _): failure.range
        }
    }

    /// The top-level names this statement binds.
    var declaredNames: [(String, Range<Int>)] {
        switch self {
        case .binding(let name, let range, _, _, _): [(name, range)]
        case .destructuring(let names, _, _): names
        case .function(let d): [(d.name, d.nameRange)]
        case .invalid(_, let poisons): poisons.map { [($0.name, $0.range)] } ?? []
        default: []
        }
    }
}

extension ExpressionFailure {
    /// The public error, located in the lesson (or where a function defined elsewhere failed).
    func located(by locate: Locator, path: String? = nil) -> EvaluationError {
        if let resolved { return resolved }
        var error = EvaluationError(message, at: locate(range.lowerBound), end: locate(range.upperBound), isCascade: kind == .cascade)
        error.path = path
        return error
    }
}

import CNNKernels

/// The names a question's `:given:` bound for one variant, in binding order, and the scope that
/// holds them (a child of the lesson's top level, so the lesson's names stay visible and unchanged).
public struct GivenBindings {
    let scope: Scope
    /// Each name bound by a top-level statement of the `:given:`, with its value.
    public let values: [(name: String, value: Value)]
}

extension Interpreter {
    /// Runs a question's `:given:` (statements separated by `;` or line breaks) for one variant in a
    /// new scope nested in the lesson's top level, drawing random values from `generator`.
    ///
    ///     let given = try lesson.runGiven("let n = choose([28, 32]); let s = 2", generator: g, locate: at)
    ///     try lesson.withGiven(given) { () throws(EvaluationError) in try lesson.evaluate("n / s", locate: at) }
    ///
    /// Work counts against the lesson's limits like any other evaluation.
    public func runGiven(_ source: String, generator: VariantGenerator, locate: @escaping Locator) throws(EvaluationError) -> GivenBindings {
        let text = Self.separatingStatements(source)
        var parser = Parser(text, limits: limits)
        let statements = parser.parseBlock()
        let child = Scope(parent: globals)
        let saved = (scope, self.locate, currentBlock, self.generator)
        (scope, self.locate, currentBlock, self.generator) = (child, locate, nil, generator)
        defer {
            (scope, self.locate, currentBlock, self.generator) = saved
            callDepth = 0
        }
        try withStackTop { () throws(EvaluationError) in
            do throws(ExpressionFailure) {
                for statement in statements {
                    if case .invalid(let failure, _) = statement { throw failure }
                    if case .importFile(_, let range) = statement {
                        throw ExpressionFailure("`import` belongs in an `{eval}` block; a `:given:` binds only its variant's values", at: range)
                    }
                }
                _ = try execute(statements, bytes: Array(text.utf8))
            } catch {
                throw error.located(by: locate, path: sourcePath)
            }
        }
        var values: [(name: String, value: Value)] = []
        for statement in statements {
            for (name, _) in statement.declaredNames where !values.contains(where: { $0.name == name }) {
                if case .value(let value)? = child.entry(name)?.binding { values.append((name, value)) }
            }
        }
        return GivenBindings(scope: child, values: values)
    }

    /// Runs `body` with the names of `given` visible (nil: the lesson's top level only).
    public func withGiven<T, E: Error>(_ given: GivenBindings?, _ body: () throws(E) -> T) throws(E) -> T {
        guard let given else { return try body() }
        let saved = scope
        scope = given.scope
        defer { scope = saved }
        return try body()
    }

    /// A random index in `0..<n` from the variant's generator; outside a `:given:`, an error.
    func draw(below n: Int, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        guard var generator else {
            throw ExpressionFailure("random draws (choose, randomInt, randomTensor, shuffled) work only in a question's `:given:`, "
                                    + "where each variant is seeded; bind a fixed value with `let` here", at: range)
        }
        let index = generator.below(n)
        self.generator = generator
        return index
    }

    /// `source` with each `;` outside a string literal turned into a line break (same length, so
    /// byte offsets, and with them error locations, are unchanged).
    static func separatingStatements(_ source: String) -> String {
        var bytes = Array(source.utf8)
        var inString = false, escaped = false
        for i in bytes.indices {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: ";") {
                bytes[i] = UInt8(ascii: "\n")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

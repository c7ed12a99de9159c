import CNNKernels

/// What building a question needs from the rest of the pipeline, as closures so that the builder's
/// validation can be tested without the interpreter and the Markdown parser.
struct QuestionContext {
    /// Evaluates an expression in the lesson scope (`Interpreter.evaluate`).
    var evaluate: (String, Locator) throws(EvaluationError) -> Value
    /// How a value prints (`Value.printed`).
    var display: (Value) -> String
    /// `format(value, spec)` (`Value.formatted`).
    var format: (Value, String) throws(KernelError) -> String
    /// `LessonParser.parseFragment`.
    var parseFragment: (_ text: String, _ lineStarts: [SourceLocation], _ path: String, _ split: Bool,
                        _ diagnostics: DiagnosticEngine) -> MarkdownFragment?
    /// Runs a `:given:` for one variant (`Interpreter.runGiven`); without an interpreter, an error.
    var runGiven: (_ source: String, _ locate: @escaping Locator, _ generator: VariantGenerator) throws(EvaluationError) -> GivenBindings
        = { _, locate, _ throws(EvaluationError) in throw EvaluationError("variants need the lesson's interpreter", at: locate(0)) }
    /// Runs the closure with a variant's given names visible to `evaluate` (`Interpreter.withGiven`).
    var withGiven: (_ given: GivenBindings?, _ body: () -> Void) -> Void = { _, body in body() }

    static func live(_ interpreter: Interpreter) -> QuestionContext {
        QuestionContext(
            evaluate: { (source, locate) throws(EvaluationError) in try interpreter.evaluate(source, locate: locate) },
            display: { $0.printed },
            format: { (value, spec) throws(KernelError) in try value.formatted(spec) },
            parseFragment: { text, lineStarts, path, split, diagnostics in
                LessonParser.parseFragment(text, lineStarts: lineStarts, path: path,
                                           splitTrailingOrderedList: split, diagnostics: diagnostics)
            },
            runGiven: { (source, locate, generator) throws(EvaluationError) in
                try interpreter.runGiven(source, generator: generator, locate: locate)
            },
            withGiven: { given, body in interpreter.withGiven(given, body) }
        )
    }
}

extension Value {
    /// A short description for quiz messages that does not depend on printing:
    /// `Bool true`, `string "abc"`, `tensor`, `list`.
    var quizDescription: String {
        switch self {
        case let .int(n): return "Int \(n)"
        case let .double(d): return "Double \(d)"
        case let .bool(b): return "Bool \(b)"
        case let .string(s): return "string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case let .tensor(t): return "tensor of shape \(t.shape)"
        case .tuple: return "tuple"
        case .list: return "list"
        case let .record(typeName, _): return typeName
        case .numpy, .range, .function: return kindName
        case .figure: return "figure"
        }
    }
}

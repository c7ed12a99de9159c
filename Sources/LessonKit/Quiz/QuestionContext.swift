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

    static func live(_ interpreter: Interpreter) -> QuestionContext {
        QuestionContext(
            evaluate: { (source, locate) throws(EvaluationError) in try interpreter.evaluate(source, locate: locate) },
            display: { $0.printed },
            format: { (value, spec) throws(KernelError) in try value.formatted(spec) },
            parseFragment: { text, lineStarts, path, split, diagnostics in
                LessonParser.parseFragment(text, lineStarts: lineStarts, path: path,
                                           splitTrailingOrderedList: split, diagnostics: diagnostics)
            }
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

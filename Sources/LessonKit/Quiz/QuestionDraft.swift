import CNNKernels

/// One `{question}` being built: finds its kind (`QuizKinds`), checks its options, renders its
/// prompt, options and explanation (after a `+++` line), and has the kind build its answer from the
/// evaluated `:answer:`, reporting every problem it finds (not just the first).
struct QuestionDraft {
    let directive: Directive
    let path: String
    let diagnostics: DiagnosticEngine
    let context: QuestionContext
    var failed = false
    /// While a variant is built: "variant 3", put before every message so the author knows which one failed.
    var variantLabel: String?

    init(directive: Directive, path: String, diagnostics: DiagnosticEngine, context: QuestionContext) {
        self.directive = directive
        self.path = path
        self.diagnostics = diagnostics
        self.context = context
    }

    mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.error(path: path, at: location, variantLabel.map { "\($0): " + message } ?? message)
        failed = true
    }

    mutating func build(number: Int) -> Question? {
        guard let kind = QuizKinds.named(directive.argument.trimmingSpaces) else {
            let got = directive.argument.trimmingSpaces
            error(directive.argumentLocation, got.isEmpty
                  ? "a `{question}` needs a kind, one of \(QuizKinds.list): `{question} numeric`"
                  : "unknown question kind `\(got)`; use \(QuizKinds.list)")
            return nil
        }
        checkOptions(kind: kind)
        let id = name(number: number)
        let (promptLines, explanationLines) = splitExplanation()
        var variants: [Question.Variant] = []
        if let count = variantCount() {
            guard !failed, let built = buildVariants(kind: kind, id: id, count: count, promptLines, explanationLines) else { return nil }
            variants = built
        }
        guard let first = variants.first ?? buildVariant(kind: kind, promptLines, explanationLines), !failed else { return nil }
        var question = Question(id: id, kind: kind.kind, promptHTML: first.promptHTML, optionsHTML: first.optionsHTML,
                                answer: first.answer, location: directive.location,
                                idLocation: directive.option("name")?.valueLocation, explanationHTML: first.explanationHTML)
        question.variants = variants
        return question
    }

    /// The prompt, options, explanation and answer, evaluated in the scope in force (a variant's
    /// given names, or the lesson's); `given` is left empty for the caller.
    mutating func buildVariant(kind: any QuizKind, _ promptLines: BodyLines, _ explanationLines: BodyLines?) -> Question.Variant? {
        let rendered = renderBody(kind: kind, promptLines)
        let explanation = explanationLines.flatMap { renderExplanation($0) }
        let answer = self.answer(kind: kind, optionCount: rendered?.options.count)
        guard !failed, let rendered, let answer else { return nil }
        return Question.Variant(given: [], promptHTML: rendered.prompt, optionsHTML: rendered.options,
                                explanationHTML: explanation, answer: answer)
    }

    // MARK: Options

    private mutating func checkOptions(kind: any QuizKind) {
        let known = (["answer", "name"] + Self.variantOptions + kind.options).sorted()
        var seen: Set<String> = []
        for option in directive.options {
            if !seen.insert(option.key).inserted {
                error(option.valueLocation, "`:\(option.key):` is given twice")
            } else if option.key == "tolerance" && !known.contains("tolerance") {
                let takers = QuizKinds.registered.filter { $0.options.contains("tolerance") }.map(\.kind.rawValue)
                error(option.valueLocation, "`:tolerance:` applies only to \(takers.joined(separator: " and ")) questions")
            } else if !known.contains(option.key) {
                error(option.valueLocation, "unknown option `:\(option.key):` for a \(kind.kind.rawValue) question; known options: "
                      + known.map { ":\($0):" }.joined(separator: ", "))
            }
        }
    }

    private mutating func name(number: Int) -> String {
        guard let option = directive.option("name") else { return "q\(number)" }
        let name = option.value.trimmingSpaces
        guard QuestionBuilder.isValidName(name) else {
            error(option.valueLocation, "`:name:` must start with a letter and use only letters, digits, `_` and `-`; got `\(name)`")
            return "q\(number)"
        }
        return name
    }

    // MARK: Text

    /// A body line `BodyLines`: its text (with its line break) and where it starts.
    typealias BodyLines = [(text: Substring, start: SourceLocation)]

    /// The body's lines before the first line that is `+++` (spaces around it allowed), and the lines
    /// after it (nil without `+++`).
    private func splitExplanation() -> (BodyLines, BodyLines?) {
        var lines: BodyLines = []
        var rest = directive.body[...]
        var n = 0
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            lines.append((rest[..<end], directive.bodyLineStarts[safe: n] ?? directive.location))
            rest = rest[end...]
            n += 1
        }
        guard let marker = lines.firstIndex(where: { QuizText.trim(String($0.text)) == "+++" }) else { return (lines, nil) }
        return (Array(lines[..<marker]), Array(lines[(marker + 1)...]))
    }

    private mutating func renderExplanation(_ lines: BodyLines) -> String? {
        let text = lines.map { String($0.text) }.joined()
        guard text.contains(where: { !$0.isWhitespace }) else {
            error(directive.location, "the `+++` line is followed by no explanation; write it below `+++` or remove the line")
            return nil
        }
        let errorsBefore = diagnostics.diagnostics.count
        guard let fragment = context.parseFragment(text, lines.map(\.start), path, false, diagnostics) else {
            failed = true
            return nil
        }
        if diagnostics.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) { failed = true }
        return render(fragment.pieces, fragment.expressions)
    }

    private mutating func renderBody(kind: any QuizKind, _ lines: BodyLines) -> (prompt: String, options: [String])? {
        let body = lines.map { String($0.text) }.joined()
        guard body.contains(where: { !$0.isWhitespace }) else {
            error(directive.location, "a question needs text: write the question below its options")
            return nil
        }
        let errorsBefore = diagnostics.diagnostics.count
        guard let fragment = context.parseFragment(body, lines.map(\.start), path, kind.readsOptionList, diagnostics) else {
            failed = true
            return nil
        }
        if diagnostics.diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) { failed = true }
        guard let prompt = render(fragment.pieces, fragment.expressions) else { return nil }
        var options: [String] = []
        for item in fragment.listItems {
            guard let html = render(item, fragment.expressions) else { return nil }
            options.append(html)
        }
        if kind.readsOptionList && options.count < 2 {
            error(directive.location, "a choice question needs at least two options (a numbered list at the end of its text); found \(options.count)")
        }
        return (prompt, options)
    }

    private mutating func render(_ pieces: [TemplatePiece], _ expressions: [InlineExpression]) -> String? {
        var html = ""
        var ok = true
        for piece in pieces {
            switch piece {
            case let .html(text):
                html += text
            case let .expression(index):
                guard expressions.indices.contains(index), let text = inlineText(expressions[index]) else {
                    ok = false
                    continue
                }
                html += HTMLEscaping.escape(text)
            case .directive, .reference:
                continue
            }
        }
        return ok ? html : nil
    }

    private mutating func inlineText(_ expression: InlineExpression) -> String? {
        guard let value = evaluate(expression.expression, at: expression.expressionLocation) else { return nil }
        guard let spec = expression.spec else { return context.display(value) }
        do {
            return try context.format(value, spec)
        } catch {
            self.error(expression.specLocation ?? expression.expressionLocation, error.message)
            return nil
        }
    }

    mutating func evaluate(_ source: String, at location: SourceLocation) -> Value? {
        do {
            return try context.evaluate(source) { location.advanced(by: $0) }
        } catch {
            if error.isCascade {
                failed = true
            } else {
                self.error(error.location, error.message)
            }
            return nil
        }
    }

    // MARK: Answer

    private mutating func answer(kind: any QuizKind, optionCount: Int?) -> Question.Answer? {
        guard let option = directive.option("answer") else {
            error(directive.location, "a question needs an `:answer:` line with an expression for the right answer")
            return nil
        }
        guard !option.value.trimmingSpaces.isEmpty else {
            error(option.valueLocation, "`:answer:` is empty; write an expression for the right answer")
            return nil
        }
        guard let value = evaluate(option.value, at: option.valueLocation) else { return nil }
        return kind.answer(from: value, at: option.valueLocation, optionCount: optionCount ?? 0, draft: &self)
    }

    /// `:tolerance:` evaluated and checked, or `fallback` without it; nil after an error.
    mutating func tolerance(default fallback: Double) -> Double? {
        guard let option = directive.option("tolerance") else { return fallback }
        guard let t = evaluate(option.value, at: option.valueLocation) else { return nil }
        guard let (tol, _) = Self.number(t), tol.isFinite else {
            error(option.valueLocation, "`:tolerance:` must be a finite number, got \(t.quizDescription)")
            return nil
        }
        guard tol >= 0 else {
            error(option.valueLocation, "`:tolerance:` cannot be negative, got \(QuizNumber.text(tol)); it is an absolute distance from the answer")
            return nil
        }
        return tol
    }

    /// Int and Double values, and 0-d int64/float64 tensors; `isInt` for integers.
    static func number(_ value: Value) -> (Double, isInt: Bool)? {
        switch value {
        case let .int(n): return (Double(n), true)
        case let .double(d): return (d, false)
        case let .tensor(t) where t.shape.isEmpty:
            switch t.storage {
            case let .int64(v): return v.first.map { (Double($0), true) }
            case let .float64(v): return v.first.map { ($0, false) }
            case .bool: return nil
            }
        default: return nil
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String { QuizText.trim(self) }
}

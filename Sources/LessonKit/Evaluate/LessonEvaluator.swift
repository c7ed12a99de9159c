import CNNKernels

/// Runs a parsed lesson: `{eval}` blocks first, top to bottom, in the lesson's one scope; then
/// every other directive and every inline expression against that scope.
///
/// Names are bound once, so evaluating prose after all `{eval}` blocks gives the same values as
/// evaluating in place, and lets a summary near the top cite a number computed further down.
/// Every independent problem is reported; a failed `let` poisons its name so that its uses are
/// not reported again.
public struct LessonEvaluator {
    public let path: String
    public let diagnostics: DiagnosticEngine
    let interpreter = Interpreter()

    public init(path: String, diagnostics: DiagnosticEngine) {
        self.path = path
        self.diagnostics = diagnostics
    }

    /// Evaluates `lesson`; nil when any error was reported.
    public func evaluate(_ lesson: ParsedLesson, name: String) -> EvaluatedLesson? {
        let errorsBefore = diagnostics.errorCount
        for directive in lesson.directives where directive.name == "eval" {
            report(interpreter.run(block: directive.body, locate: directive.location(ofBodyOffset:)))
        }

        var blocks: [EvaluatedLesson.Block] = []
        var questions: [Question] = []
        var quiz: QuizPanel?
        var questionNumber = 0
        for (index, directive) in lesson.directives.enumerated() {
            switch directive.name {
            case "eval":
                blocks.append(evalBlock(directive))
            case "table":
                blocks.append(table(directive).map(EvaluatedLesson.Block.table) ?? .nothing)
            case "listing":
                blocks.append(listing(directive).map(EvaluatedLesson.Block.listing) ?? .nothing)
            case "output":
                let output = self.output(directive)
                if let listingIndex = listingDirectlyAbove(index, in: lesson) {
                    // A listing that failed to interpolate has already been reported.
                    if case .listing(var model) = blocks[listingIndex] {
                        model.expectedOutput = output?.text
                        blocks[listingIndex] = .listing(model)
                    }
                } else {
                    error(at: directive.location, "an {output} must directly follow a {listing}")
                }
                blocks.append(output.map(EvaluatedLesson.Block.output) ?? .nothing)
            case "math":
                blocks.append(math(directive).map { .math(mathML: $0) } ?? .nothing)
            case "question":
                // Default ids count every question directive, so one broken question does not renumber the rest.
                questionNumber += 1
                if let question = QuestionBuilder.build(directive, number: questionNumber, interpreter: interpreter,
                                                        path: path, diagnostics: diagnostics) {
                    blocks.append(.question(questions.count))
                    questions.append(question)
                } else {
                    blocks.append(.nothing)
                }
            case "quiz":
                if quiz != nil {
                    error(at: directive.location, "a lesson has at most one {quiz} panel")
                    blocks.append(.nothing)
                } else if let panel = QuestionBuilder.panel(directive, path: path, diagnostics: diagnostics) {
                    quiz = panel
                    blocks.append(.quiz)
                } else {
                    blocks.append(.nothing)
                }
            default:
                // The parser reports unknown directives; render nothing for them.
                blocks.append(.nothing)
            }
        }
        QuestionBuilder.validate(questions: questions, panel: quiz, path: path, diagnostics: diagnostics)

        let inlineTexts = lesson.inlineExpressions.map { text(of: $0) ?? "" }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return EvaluatedLesson(
            path: path, name: name,
            title: lesson.frontMatter.title ?? name,
            summary: lesson.frontMatter.summary,
            template: lesson.template, blocks: blocks, inlineTexts: inlineTexts,
            questions: questions, quiz: quiz
        )
    }

    // MARK: - Directives

    func evalBlock(_ directive: Directive) -> EvaluatedLesson.Block {
        checkOptions(directive, allowed: ["echo"])
        guard let echo = directive.option("echo") else { return .nothing }
        switch echo.value.lowercased() {
        case "true", "yes": return .echo(code: trimmingFinalNewline(directive.body))
        case "false", "no": return .nothing
        default:
            error(at: echo.valueLocation, "':echo:' takes true or false, not '\(echo.value)'")
            return .nothing
        }
    }

    func table(_ directive: Directive) -> TableModel? {
        checkOptions(directive, allowed: ["title", "rows", "columns", "format", "caption"])
        guard !directive.argument.isEmpty else {
            error(at: directive.location, "a {table} needs an expression after '{table}', e.g. '{table} feature_map'")
            return nil
        }
        guard let value = evaluate(directive.argument, at: directive.argumentLocation) else { return nil }
        let rows: [[Value]]
        do throws(EvaluationError) {
            rows = try TableCells.rows(of: value, at: directive.argumentLocation)
        } catch {
            report(error)
            return nil
        }
        let format = directive.option("format")
        var cells: [[String]] = []
        for row in rows {
            var texts: [String] = []
            for cell in row {
                guard let format else {
                    texts.append(cell.printed)
                    continue
                }
                do throws(KernelError) {
                    texts.append(try cell.formatted(format.value))
                } catch {
                    self.error(at: format.valueLocation, error.message)
                    return nil
                }
            }
            cells.append(texts)
        }
        let columnPrefix = directive.option("columns")?.value ?? "Column"
        let rowPrefix = directive.option("rows")?.value ?? "Row"
        let width = rows.first?.count ?? 0
        return TableModel(
            title: directive.option("title")?.value ?? "",
            caption: directive.option("caption")?.value,
            columnHeaders: (0..<width).map { "\(columnPrefix) \($0 + 1)" },
            rowHeaders: rows.indices.map { "\(rowPrefix) \($0 + 1)" },
            cells: cells
        )
    }

    func listing(_ directive: Directive) -> ListingModel? {
        checkOptions(directive, allowed: [])
        let language = directive.argument.split(separator: " ").first.map(String.init) ?? ""
        if language.isEmpty {
            error(at: directive.location, "a {listing} needs a language, e.g. '{listing} python'")
        }
        guard let code = interpolate(directive) else { return nil }
        return ListingModel(language: language, code: code, location: directive.location)
    }

    func output(_ directive: Directive) -> OutputModel? {
        checkOptions(directive, allowed: [])
        return interpolate(directive).map(OutputModel.init(text:))
    }

    func math(_ directive: Directive) -> String? {
        checkOptions(directive, allowed: [])
        let tex = trimmingFinalNewline(directive.body)
        do throws(MathError) {
            return try TeXToMathML.convert(tex)
        } catch {
            self.error(at: directive.location(ofBodyOffset: error.offset), error.message)
            return nil
        }
    }

    /// The index of the `{listing}` whose block ends right where `{output}` number `index` starts.
    func listingDirectlyAbove(_ index: Int, in lesson: ParsedLesson) -> Int? {
        guard index > 0, lesson.directives[index - 1].name == "listing" else { return nil }
        guard let here = lesson.template.firstIndex(of: .directive(index)),
              let above = lesson.template.firstIndex(of: .directive(index - 1)) else { return nil }
        let between = lesson.template[(above + 1)..<here]
        let onlyWhitespace = between.allSatisfy {
            if case .html(let html) = $0 { return html.allSatisfy(\.isWhitespace) }
            return false
        }
        return onlyWhitespace ? index - 1 : nil
    }

    // MARK: - Expressions

    /// A directive body with its `{{ }}` holes filled; nil after reporting an error.
    func interpolate(_ directive: Directive) -> String? {
        let pieces: [BodyPiece]
        do throws(EvaluationError) {
            pieces = try LessonParser.splitBody(trimmingFinalNewline(directive.body), locate: directive.location(ofBodyOffset:))
        } catch {
            report(error)
            return nil
        }
        var result = ""
        var failed = false
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .expression(let expression):
                if let text = text(of: expression) { result += text } else { failed = true }
            }
        }
        return failed ? nil : result
    }

    /// The text of `{{ EXPR : SPEC }}`: `print(EXPR)` or `format(EXPR, SPEC)`.
    func text(of expression: InlineExpression) -> String? {
        guard let value = evaluate(expression.expression, at: expression.expressionLocation) else { return nil }
        guard let spec = expression.spec else { return value.printed }
        do throws(KernelError) {
            return try value.formatted(spec)
        } catch {
            self.error(at: expression.specLocation ?? expression.expressionLocation, error.message)
            return nil
        }
    }

    func evaluate(_ source: String, at location: SourceLocation) -> Value? {
        do throws(EvaluationError) {
            return try interpreter.evaluate(source, locate: { location.advanced(by: $0) })
        } catch {
            report(error)
            return nil
        }
    }

    // MARK: - Diagnostics

    func checkOptions(_ directive: Directive, allowed: Set<String>) {
        for option in directive.options where !allowed.contains(option.key) {
            let known = allowed.isEmpty ? "it takes no options" : "known options: " + allowed.sorted().map { ":\($0):" }.joined(separator: ", ")
            error(at: option.valueLocation, "unknown option ':\(option.key):' for {\(directive.name)}; \(known)")
        }
    }

    func report(_ errors: [EvaluationError]) {
        errors.forEach(report)
    }

    func report(_ error: EvaluationError) {
        guard !error.isCascade else { return }
        self.error(at: error.location, error.message)
    }

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.error(path: path, at: location, message)
    }
}

/// Drops one final line break: a block's body ends with one, a listing or output does not.
func trimmingFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
}

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
        configure(for: lesson)
        for directive in lesson.directives where directive.name == "eval" {
            report(interpreter.run(block: directive.body, locate: directive.location(ofBodyOffset:)))
        }

        var blocks: [EvaluatedLesson.Block] = []
        var questions: [Question] = []
        var quiz: QuizPanel?
        var questionNumber = 0
        var figureNumber = 0
        var figures = FigureState()
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
            case "figure":
                figureNumber += 1
                blocks.append(figure(directive, number: figureNumber, state: &figures).map(EvaluatedLesson.Block.figure) ?? .nothing)
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
}

/// Drops one final line break: a block's body ends with one, a listing or output does not.
func trimmingFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
}

/// `{question} KIND`: one quiz question. Its options depend on its kind, so the quiz builder
/// checks them (``QuestionBuilder``).
struct QuestionDirective: DirectiveKind {
    static let spec = DirectiveSpec("question", argument: .word(noun: "kind", example: "numeric"), body: .source,
                                    optionsDependOnArgument: true)

    let syntax: Directive

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        syntax = input.syntax
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        // Default ids count every question directive, so one broken question does not renumber the rest.
        let number = context.nextQuestionNumber()
        guard let question = QuestionBuilder.build(syntax, number: number, interpreter: context.interpreter,
                                                   path: context.path, diagnostics: context.diagnostics) else { return .nothing }
        let index = context.add(question)
        // Two questions with one id are reported by QuestionBuilder.validate; do not report them twice.
        let taken = context.anchors.contains { $0.name == question.id && $0.elementID == "quiz-" + question.id }
        if !taken { context.addAnchor(Anchor(name: question.id, label: "Question \(index + 1)", elementID: "quiz-" + question.id,
                                 location: question.idLocation)) }
        return .question(index)
    }
}

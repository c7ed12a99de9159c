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
        return .question(context.add(question))
    }
}

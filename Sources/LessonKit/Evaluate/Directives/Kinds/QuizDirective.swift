/// `{quiz}`: the score panel for every question of the lesson (its `:pass:` mark is read by
/// ``QuestionBuilder/panel(_:path:diagnostics:)``).
struct QuizDirective: DirectiveKind {
    static let spec = DirectiveSpec("quiz", options: [.init("pass", .raw)], optionsDependOnArgument: true)

    let syntax: Directive

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        syntax = input.syntax
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        guard let panel = QuestionBuilder.panel(syntax, path: context.path, diagnostics: context.diagnostics) else { return .nothing }
        return context.setQuiz(panel) ? .quiz : .nothing
    }
}

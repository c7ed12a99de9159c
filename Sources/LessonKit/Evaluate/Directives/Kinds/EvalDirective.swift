/// `{eval}`: statements run in the lesson's one scope before anything else is evaluated;
/// renders nothing, or its code with `:echo: true`.
struct EvalDirective: DirectiveKind {
    static let spec = DirectiveSpec("eval", options: [.init("echo", .bool)], body: .source)

    let syntax: Directive
    let echo: Bool

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        syntax = input.syntax
        echo = input.options.bool("echo") ?? false
    }

    func prepare(in context: DirectiveContext) {
        for error in context.interpreter.run(block: syntax.body, locate: syntax.location(ofBodyOffset:)) {
            context.report(error)
        }
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        echo ? .echo(code: trimmingFinalNewline(syntax.body)) : .nothing
    }
}

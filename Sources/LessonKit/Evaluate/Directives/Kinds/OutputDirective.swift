/// `{output}`: what the `{listing}` directly above prints, `{{ }}` filled. The parser records
/// which listing that is (``ParsedLesson/listingAbove``); the evaluator attaches the text to it.
struct OutputDirective: DirectiveKind {
    static let spec = DirectiveSpec("output", body: .template)

    let template: TextTemplate

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        guard let template = input.template else { return nil }
        self.template = template
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        context.fill(template).map { .output(OutputModel(text: $0)) } ?? .nothing
    }
}

/// `{listing} LANG`: source code shown to learners, `{{ }}` filled.
struct ListingDirective: DirectiveKind {
    static let spec = DirectiveSpec("listing", argument: .word(noun: "language", example: "python"), body: .template)

    let language: String
    let template: TextTemplate
    let syntax: Directive

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        guard let language = input.word, let template = input.template else { return nil }
        self.language = language
        self.template = template
        self.syntax = input.syntax
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        guard let (code, lines) = context.fillTracingLines(template, lineStarts: syntax.bodyLineStarts) else { return .nothing }
        return .listing(ListingModel(language: language, code: code, location: syntax.location, lineLocations: lines))
    }
}

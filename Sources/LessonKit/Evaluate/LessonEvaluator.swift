import CNNKernels

/// Runs a parsed lesson: types every directive against its spec, runs the `{eval}` blocks top
/// to bottom in the lesson's one scope, then evaluates every other directive and inline
/// expression against that scope.
///
/// Names are bound once, so evaluating prose after all `{eval}` blocks gives the same values as
/// evaluating in place, and lets a summary near the top cite a number computed further down.
/// Every independent problem is reported; a failed `let` poisons its name so that its uses are
/// not reported again.
public struct LessonEvaluator {
    public let path: String
    public let diagnostics: DiagnosticEngine
    public let registry: DirectiveRegistry
    /// False while evaluating another lesson only for its anchors (a cross-reference target):
    /// its own references to other lessons are not followed.
    let resolvesOtherLessons: Bool
    let interpreter = Interpreter()
    /// Files imported by `import "…"` in this lesson's `{eval}` blocks, each run once.
    let imports = LessonImports()

    public init(path: String, diagnostics: DiagnosticEngine, registry: DirectiveRegistry = .standard) {
        self.init(path: path, diagnostics: diagnostics, registry: registry, resolvesOtherLessons: true)
    }

    init(path: String, diagnostics: DiagnosticEngine, registry: DirectiveRegistry, resolvesOtherLessons: Bool) {
        self.path = path
        self.diagnostics = diagnostics
        self.registry = registry
        self.resolvesOtherLessons = resolvesOtherLessons
    }

    /// Evaluates `lesson`; nil when any error was reported.
    public func evaluate(_ lesson: ParsedLesson, name: String) -> EvaluatedLesson? {
        let errorsBefore = diagnostics.errorCount
        configure(for: lesson)
        let maxInput = interpreter.limits.maxInputBytes
        interpreter.importer = { [path, diagnostics, imports, registry] relative, location throws(EvaluationError) in
            try imports.load(relative, from: path, at: location, directives: registry.names,
                             maxBytes: maxInput, diagnostics: diagnostics)
        }
        var problems: [SourceError] = []
        let typed = DirectiveTyper(registry: registry, limits: interpreter.limits).type(lesson.directives, problems: &problems)
        problems.forEach { diagnostics.report($0, path: path) }

        let context = DirectiveContext(path: path, interpreter: interpreter, diagnostics: diagnostics)
        for directive in typed { directive?.prepare(in: context) }

        var blocks: [EvaluatedLesson.Block] = []
        for (index, directive) in typed.enumerated() {
            let block = directive?.evaluate(in: context) ?? .nothing
            if directive is OutputDirective || (directive == nil && lesson.directives[index].name == "output") {
                attach(block, toListingAbove: index, in: lesson, blocks: &blocks)
            }
            blocks.append(block)
        }
        QuestionBuilder.validate(questions: context.questions, panel: context.quiz, path: path, diagnostics: diagnostics)

        let inlineTexts = lesson.inlineExpressions.map { context.text(of: $0) ?? "" }
        var resolver = CrossReferenceResolver(path: path, diagnostics: diagnostics, registry: registry)
        let references = resolver.resolve(resolvesOtherLessons ? lesson.references : lesson.references.filter { $0.lesson == nil },
                                          anchors: context.anchors)
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return EvaluatedLesson(
            path: path, name: name,
            title: lesson.frontMatter.title ?? name,
            summary: lesson.frontMatter.summary,
            template: lesson.template, blocks: blocks, inlineTexts: inlineTexts,
            questions: context.questions, quiz: context.quiz,
            anchors: context.anchors, references: references
        )
    }

    /// Gives an `{output}`'s text to the `{listing}` the parser found directly above it.
    private func attach(_ output: EvaluatedLesson.Block, toListingAbove index: Int, in lesson: ParsedLesson,
                        blocks: inout [EvaluatedLesson.Block]) {
        guard let above = lesson.directlyAbove[index], lesson.directives[above].name == "listing" else {
            diagnostics.error(path: path, at: lesson.directives[index].location, "an {output} must directly follow a {listing}")
            return
        }
        // A listing that failed to interpolate has already been reported.
        if case .listing(var model) = blocks[above], case .output(let text) = output {
            model.expectedOutput = text.text
            blocks[above] = .listing(model)
        }
    }
}

/// Drops one final line break: a block's body ends with one, a listing or output does not.
func trimmingFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
}

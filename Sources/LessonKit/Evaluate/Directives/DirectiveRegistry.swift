/// The directive kinds a build knows, by name. The parser learns the names from here, so an
/// unknown `{kind}` is a located error; the evaluator looks each block's kind up here.
public struct DirectiveRegistry: Sendable {
    public let kinds: [any DirectiveKind.Type]

    /// The directives of the lesson format, in the order the contract lists them.
    public static let standard = DirectiveRegistry([
        EvalDirective.self,
        TableDirective.self,
        ListingDirective.self,
        OutputDirective.self,
        MathDirective.self,
        QuestionDirective.self,
        QuizDirective.self,
        FigureDirective.self,
    ])

    public init(_ kinds: [any DirectiveKind.Type]) {
        var seen: Set<String> = []
        for kind in kinds {
            precondition(seen.insert(kind.spec.name).inserted, "directive {\(kind.spec.name)} is registered twice")
        }
        self.kinds = kinds
    }

    /// This registry with `more` kinds added after the standard ones (for extensions and tests).
    public func adding(_ more: [any DirectiveKind.Type]) -> DirectiveRegistry {
        DirectiveRegistry(kinds + more)
    }

    /// The names, in registration order (for the parser and its "known directives" message).
    public var names: [String] { kinds.map { $0.spec.name } }

    public func kind(named name: String) -> (any DirectiveKind.Type)? {
        kinds.first { $0.spec.name == name }
    }
}

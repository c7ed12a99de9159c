/// One kind of directive: its spec, its typed value, and what it evaluates to.
///
/// Adding a directive is one file with a type conforming to this protocol plus one line in
/// ``DirectiveRegistry/standard``. ``DirectiveTyper`` checks the block against `spec` (so the
/// initializer sees only well-formed, typed options), then the evaluator calls `prepare` on every
/// directive in lesson order, then `evaluate`:
///
///     struct ShoutDirective: DirectiveKind {
///         static let spec = DirectiveSpec("shout", argument: .expression(example: "name"))
///         let value: ParsedExpression
///         init?(_ input: DirectiveInput, problems: inout [SourceError]) {
///             guard let value = input.expression else { return nil }
///             self.value = value
///         }
///         func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
///             guard let v = context.evaluate(value) else { return .nothing }
///             return .html("<p class=\"shout\">" + HTMLEscaping.escape(v.printed.uppercased()) + "</p>\n")
///         }
///     }
public protocol DirectiveKind: Sendable {
    static var spec: DirectiveSpec { get }

    /// The typed directive from checked input; problems the spec cannot express go to `problems`.
    /// nil leaves the directive out of evaluation (it renders nothing; the build fails anyway).
    init?(_ input: DirectiveInput, problems: inout [SourceError])

    /// Runs before any directive is evaluated, in lesson order: `{eval}` fills the scope here.
    func prepare(in context: DirectiveContext)

    /// What the directive renders as, evaluated against the finished scope.
    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block
}

extension DirectiveKind {
    public func prepare(in context: DirectiveContext) {}
}

/// A directive block checked against its kind's spec: the typed argument, options and body.
public struct DirectiveInput: Sendable {
    /// The block as the parser read it (locations, raw body).
    public let syntax: Directive
    /// The argument, when the spec takes an expression.
    public let expression: ParsedExpression?
    /// The argument, when the spec takes a word (trimmed, non-empty).
    public let word: String?
    public let options: DirectiveOptions
    /// The body split at `{{ }}`, when the spec's body is a template.
    public let template: TextTemplate?
}

/// Text with `{{ }}` holes, as in `{listing}` and `{output}` bodies.
public enum BodyPiece: Sendable, Equatable {
    case text(String)
    case expression(InlineExpression)
}

/// One statement of an `{eval}` block.
///
///     let pooled = maxPool2d(feature_map, size: 2)
///     assert(pooled.values.shape == (1, 1), "pooling halves each side")
enum Statement: Sendable {
    /// `let name = value`.
    case binding(name: String, nameRange: Range<Int>, value: Expr)
    /// `assert(condition)` or `assert(condition, message)`.
    case assertion(condition: Expr, message: Expr?)
    /// A bare expression; only the test harness runs these (an `{eval}` block rejects them).
    case expression(Expr)
    /// A statement that did not parse; `poisons` is the name its `let` would have bound.
    case invalid(ExpressionFailure, poisons: (name: String, range: Range<Int>)?)
}

/// A problem in a `{math}` formula, located by its UTF-8 byte offset into the TeX source
/// so the evaluator can turn it into a `path:line:column` diagnostic.
///
///     // "\\frac{a}{b" -> MathError(message: "missing '}' to close this '{'", offset: 9)
public struct MathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, written for a lesson author.
    public var message: String
    /// UTF-8 byte offset into the TeX source where the problem starts.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at byte \(offset))" }
}

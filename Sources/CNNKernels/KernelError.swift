/// A failure a lesson author can cause: a bad shape, an out-of-range argument, a size
/// that is too large to compute safely. The message is written for the author and
/// printed as is after `PATH:LINE:COL: error:`.
///
///     throw KernelError("kernel 5×5 exceeds the padded 2×2 input")
public struct KernelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The human-readable message, without location or severity.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

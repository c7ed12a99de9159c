/// A failure inside the expression language, located by byte offsets in the source text.
/// The interpreter turns it into a public `EvaluationError` with the lesson location.
struct ExpressionFailure: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// An ordinary mistake: reported, and catchable by `attempt(...)`.
        case error
        /// A use of a name whose definition failed: suppressed by the build, never caught.
        case cascade
        /// An evaluation limit was reached: reported, never caught by `attempt(...)`.
        case limit
    }

    var message: String
    var range: Range<Int>
    var kind: Kind
    /// Set when the failure happened inside a function defined in another block or file: the
    /// error already located there (a function's failures point into its own definition).
    var resolved: EvaluationError?

    init(_ message: String, at range: Range<Int>, kind: Kind = .error) {
        self.message = message
        self.range = range
        self.kind = kind
    }
}

/// Runs a kernel call, turning its `KernelError` into a failure at `range` with the message unchanged.
func kernelCall<T>(at range: Range<Int>, _ body: () throws(KernelError) -> T) throws(ExpressionFailure) -> T {
    do {
        return try body()
    } catch {
        throw ExpressionFailure(error.message, at: range)
    }
}

import CNNKernels

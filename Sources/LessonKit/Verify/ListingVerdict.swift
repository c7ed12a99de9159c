/// What `verify` found for one `{listing} python` with an `{output}` after it.
public struct ListingVerdict: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The listing printed exactly its output block.
        case passed
        /// It printed something else; `diff` is a unified diff from the output block to what it printed.
        case differs(diff: String)
        /// It exited with an error; `traceback` is its stderr (temporary paths removed).
        case raised(traceback: String)
        /// It imports a module that is not installed (`ModuleNotFoundError`).
        case skipped(module: String)
        /// It was still running after `seconds` and was killed.
        case timedOut(seconds: Double)
        /// It printed more than `limit` bytes and was killed.
        case outputTooLarge(limit: Int)
        /// The interpreter could not be found; `message` says which.
        case interpreterMissing(message: String)
    }

    /// The listing's opening fence.
    public var location: SourceLocation
    public var outcome: Outcome

    public init(location: SourceLocation, outcome: Outcome) {
        self.location = location
        self.outcome = outcome
    }

    /// Whether this verdict fails the run: anything but a pass, except a skip unless `strict`.
    public func isFailure(strict: Bool) -> Bool {
        switch outcome {
        case .passed: false
        case .skipped: strict
        default: true
        }
    }
}

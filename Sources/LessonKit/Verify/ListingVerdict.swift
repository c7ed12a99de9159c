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
    /// For a listing that raised: the lesson line of the innermost `listing.py` frame of the traceback.
    public var raisedAt: SourceLocation?

    public init(location: SourceLocation, outcome: Outcome, raisedAt: SourceLocation? = nil) {
        self.location = location
        self.outcome = outcome
        self.raisedAt = raisedAt
    }

    /// The lesson line of the last `File "listing.py", line N` frame in `traceback`, through
    /// `lines` (the lesson location of each line of the listing as run).
    ///
    ///     // traceback: File "listing.py", line 3, in <module>  → lines[2]
    static func raiseLocation(in traceback: String, lines: [SourceLocation]) -> SourceLocation? {
        let marker = "File \"listing.py\", line "
        var found: Int?
        var rest = Substring(traceback)
        while let range = rest.range(of: marker) {
            rest = rest[range.upperBound...]
            found = Int(rest.prefix { $0.isNumber })
        }
        guard let line = found, line >= 1, line <= lines.count else { return nil }
        return lines[line - 1]
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

/// A failure while evaluating lesson code, located in the lesson source.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// Where the offending source text ends (exclusive); `location` when only a point is known.
    public var end: SourceLocation
    /// True when this failure only repeats an earlier one (a use of a name whose `let` failed):
    /// the build does not report it again.
    public var isCascade: Bool

    public init(_ message: String, at location: SourceLocation, end: SourceLocation? = nil, isCascade: Bool = false) {
        self.message = message
        self.location = location
        self.end = max(end ?? location, location)
        self.isCascade = isCascade
    }

    public var description: String { "\(location): \(message)" }
}

extension EvaluationError: DiagnosticConvertible {
    public func diagnostic(path: String) -> Diagnostic? {
        isCascade ? nil : Diagnostic(.error, path: path, range: location..<end, message)
    }
}

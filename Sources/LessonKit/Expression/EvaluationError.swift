/// A failure while evaluating lesson code, located in the lesson source.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// Where the offending source text ends (exclusive); `location` when only a point is known.
    public var end: SourceLocation
    /// True when this failure only repeats an earlier one (a use of a name whose `let` failed):
    /// the build does not report it again.
    public var isCascade: Bool
    /// The file the location is in when it is not the lesson being built (an imported file).
    public var path: String?
    /// Further locations that explain the error (the `import` line of a failing imported file).
    public var notes: [Note] = []

    /// A note attached to an error: `PATH:LINE:COL: note: message`.
    public struct Note: Sendable, Equatable {
        public var path: String?
        public var location: SourceLocation
        public var message: String
        public init(path: String?, location: SourceLocation, message: String) {
            self.path = path
            self.location = location
            self.message = message
        }
    }

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
        guard !isCascade else { return nil }
        return Diagnostic(.error, path: self.path ?? path, range: location..<end, message,
                          notes: notes.map { Diagnostic.Note(path: $0.path ?? path, at: $0.location, $0.message) })
    }
}

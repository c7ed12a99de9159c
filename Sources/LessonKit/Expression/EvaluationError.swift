/// A failure while evaluating lesson code, located in the lesson source.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    /// True when this failure only repeats an earlier one (a use of a name whose `let` failed):
    /// the build does not report it again.
    public var isCascade: Bool

    public init(_ message: String, at location: SourceLocation, isCascade: Bool = false) {
        self.message = message
        self.location = location
        self.isCascade = isCascade
    }

    public var description: String { "\(location): \(message)" }
}

/// Maps a UTF-8 byte offset in a piece of source text to its location in the lesson file.
public typealias Locator = (Int) -> SourceLocation

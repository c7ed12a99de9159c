/// A problem at one place in a source file, found before any code runs (a malformed option
/// line, an unterminated `{{`, bad front matter). Later phases have their own error types
/// (``EvaluationError``, `MathError`); all of them become a ``Diagnostic`` at one boundary.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(message)" }
}

extension SourceError: DiagnosticConvertible {
    public func diagnostic(path: String) -> Diagnostic? {
        Diagnostic(.error, path: path, at: location, message)
    }
}

/// Maps a UTF-8 byte offset in a piece of source text to its location in the lesson file.
public typealias Locator = (Int) -> SourceLocation

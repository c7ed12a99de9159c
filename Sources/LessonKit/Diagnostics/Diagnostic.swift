/// One problem found in a lesson, printed as `PATH:LINE:COL: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    /// The lesson file as given on the command line.
    public var path: String
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, path: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

/// Collects the diagnostics of one build; passed down the pipeline instead of global state.
public final class DiagnosticEngine: @unchecked Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func error(path: String, at location: SourceLocation, _ message: String) {
        emit(Diagnostic(.error, path: path, at: location, message))
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// How many errors have been emitted so far.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }

    /// The diagnostics sorted by file, then position, for stable output.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.path, a.element.location, a.offset) < (b.element.path, b.element.location, b.offset)
        }.map(\.element)
    }
}

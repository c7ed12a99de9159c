/// One problem found in a lesson (or a file it reads), printed as `PATH:LINE:COL: error: message`,
/// followed by its notes:
///
///     cnn.md:12:7: error: unknown name 'kernal'; did you mean 'kernel'?
///     _shared.md:3:1: note: imported here
///
/// Every phase reports through this one type: each phase's own error converts to it at one
/// boundary (``DiagnosticConvertible``), so locations, ranges and wording are printed alike.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    /// A secondary location that explains the diagnostic ("defined here", "imported here").
    public struct Note: Sendable, Equatable {
        public var path: String
        public var location: SourceLocation
        public var message: String
        public init(path: String, at location: SourceLocation, _ message: String) {
            self.path = path
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    /// The file as given on the command line.
    public var path: String
    /// What the diagnostic is about: `range.lowerBound` is where it is printed; the upper bound
    /// (exclusive) lets a preview underline the whole expression.
    public var range: Range<SourceLocation>
    public var message: String
    public var notes: [Note]

    public init(_ severity: Severity = .error, path: String, at location: SourceLocation, _ message: String,
                notes: [Note] = []) {
        self.init(severity, path: path, range: location..<location, message, notes: notes)
    }

    public init(_ severity: Severity = .error, path: String, range: Range<SourceLocation>, _ message: String,
                notes: [Note] = []) {
        self.severity = severity
        self.path = path
        self.range = range
        self.message = message
        self.notes = notes
    }

    /// Where the diagnostic is printed: the start of its range.
    public var location: SourceLocation { range.lowerBound }

    /// The first line as printed: `PATH:LINE:COL: error: message` (notes are separate lines; see
    /// ``DiagnosticPrinter``).
    public var description: String {
        "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

/// An error of one phase (expression evaluation, TeX, a kernel) that knows how to become a
/// ``Diagnostic``: the one boundary where phase errors meet the report.
public protocol DiagnosticConvertible {
    /// The diagnostic for this error in the file at `path`; nil when it only repeats an earlier
    /// report (a cascade) and must not be printed again.
    func diagnostic(path: String) -> Diagnostic?
}

/// Collects the diagnostics of one build; passed down the pipeline instead of global state.
public final class DiagnosticEngine: @unchecked Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// Records `diagnostic`, unless the same message was already reported at the same place (a
    /// mistake in a function body reached by several calls is reported once).
    public func emit(_ diagnostic: Diagnostic) {
        let key = "\(diagnostic.severity.rawValue) \(diagnostic.path) \(diagnostic.location) \(diagnostic.message)"
        guard reported.insert(key).inserted else { return }
        diagnostics.append(diagnostic)
    }

    /// Severity, path, location and message of every diagnostic so far.
    private var reported: Set<String> = []

    public func error(path: String, at location: SourceLocation, _ message: String) {
        emit(Diagnostic(.error, path: path, at: location, message))
    }

    /// Reports a phase error through its conversion; cascades are dropped.
    public func report(_ error: some DiagnosticConvertible, path: String) {
        if let diagnostic = error.diagnostic(path: path) { emit(diagnostic) }
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

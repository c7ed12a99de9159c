import Foundation

/// The result of `verify` over some lessons, as text for people (`PATH:LINE:COL: error: …` at each
/// listing, then its diff or traceback, then a summary line) or as JSON for CI.
///
/// Example (text):
///
///     lessons/cnn.md:88:1: error: listing output differs
///     --- expected
///     +++ actual
///     @@ -1,2 +1,2 @@
///     -[[0.852 0.789]
///     +[[0.852 0.788]
///      [0.817 0.874]]
///     verify: 10 listings in 1 lesson: 9 passed, 1 differs
public struct VerifyReport: Sendable, Equatable {
    public struct Lesson: Sendable, Equatable {
        public var path: String
        /// Problems evaluating the lesson (when it has errors, its listings were not run).
        public var diagnostics: [Diagnostic]
        public var verdicts: [ListingVerdict]

        public init(path: String, diagnostics: [Diagnostic] = [], verdicts: [ListingVerdict]) {
            self.path = path
            self.diagnostics = diagnostics
            self.verdicts = verdicts
        }

        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var lessons: [Lesson]
    /// Whether skipped listings count as failures.
    public var strict: Bool

    public init(lessons: [Lesson], strict: Bool) {
        self.lessons = lessons
        self.strict = strict
    }

    /// True when any listing differs, raises, times out, prints too much or could not run, when a
    /// lesson has errors, or (with `strict`) when a listing was skipped. The exit status is 1 then.
    public var failed: Bool {
        lessons.contains { lesson in lesson.hasErrors || lesson.verdicts.contains { $0.isFailure(strict: strict) } }
    }

    /// The diagnostic line for one verdict, nil for a pass.
    public func diagnostic(for verdict: ListingVerdict, in path: String) -> Diagnostic? {
        let (severity, message): (Diagnostic.Severity, String)
        switch verdict.outcome {
        case .passed: return nil
        case .differs: (severity, message) = (.error, "listing output differs")
        case .raised: (severity, message) = (.error, "listing raised an exception")
        case let .skipped(module):
            (severity, message) = strict
                ? (.error, "listing skipped: module '\(module)' is not installed (--strict)")
                : (.warning, "listing skipped: module '\(module)' is not installed")
        case let .timedOut(seconds):
            (severity, message) = (.error, "listing still running after \(Self.seconds(seconds)) s; stopped")
        case let .outputTooLarge(limit):
            (severity, message) = (.error, "listing printed more than \(limit) bytes; stopped")
        case let .interpreterMissing(text): (severity, message) = (.error, text)
        }
        return Diagnostic(severity, path: path, at: verdict.location, message)
    }

    /// `30` for whole seconds, `1.5` otherwise.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    public var text: String {
        var out = ""
        for lesson in lessons {
            for diagnostic in lesson.diagnostics { out += "\(diagnostic)\n" }
            for verdict in lesson.verdicts {
                guard let diagnostic = diagnostic(for: verdict, in: lesson.path) else { continue }
                out += "\(diagnostic)\n"
                switch verdict.outcome {
                case let .differs(diff): out += diff
                case let .raised(traceback):
                    out += traceback
                    if let line = verdict.raisedAt {
                        out += "\(Diagnostic(.note, path: lesson.path, at: line, "the exception was raised by this line"))\n"
                    }
                default: break
                }
            }
        }
        return out + summary + "\n"
    }

    /// `verify: 10 listings in 1 lesson: 9 passed, 1 skipped`.
    public var summary: String {
        let counts = Counts(self)
        let listingCount = lessons.reduce(0) { $0 + $1.verdicts.count }
        var parts = ["\(counts.passed) passed"]
        for (count, label) in [(counts.differs, "differ" + (counts.differs == 1 ? "s" : "")),
                               (counts.raised, "raised"), (counts.skipped, "skipped"),
                               (counts.timedOut, "timed out"), (counts.outputTooLarge, "printed too much"),
                               (counts.interpreterMissing, "not run")] where count > 0 {
            parts.append("\(count) \(label)")
        }
        if counts.lessonErrors > 0 {
            parts.append("\(counts.lessonErrors) lesson\(counts.lessonErrors == 1 ? "" : "s") with errors")
        }
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "verify: \(plural(listingCount, "listing")) in \(plural(lessons.count, "lesson")): "
            + parts.joined(separator: ", ")
    }

    struct Counts: Codable, Equatable {
        var listings = 0, passed = 0, differs = 0, raised = 0, skipped = 0, timedOut = 0
        var outputTooLarge = 0, interpreterMissing = 0, lessonErrors = 0

        init(_ report: VerifyReport) {
            for lesson in report.lessons {
                if lesson.hasErrors { lessonErrors += 1 }
                for verdict in lesson.verdicts {
                    listings += 1
                    switch verdict.outcome {
                    case .passed: passed += 1
                    case .differs: differs += 1
                    case .raised: raised += 1
                    case .skipped: skipped += 1
                    case .timedOut: timedOut += 1
                    case .outputTooLarge: outputTooLarge += 1
                    case .interpreterMissing: interpreterMissing += 1
                    }
                }
            }
        }
    }
}

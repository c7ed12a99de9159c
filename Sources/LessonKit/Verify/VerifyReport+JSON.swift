import Foundation

/// `verify --json`: one object with `ok`, `strict`, `summary` counts and, per lesson, its `errors`
/// and one entry per checked listing (`line`, `column`, `status` and the status's detail:
/// `diff`, `traceback`, `module`, `seconds`, `limit` or `message`). Keys sorted, so the bytes are stable.
extension VerifyReport {
    struct JSONListing: Codable, Equatable {
        var line: Int
        var column: Int
        /// `passed`, `differs`, `raised`, `skipped`, `timedOut`, `outputTooLarge`, `interpreterMissing`.
        var status: String
        var diff: String?
        var traceback: String?
        var module: String?
        var seconds: Double?
        var limit: Int?
        var message: String?
    }

    struct JSONError: Codable, Equatable {
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    struct JSONLesson: Codable, Equatable {
        var path: String
        var errors: [JSONError]
        var listings: [JSONListing]
    }

    struct JSONDocument: Codable, Equatable {
        var ok: Bool
        var strict: Bool
        var summary: Counts
        var lessons: [JSONLesson]
    }

    var jsonDocument: JSONDocument {
        JSONDocument(ok: !failed, strict: strict, summary: Counts(self), lessons: lessons.map { lesson in
            JSONLesson(path: lesson.path,
                       errors: lesson.diagnostics.map {
                           JSONError(line: $0.location.line, column: $0.location.column,
                                     severity: $0.severity.rawValue, message: $0.message)
                       },
                       listings: lesson.verdicts.map(Self.jsonListing))
        })
    }

    static func jsonListing(_ verdict: ListingVerdict) -> JSONListing {
        var entry = JSONListing(line: verdict.location.line, column: verdict.location.column, status: "passed")
        switch verdict.outcome {
        case .passed: break
        case let .differs(diff): (entry.status, entry.diff) = ("differs", diff)
        case let .raised(traceback): (entry.status, entry.traceback) = ("raised", traceback)
        case let .skipped(module): (entry.status, entry.module) = ("skipped", module)
        case let .timedOut(seconds): (entry.status, entry.seconds) = ("timedOut", seconds)
        case let .outputTooLarge(limit): (entry.status, entry.limit) = ("outputTooLarge", limit)
        case let .interpreterMissing(message): (entry.status, entry.message) = ("interpreterMissing", message)
        }
        return entry
    }

    /// The report as pretty-printed JSON with sorted keys, ending in a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(jsonDocument) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

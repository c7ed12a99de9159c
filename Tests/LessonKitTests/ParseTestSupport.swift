import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Helpers shared by the Parse* and CommonMark* tests.
enum ParseTestSupport {
    /// `Tests/LessonKitTests/` on disk.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Parses `source` as a lesson and returns the lesson and the diagnostics (sorted).
    static func parse(_ source: String, path: String = "t.md") -> (ParsedLesson?, [Diagnostic]) {
        let engine = DiagnosticEngine()
        let lesson = LessonParser.parse(path: path, source: source, directives: DirectiveRegistry.standard.names,
                                        diagnostics: engine)
        return (lesson, engine.sorted)
    }

    /// The template with every hole filled by a visible token: `[[e0]]`, `[[d0]]`.
    static func joined(_ pieces: [TemplatePiece]) -> String {
        pieces.map { piece in
            switch piece {
            case .html(let html): html
            case .expression(let index): "[[e\(index)]]"
            case .directive(let index): "[[d\(index)]]"
            case .reference(let index): "[[r\(index)]]"
            }
        }.joined()
    }

    /// The 1-based line and byte column of the `occurrence`-th (0-based) `needle` in `source`,
    /// found by plain text search: an oracle independent of the parser.
    static func location(of needle: String, in source: String, occurrence: Int = 0) -> LessonKit.SourceLocation? {
        let bytes = Array(source.utf8)
        let target = Array(needle.utf8)
        var seen = 0
        var index = 0
        while index + target.count <= bytes.count {
            if Array(bytes[index..<(index + target.count)]) == target {
                if seen == occurrence {
                    let before = bytes[..<index]
                    let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
                    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                    return LessonKit.SourceLocation(line: line, column: index - lineStart + 1)
                }
                seen += 1
            }
            index += 1
        }
        return nil
    }
}

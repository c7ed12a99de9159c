import Foundation
import LessonKit

/// A diagnostic as a compiler prints it: the `PATH:LINE:COL: error: message` line, then the
/// source line and a caret under the column.
///
///     lessons/cnn.md:12:17: error: unknown name `sise`
///        12 | A {{ sise }}-pixel row
///           |      ^
///
/// Columns count UTF-8 bytes; the caret is placed under the character that starts at that byte
/// (tabs in the source are kept in the caret line so that it lines up). Without a readable line
/// only the first line is given.
enum ErrorExcerpt {
    static func text(_ diagnostic: Diagnostic, lines: [String]?) -> String {
        let line = diagnostic.location.line
        guard let lines, line >= 1, line <= lines.count else { return diagnostic.description }
        let source = lines[line - 1].replacingOccurrences(of: "\r", with: "")
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let before = Array(source.utf8.prefix(max(diagnostic.location.column - 1, 0)))
        let pad = String(decoding: before, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(diagnostic.description)\n \(number) | \(source)\n \(gutter) | \(pad)^"
    }

    /// The lines of the file at `path`, nil when it cannot be read.
    static func lines(ofFile path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Prints diagnostics the one way every command and the preview show them.
///
///     cnn.md:12:7: error: unknown name 'kernal'; did you mean 'kernel'?
///        12 | let response = conv2d(patch, kernal)
///           |                              ^~~~~~
///     _shared.md:3:1: note: imported here
///
/// The source excerpt is optional (the build prints one line per diagnostic, as compilers do
/// with `-fno-caret-diagnostics`); `serve` shows it in the page.
public enum DiagnosticPrinter {
    /// The diagnostic and its notes, one per line, each ending in a newline.
    public static func text(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description + "\n"
        for note in diagnostic.notes {
            out += "\(note.path):\(note.location.line):\(note.location.column): note: \(note.message)\n"
        }
        return out
    }

    /// Every diagnostic in `engine`, sorted by file and position.
    public static func text(_ engine: DiagnosticEngine) -> String {
        engine.sorted.map(text).joined()
    }

    /// The source line of `diagnostic` with a caret under its range, or nil when the line is not
    /// in `source` (a diagnostic about another file). Columns are UTF-8 byte columns; the caret
    /// is placed by characters so that it lines up under multi-byte text.
    public static func excerpt(_ diagnostic: Diagnostic, source: String) -> (line: String, caret: String)? {
        let index = LineIndex(source)
        let lineNumber = diagnostic.location.line
        guard lineNumber >= 1, lineNumber <= index.lineCount else { return nil }
        let bytes = Array(source.utf8)
        let lineBytes = Array(bytes[index.range(ofLine: lineNumber - 1)])
        let start = min(max(diagnostic.location.column - 1, 0), lineBytes.count)
        let end = diagnostic.range.upperBound.line == lineNumber
            ? min(max(diagnostic.range.upperBound.column - 1, start + 1), lineBytes.count) : start + 1
        let prefix = String(decoding: lineBytes[..<start], as: UTF8.self)
        let underlined = String(decoding: lineBytes[start..<max(start, min(end, lineBytes.count))], as: UTF8.self)
        let pad = String(prefix.map { $0 == "\t" ? "\t" : " " })
        let marks = "^" + String(repeating: "~", count: max(underlined.count - 1, 0))
        return (String(decoding: lineBytes, as: UTF8.self), pad + marks)
    }
}

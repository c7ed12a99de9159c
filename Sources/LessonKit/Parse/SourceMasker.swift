/// Builds the copy of a source that cmark-gfm parses: every prose expression replaced by a
/// ``PlaceholderMarker``.
///
///     "a {{ x*y }} b"  ->  "a \u{E000}0\u{E001} b"
///
/// An expression that spans lines is collapsed onto its first line, and `lineMap` remembers,
/// for each line of the masked copy, which source line it starts on. (Keeping the newlines
/// after the placeholder instead would turn `{{ a\n}}` at a paragraph's end into a blank
/// line and end the paragraph, or start a list if the next text begins with `- `.)
struct SourceMasker {
    /// The masked text.
    var masked: String
    /// `lineMap[i]` is the 0-based source line where masked line `i` starts.
    var lineMap: [Int]

    /// `matches` must be sorted by offset and not overlap; marker `i` stands for `matches[i]`.
    init(_ bytes: [UInt8], matches: [InlineExpressionScanner.Match]) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var lineMap = [0]
        var sourceLine = 0
        var cursor = 0
        func copy(upTo end: Int) {
            while cursor < end {
                output.append(bytes[cursor])
                if bytes[cursor] == UInt8(ascii: "\n") {
                    sourceLine += 1
                    lineMap.append(sourceLine)
                }
                cursor += 1
            }
        }
        for (index, match) in matches.enumerated() {
            copy(upTo: match.open)
            output.append(contentsOf: PlaceholderMarker.expression(index).utf8)
            sourceLine += bytes[match.open..<match.end].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            cursor = match.end
        }
        copy(upTo: bytes.count)
        self.masked = String(decoding: output, as: UTF8.self)
        self.lineMap = lineMap
    }

    /// The source line (0-based) of masked line `line` (0-based).
    func sourceLine(_ line: Int) -> Int {
        guard !lineMap.isEmpty else { return line }
        return line < lineMap.count ? lineMap[line] : (lineMap[lineMap.count - 1] + line - lineMap.count + 1)
    }
}

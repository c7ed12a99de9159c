/// A text split into lines of UTF-8 bytes, with the lesson-file location of each line's first byte.
///
/// Every scanner in Parse/ works on bytes so that columns are byte columns, as cmark's are.
/// For a whole lesson `origins[i]` is `i+1:1`; for a question body it is where the body's
/// line `i` starts inside the lesson.
///
///     let lines = SourceLines("ab\ncd")
///     lines.location(ofOffset: 4)   // 2:2
struct SourceLines {
    /// The text as bytes.
    let bytes: [UInt8]
    /// Where each line starts, for binary searches by offset.
    let index: LineIndex
    /// Byte offset where each line starts (line 0 starts at 0).
    var lineOffsets: [Int] { index.lineStarts }
    /// Where line `i` starts in the lesson file.
    let origins: [SourceLocation]

    init(_ text: String, origins: [SourceLocation]? = nil) {
        bytes = Array(text.utf8)
        index = LineIndex(bytes: bytes)
        let offsets = index.lineStarts
        let given = origins ?? []
        self.origins = (0..<offsets.count).map { index in
            if index < given.count { return given[index] }
            if let last = given.last { return SourceLocation(line: last.line + index - given.count + 1, column: 1) }
            return SourceLocation(line: index + 1, column: 1)
        }
    }

    var lineCount: Int { lineOffsets.count }

    /// The 0-based line holding byte `offset`.
    func line(ofOffset offset: Int) -> Int {
        index.line(ofOffset: offset)
    }

    /// The lesson-file location of byte `offset`.
    func location(ofOffset offset: Int) -> SourceLocation {
        let line = line(ofOffset: offset)
        return origins[line].advanced(by: offset - lineOffsets[line])
    }

    /// The lesson-file location of a 0-based line and 1-based byte column of this text.
    func location(line: Int, column: Int) -> SourceLocation {
        guard line >= 0, line < origins.count else { return origins.last ?? SourceLocation(line: 1, column: 1) }
        return origins[line].advanced(by: column - 1)
    }

    /// The byte offset of a 0-based line and 1-based byte column, clamped to the text.
    func offset(line: Int, column: Int) -> Int {
        guard line < lineOffsets.count else { return bytes.count }
        return min(lineOffsets[max(line, 0)] + max(column - 1, 0), bytes.count)
    }

    /// Where 0-based line `line` ends (the offset of its newline, or the end of the text).
    func endOffset(ofLine line: Int) -> Int {
        line + 1 < lineOffsets.count ? lineOffsets[line + 1] - 1 : bytes.count
    }

    /// The bytes of 0-based line `line`, without its newline.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 0, line < lineOffsets.count else { return [] }
        return bytes[lineOffsets[line]..<endOffset(ofLine: line)]
    }
}

/// The byte offset where each line of a text starts, built in one pass, so that an offset's
/// line is a binary search: locating n statements in a block costs O(n log n), not O(n²).
///
///     let index = LineIndex("ab\ncd")
///     index.line(ofOffset: 4)    // 1 (0-based)
///     index.range(ofLine: 1)     // 3..<5
public struct LineIndex: Sendable, Equatable {
    /// Byte offset where each line starts (line 0 starts at 0).
    public let lineStarts: [Int]
    /// The text's length in bytes.
    public let byteCount: Int

    public init(_ text: String) {
        self.init(bytes: text.utf8)
    }

    public init(bytes: some Collection<UInt8>) {
        var starts = [0]
        var count = 0
        for byte in bytes {
            count += 1
            if byte == UInt8(ascii: "\n") { starts.append(count) }
        }
        lineStarts = starts
        byteCount = count
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line holding byte `offset` (the last line for offsets past the end).
    public func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The bytes of 0-based line `line`, without its newline.
    public func range(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : byteCount
        return start..<max(start, end)
    }
}

/// Finds CommonMark code spans so that `{{` inside them stays literal.
///
/// CommonMark: a run of *n* backticks opens a code span that the next run of exactly *n*
/// backticks closes (within the same block); without such a run the opener is literal text.
///
///     `a {{ b }}`      one code span: no expression
///     ``a ` b``        one code span (the single backtick is content)
///     `a               no code span: the backtick is literal
enum CodeSpanScanner {
    static let backtick = UInt8(ascii: "`")

    /// The length of the backtick run starting at `start`.
    static func runLength(_ bytes: [UInt8], at start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == backtick { index += 1 }
        return index - start
    }

    /// For a backtick run starting at `start`: the offset just past the code span it opens,
    /// or nil when no closing run of the same length follows before `end`.
    static func codeSpanEnd(_ bytes: [UInt8], openingAt start: Int, end: Int) -> Int? {
        let length = runLength(bytes, at: start, end: end)
        var index = start + length
        while index < end {
            if bytes[index] == backtick {
                let run = runLength(bytes, at: index, end: end)
                if run == length { return index + run }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }
}

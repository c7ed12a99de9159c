/// The recursive part of NumPy's `_formatArray` for one tensor: brackets, separators,
/// wrapping at the line width (a line never wraps before its first element), `...` for
/// summarized runs, and `axesLeft - 1` newlines between sub-blocks.
///
/// `hangingIndent` is the text that starts continuation lines at this depth; each level
/// adds one space (for its `[`) and takes one column off the width (for its `]`).
struct NumPyArrayLayout {
    let tensor: Tensor
    let format: NumPyElementFormat
    let separator: String
    let summarize: Bool
    let strides: [Int]

    init(tensor: Tensor, format: NumPyElementFormat, separator: String, summarize: Bool) {
        self.tensor = tensor
        self.format = format
        self.separator = separator
        self.summarize = summarize
        var strides = [Int](repeating: 1, count: tensor.rank)
        var running = 1
        for axis in stride(from: tensor.rank - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= tensor.shape[axis]
        }
        self.strides = strides
    }

    func recurse(index: [Int], hangingIndent: String, width: Int) -> String {
        let axis = index.count
        let axesLeft = tensor.rank - axis
        if axesLeft == 0 {
            let flat = zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }
            return format(tensor.scalar(at: flat))
        }
        let nextIndent = hangingIndent + " "
        let nextWidth = width - 1
        let length = tensor.shape[axis]
        let edge = NumPyArrayPrinter.edgeItems
        let showSummary = summarize && 2 * edge < length
        let leading = showSummary ? edge : 0
        let trailing = showSummary ? edge : length
        let trimmedSeparator = String(separator.reversed().drop(while: { $0 == " " }).reversed())

        var s = ""
        if axesLeft == 1 {
            let elementWidth = width - max(trimmedSeparator.count, 1)
            var line = hangingIndent
            func extend(_ word: String) {
                var needsWrap = line.count + word.count > elementWidth
                if line.count <= hangingIndent.count { needsWrap = false }
                if needsWrap {
                    s += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
                    line = hangingIndent
                }
                line += word
            }
            for i in 0..<leading {
                extend(recurse(index: index + [i], hangingIndent: nextIndent, width: nextWidth))
                line += separator
            }
            if showSummary {
                extend("...")
                line += separator
            }
            for i in stride(from: trailing, to: 1, by: -1) {
                extend(recurse(index: index + [length - i], hangingIndent: nextIndent, width: nextWidth))
                line += separator
            }
            extend(recurse(index: index + [length - 1], hangingIndent: nextIndent, width: nextWidth))
            s += line
        } else {
            let lineSeparator = trimmedSeparator + String(repeating: "\n", count: axesLeft - 1)
            for i in 0..<leading {
                s += hangingIndent + recurse(index: index + [i], hangingIndent: nextIndent, width: nextWidth) + lineSeparator
            }
            if showSummary {
                s += hangingIndent + "..." + lineSeparator
            }
            for i in stride(from: trailing, to: 1, by: -1) {
                s += hangingIndent + recurse(index: index + [length - i], hangingIndent: nextIndent, width: nextWidth) + lineSeparator
            }
            s += hangingIndent + recurse(index: index + [length - 1], hangingIndent: nextIndent, width: nextWidth)
        }
        return "[" + s.dropFirst(hangingIndent.count) + "]"
    }
}

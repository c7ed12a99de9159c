/// NumPy's `str(array)` and `repr(array)` with the default print options
/// (`np.array2string` / `_formatArray` in numpy/_core/arrayprint.py): linewidth 75,
/// threshold 1000 with 3 edge items, `...` for skipped runs, one blank line between
/// blocks per extra axis, continuation lines indented under the first element.
///
///     NumPyArrayPrinter.str(Tensor(shape: [2, 2], doubles: [0.852, 0.789, 0.817, 0.874]))
///     // [[0.852 0.789]
///     //  [0.817 0.874]]
///     NumPyArrayPrinter.repr(Tensor(shape: [2], doubles: [1, 2.5]))   // "array([1. , 2.5])"
enum NumPyArrayPrinter {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    /// `str(a)`: a 0-d array prints as its scalar, an empty one as `[]`.
    static func str(_ tensor: Tensor) -> String {
        if tensor.rank == 0, tensor.count == 1 {
            switch tensor.scalar(at: 0) {
            case .bool(let flag): return flag ? "True" : "False"
            case .int(let value): return String(value)
            case .float(let value): return PythonFloatText.repr(value)
            }
        }
        if tensor.count == 0 { return "[]" }
        return array2string(tensor, separator: " ", prefix: "", lineWidth: lineWidth)
    }

    /// `repr(a)`: `array(...)`, with `dtype=` / `shape=` where the text does not imply them.
    static func repr(_ tensor: Tensor) -> String {
        let prefix = "array("
        let body = tensor.count == 0
            ? "[]" : array2string(tensor, separator: ", ", prefix: prefix, lineWidth: lineWidth - 1)
        var extras: [String] = []
        if (tensor.count == 0 && tensor.shape != [0]) || tensor.count > threshold {
            extras.append("shape=" + shapeText(tensor.shape))
        }
        if tensor.count == 0 { extras.append("dtype=" + tensor.dtype.rawValue) }
        if extras.isEmpty { return prefix + body + ")" }
        let text = prefix + body + ","
        let extraText = extras.joined(separator: ", ") + ")"
        let lastLine = text.utf8.count - ((text.utf8.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }) ?? -1) - 1
        let spacer = lastLine + extraText.utf8.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return text + spacer + extraText
    }

    private static func array2string(_ tensor: Tensor, separator: String, prefix: String, lineWidth: Int) -> String {
        let summarize = tensor.count > threshold
        let shown = summarize ? cornerElements(tensor) : tensor.storage
        let format = NumPyElementFormat(values: shown, rank: tensor.rank)
        let layout = NumPyArrayLayout(
            tensor: tensor, format: format, separator: separator, summarize: summarize)
        return layout.recurse(index: [], hangingIndent: " " + String(repeating: " ", count: prefix.count), width: lineWidth)
    }

    /// NumPy's `_leading_trailing`: the elements left after cutting every long axis to its
    /// first and last `edgeItems`, in row-major order.
    private static func cornerElements(_ tensor: Tensor) -> Tensor.Storage {
        var flat: [Int] = [0]
        var stride = tensor.count
        for extent in tensor.shape {
            stride = extent == 0 ? 0 : stride / extent
            let kept = extent > 2 * edgeItems ? Array(0..<edgeItems) + Array((extent - edgeItems)..<extent) : Array(0..<extent)
            flat = flat.flatMap { base in kept.map { base + $0 * stride } }
        }
        switch tensor.storage {
        case .bool(let v): return .bool(flat.map { v[$0] })
        case .int64(let v): return .int64(flat.map { v[$0] })
        case .float64(let v): return .float64(flat.map { v[$0] })
        }
    }
}

/// NumPy's per-dtype element formatters (`FloatingFormat`, `IntegerFormat`, `BoolFormat`
/// in numpy/_core/arrayprint.py) with the default print options: precision 8,
/// floatmode `'maxprec'`, `suppress=False`, sign `'-'`.
///
/// Each is built from all the elements that will be shown, so every element gets the
/// same width and the decimal points line up:
///
///     [ 1.024 -0.687]     [1.e-05 1.e+00]     [ True False]     [  1 -20]
struct NumPyElementFormat {
    private enum Kind {
        case bool(trueText: String)
        case int(width: Int)
        case float(FloatLayout)
    }

    /// FloatingFormat's state after `fillFormat`.
    private struct FloatLayout {
        var exponential = false
        var precision = 8
        var minDigits = -1
        var trim = NumPyFloatText.Trim.dot
        var padLeft = 0
        var padRight = 0
        var exponentSize = -1
    }

    private let kind: Kind

    /// A formatter for `values` (the elements to be printed) of a tensor of `rank` axes.
    init(values: Tensor.Storage, rank: Int) {
        switch values {
        case .bool:
            kind = .bool(trueText: rank == 0 ? "True" : " True")
        case .int64(let ints):
            var width = 0
            if let maxValue = ints.max(), let minValue = ints.min() {
                width = max(String(maxValue).count, String(minValue).count)
            }
            kind = .int(width: width)
        case .float64(let doubles):
            kind = .float(Self.fillFormat(doubles))
        }
    }

    /// The padded text of one element.
    func callAsFunction(_ scalar: Scalar) -> String {
        switch (kind, scalar) {
        case (.bool(let trueText), .bool(let flag)):
            return flag ? trueText : "False"
        case (.int(let width), .int(let value)):
            let text = String(value)
            return String(repeating: " ", count: max(0, width - text.count)) + text
        case (.float(let layout), .float(let x)):
            return Self.format(x, layout)
        default:
            return scalar.double.description
        }
    }

    private static func fillFormat(_ data: [Double]) -> FloatLayout {
        var layout = FloatLayout()
        let finite = data.filter { $0.isFinite }
        let nonZero = finite.filter { $0 != 0 }.map { abs($0) }
        if let maxValue = nonZero.max(), let minValue = nonZero.min() {
            if maxValue >= 1e8 || minValue < 0.0001 || maxValue / minValue > 1000 {
                layout.exponential = true
            }
        }
        if finite.isEmpty {
            layout.padLeft = 0
            layout.padRight = 0
            layout.trim = .dot
            layout.exponentSize = -1
            layout.minDigits = -1
        } else if layout.exponential {
            var intWidth = 0, fracWidth = 0, expWidth = 0
            for x in finite {
                let text = NumPyFloatText.scientific(x, precision: 8, trim: .dot)
                let parts = text.split(separator: "e", omittingEmptySubsequences: false)
                let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
                intWidth = max(intWidth, mantissa[0].count)
                fracWidth = max(fracWidth, mantissa.count > 1 ? mantissa[1].count : 0)
                expWidth = max(expWidth, parts.count > 1 ? parts[1].count : 0)
            }
            layout.exponentSize = expWidth - 1
            layout.trim = .keep
            layout.precision = fracWidth
            layout.minDigits = fracWidth
            layout.padLeft = intWidth
            layout.padRight = layout.exponentSize + 2 + layout.precision
        } else {
            var intWidth = 0, fracWidth = 0
            for x in finite {
                let text = NumPyFloatText.positional(x, precision: 8, trim: .dot)
                let parts = text.split(separator: ".", omittingEmptySubsequences: false)
                intWidth = max(intWidth, parts[0].count)
                fracWidth = max(fracWidth, parts.count > 1 ? parts[1].count : 0)
            }
            layout.padLeft = intWidth
            layout.padRight = fracWidth
            layout.exponentSize = -1
            layout.trim = .dot
            layout.minDigits = 0
        }
        if finite.count != data.count {
            let negativeInfinity = data.contains { $0.isInfinite && $0 < 0 }
            let offset = layout.padRight + 1
            layout.padLeft = max(layout.padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
        return layout
    }

    private static func format(_ x: Double, _ layout: FloatLayout) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: max(0, layout.padLeft + layout.padRight + 1 - text.count)) + text
        }
        if layout.exponential {
            return NumPyFloatText.scientific(
                x, precision: layout.precision, minDigits: layout.minDigits, trim: layout.trim,
                padLeft: layout.padLeft, exponentDigits: layout.exponentSize)
        }
        return NumPyFloatText.positional(
            x, precision: layout.precision, minDigits: layout.minDigits, trim: layout.trim,
            padLeft: layout.padLeft, padRight: layout.padRight)
    }
}

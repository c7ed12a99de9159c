import CNNKernels
import PythonPrinting
import RasterIO

/// Builds figure values from the arguments of one builtin call, checking every argument and
/// failing at the offending one: wrong rank, empty tensors, min ≥ max, unknown colormaps,
/// marks and outlines outside the figure, mismatched label counts.
struct FigureBuilder {
    let call: Call

    init(_ call: Call) { self.call = call }

    // MARK: - heatmap

    /// `heatmap(x, colormap: "gray", min:, max:, annotate: false, format: ".2f")`.
    func heatmap() throws(ExpressionFailure) -> Figure {
        let x = try call.tensor(0)
        guard x.rank == 2 else {
            throw ExpressionFailure("heatmap needs a 2-D tensor, got \(Value.tensor(x).typeDescription)", at: call.range(0))
        }
        try checkNotEmpty(x, "heatmap")
        guard x.count <= FigureLimits.maxHeatmapCells else {
            throw ExpressionFailure(
                "a heatmap shows at most \(FigureLimits.maxHeatmapCells) cells; this tensor has \(x.count) (slice it, or draw it with image(x))",
                at: call.range(0))
        }
        let name = try call.optionalString(1) ?? "gray"
        guard let colormap = Colormap(rawValue: name) else {
            throw ExpressionFailure(
                "unknown colormap \"\(name)\"; known colormaps: \(Colormap.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))",
                at: call.range(1))
        }
        let values = x.doubles
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ExpressionFailure("a heatmap needs finite values; element \(bad) is \(Value(x.scalar(at: bad)).printed)", at: call.range(0))
        }
        let dataMin = values.min() ?? 0, dataMax = values.max() ?? 0
        let symmetric = Swift.max(abs(dataMin), abs(dataMax))
        let low = call.values[2] == nil ? (colormap == .diverging ? -symmetric : dataMin) : try call.double(2, default: 0)
        let high = call.values[3] == nil ? (colormap == .diverging ? symmetric : dataMax) : try call.double(3, default: 0)
        if call.values[2] != nil || call.values[3] != nil {
            guard low < high else {
                throw ExpressionFailure("heatmap min (\(Value.double(low).printed)) must be less than max (\(Value.double(high).printed))",
                                        at: call.range(call.values[2] != nil ? 2 : 3))
            }
        }
        let annotate = try call.bool(4, default: false)
        let format = try call.optionalString(5) ?? ".2f"
        try checkFormattedSize(x.count, format: format, limit: call.limits.maxStringLength, at: call.range(5))
        var reprs: [String] = [], texts: [String] = []
        reprs.reserveCapacity(x.count)
        texts.reserveCapacity(x.count)
        for index in 0..<x.count {
            let element = Value(x.scalar(at: index))
            reprs.append(element.pyObject.repr)
            do throws(KernelError) {
                texts.append(try element.formatted(format))
            } catch {
                throw ExpressionFailure(error.message, at: call.range(5))
            }
        }
        return Figure(.heatmap(Heatmap(rows: x.shape[0], columns: x.shape[1], values: values, reprs: reprs, texts: texts,
                                       colormap: colormap, min: low, max: high, annotate: annotate)))
    }

    // MARK: - image

    /// `image(x)`: `[H, W]` gray or `[3, H, W]` RGB; floats become
    /// `np.clip(np.round(x * 255), 0, 255).astype(np.uint8)`, int64 values must lie in 0…255.
    func image() throws(ExpressionFailure) -> Figure {
        let x = try call.tensor(0)
        let isRGB = x.rank == 3 && x.shape[0] == 3
        guard x.rank == 2 || isRGB else {
            throw ExpressionFailure("image needs an [H, W] (gray) or [3, H, W] (RGB) tensor, got \(Value.tensor(x).typeDescription)",
                                    at: call.range(0))
        }
        try checkNotEmpty(x, "image")
        let height = x.shape[x.rank - 2], width = x.shape[x.rank - 1]
        guard height * width <= FigureLimits.maxImagePixels, height <= 1 << 15, width <= 1 << 15 else {
            throw ExpressionFailure("an image shows at most \(FigureLimits.maxImagePixels) pixels; this one has \(height * width)",
                                    at: call.range(0))
        }
        try call.charge(x.count)
        var levels = [UInt8](repeating: 0, count: x.count)
        switch x.storage {
        case .float64(let values):
            if let i = values.firstIndex(where: \.isNaN) {
                throw ExpressionFailure("image values must not be nan (element \(i))", at: call.range(0))
            }
            values.withUnsafeBufferPointer { values in
                levels.withUnsafeMutableBufferPointer { levels in
                    for i in values.indices {
                        levels[i] = UInt8(Swift.min(Swift.max((values[i] * 255).rounded(.toNearestOrEven), 0), 255))
                    }
                }
            }
        case .int64(let values):
            for (i, v) in values.enumerated() {
                guard (0...255).contains(v) else {
                    throw ExpressionFailure("integer image values must lie in 0...255; element \(i) is \(v)", at: call.range(0))
                }
                levels[i] = UInt8(v)
            }
        case .bool:
            throw ExpressionFailure("image needs numbers (floats in [0, 1] or integers in 0...255), got a bool tensor", at: call.range(0))
        }
        var pixels = levels
        if isRGB {
            // Channels first (3, H, W) to interleaved rows (H, W, 3).
            let plane = height * width
            levels.withUnsafeBufferPointer { levels in
                pixels.withUnsafeMutableBufferPointer { pixels in
                    for i in 0..<plane {
                        for channel in 0..<3 { pixels[3 * i + channel] = levels[channel * plane + i] }
                    }
                }
            }
        }
        let raster = Raster(width: width, height: height, channels: isRGB ? 3 : 1, pixels: pixels)
        let png: (bytes: [UInt8], fnv1a: String)
        do throws(RasterError) {
            png = try PNGMemo.shared.encode(raster)
        } catch {
            throw ExpressionFailure("cannot encode the image: \(error.message)", at: call.range)
        }
        let pixelsModel = RasterPixels(width: width, height: height, channels: raster.channels, pixels: pixels)
        return Figure(.image(RasterFigure(raster: pixelsModel, png: png.bytes, fileName: "figure-\(png.fnv1a).png")))
    }

    // MARK: - bars and line

    /// `bars(values, labels:)`: one bar per value, one label per bar.
    func bars() throws(ExpressionFailure) -> Figure {
        let (values, reprs) = try numbers(0, "bars")
        let labels = try strings(1)
        guard labels.count == values.count else {
            throw ExpressionFailure("bars has \(values.count) value\(values.count == 1 ? "" : "s") but \(labels.count) label\(labels.count == 1 ? "" : "s")",
                                    at: call.range(1))
        }
        guard values.count <= FigureLimits.maxBars else {
            throw ExpressionFailure("bars draws at most \(FigureLimits.maxBars) bars; got \(values.count)", at: call.range(0))
        }
        return Figure(.bars(BarChart(values: values, reprs: reprs, labels: labels)))
    }

    /// `line(xs, ys, label:)` or `line(xs, [ys1, ys2], labels: [...])` (a 2-D `ys` is one series per row).
    func line() throws(ExpressionFailure) -> Figure {
        let (xs, xReprs) = try numbers(0, "line")
        guard xs.count <= FigureLimits.maxLinePoints else {
            throw ExpressionFailure("a line chart has at most \(FigureLimits.maxLinePoints) points per series; got \(xs.count)", at: call.range(0))
        }
        let ysValue = try call.value(1)
        var columns: [Value] = []
        switch ysValue {
        case .tensor(let t) where t.rank == 2:
            let width = t.shape[1]
            columns = (0..<t.shape[0]).map { row in
                .tensor(Tensor(shape: [width], doubles: Array(t.doubles[row * width..<(row + 1) * width])))
            }
        case .list(let items) where items.contains(where: \.isSeriesLike):
            columns = items
        default:
            columns = [ysValue]
        }
        guard !columns.isEmpty, columns.count <= FigureLimits.maxSeries else {
            throw ExpressionFailure("line needs 1 to \(FigureLimits.maxSeries) series, got \(columns.count)", at: call.range(1))
        }
        var labels: [String]
        if call.values[3] != nil {
            guard call.values[2] == nil else { throw ExpressionFailure("give either label: or labels:, not both", at: call.range(2)) }
            labels = try strings(3)
            guard labels.count == columns.count else {
                throw ExpressionFailure("line has \(columns.count) series but \(labels.count) labels", at: call.range(3))
            }
        } else if let label = try call.optionalString(2) {
            guard columns.count == 1 else {
                throw ExpressionFailure("line has \(columns.count) series; name them with labels: [...]", at: call.range(2))
            }
            labels = [label]
        } else {
            labels = columns.count == 1 ? [""] : (1...columns.count).map { "Series \($0)" }
        }
        var series: [LineChart.Series] = []
        for (index, column) in columns.enumerated() {
            let (ys, reprs) = try numbers(of: column, at: call.range(1), "line")
            guard ys.count == xs.count else {
                throw ExpressionFailure("line has \(xs.count) x values but series \(index + 1) has \(ys.count) y values", at: call.range(1))
            }
            series.append(LineChart.Series(label: labels[index], ys: ys, reprs: reprs))
        }
        return Figure(.line(LineChart(xs: xs, xReprs: xReprs, series: series)))
    }

    // MARK: - panels

    /// `panels([f1, f2, ...], titles: [...])`.
    func panels() throws(ExpressionFailure) -> Figure {
        let value = try call.value(0)
        guard case .list(let items) = value, !items.isEmpty else {
            throw call.mismatch(0, "a non-empty list of figures", value)
        }
        guard items.count <= FigureLimits.maxPanels else {
            throw ExpressionFailure("panels shows at most \(FigureLimits.maxPanels) figures; got \(items.count)", at: call.range(0))
        }
        var figures: [Figure] = []
        for (index, item) in items.enumerated() {
            guard case .figure(let figure) = item else {
                throw ExpressionFailure("panels needs figures; element \(index) is \(item.typeDescription)", at: call.range(0))
            }
            if case .panels = figure.content {
                throw ExpressionFailure("panels cannot hold panels (element \(index)); list their figures directly", at: call.range(0))
            }
            figures.append(figure)
        }
        var titles = Array(repeating: "", count: figures.count)
        if call.values[1] != nil {
            titles = try strings(1)
            guard titles.count == figures.count else {
                throw ExpressionFailure("panels has \(figures.count) figures but \(titles.count) titles", at: call.range(1))
            }
        }
        return Figure(.panels(zip(titles, figures).map { Panel(title: $0, figure: $1) }))
    }

    // MARK: - decorations

    /// `.mark(points)`: a `(row, col)` tuple or a list of them (e.g. pooling winners).
    func mark() throws(ExpressionFailure) -> Figure {
        var figure = try receiverGrid("mark")
        let value = try call.value(0)
        let items: [Value]
        switch value {
        case .tuple(let pair, _) where pair.count == 2 && pair.allSatisfy({ $0.asPython.isInt }): items = [value]
        case .list(let list), .tuple(let list, _): items = list
        default: throw call.mismatch(0, "a (row, col) tuple or a list of them", value)
        }
        guard items.count <= FigureLimits.maxDecorations else {
            throw ExpressionFailure("mark takes at most \(FigureLimits.maxDecorations) points; got \(items.count)", at: call.range(0))
        }
        let grid = figure.grid!
        for item in items {
            // Positions from argmax2d() or pooling winners are NumPy ints; Python ints work too.
            guard case .tuple(let pair, _) = item, pair.count == 2, case .int(let row) = pair[0].asPython,
                  case .int(let col) = pair[1].asPython else {
                throw ExpressionFailure("mark needs (row, col) tuples of Ints, got \(item.typeDescription) \(item.printed)", at: call.range(0))
            }
            guard (0..<grid.rows).contains(row), (0..<grid.columns).contains(col) else {
                throw ExpressionFailure("mark (\(row), \(col)) is outside the \(grid.rows) × \(grid.columns) \(figure.kindName) (rows 0...\(grid.rows - 1), columns 0...\(grid.columns - 1))",
                                        at: call.range(0))
            }
            figure.marks.append(GridPoint(row: row, col: col))
        }
        return figure
    }

    /// `.outline(row:, col:, height:, width:)`: a rectangle over cells.
    func outline() throws(ExpressionFailure) -> Figure {
        var figure = try receiverGrid("outline")
        let row = try call.int(0), col = try call.int(1), height = try call.int(2), width = try call.int(3)
        let grid = figure.grid!
        guard height >= 1, width >= 1 else {
            throw ExpressionFailure("outline height and width must be at least 1, got \(height) × \(width)", at: call.range(height < 1 ? 2 : 3))
        }
        guard row >= 0, col >= 0, row <= grid.rows - height, col <= grid.columns - width else {
            throw ExpressionFailure(
                "outline rows \(row)...\(row + height - 1), columns \(col)...\(col + width - 1) fall outside the \(grid.rows) × \(grid.columns) \(figure.kindName)",
                at: call.range)
        }
        guard figure.outlines.count < FigureLimits.maxDecorations else {
            throw ExpressionFailure("a figure has at most \(FigureLimits.maxDecorations) outlines", at: call.range)
        }
        figure.outlines.append(GridRect(row: row, col: col, height: height, width: width))
        return figure
    }

    // MARK: - Helpers

    private func receiverGrid(_ method: String) throws(ExpressionFailure) -> Figure {
        guard case .figure(let figure)? = call.receiver, figure.grid != nil else {
            let kind = if case .figure(let f)? = call.receiver { "a \(f.kindName) figure" } else { "this value" }
            throw ExpressionFailure(".\(method) applies to heatmap and image figures, not \(kind)", at: call.range)
        }
        return figure
    }

    private func checkNotEmpty(_ x: Tensor, _ function: String) throws(ExpressionFailure) {
        guard x.count > 0 else {
            throw ExpressionFailure("\(function) needs a non-empty tensor, got shape \(shapeDescription(x.shape))", at: call.range(0))
        }
    }

    /// Parameter `i` as finite numbers with their reprs: a 1-D tensor or a list of numbers.
    private func numbers(_ i: Int, _ function: String) throws(ExpressionFailure) -> ([Double], [String]) {
        try numbers(of: try call.value(i), at: call.range(i), function)
    }

    private func numbers(of value: Value, at range: Range<Int>, _ function: String) throws(ExpressionFailure) -> ([Double], [String]) {
        var scalars: [Scalar] = []
        switch value {
        case .tensor(let t) where t.rank == 1:
            scalars = (0..<t.count).map { t.scalar(at: $0) }
        case .list(let items), .tuple(let items, _):
            for item in items {
                guard let scalar = item.scalar, !item.isBool else {
                    throw ExpressionFailure("\(function) needs numbers; got \(item.typeDescription)", at: range)
                }
                scalars.append(scalar)
            }
        default:
            throw ExpressionFailure("\(function) needs a 1-D tensor or a list of numbers, got \(value.typeDescription)", at: range)
        }
        guard !scalars.isEmpty else { throw ExpressionFailure("\(function) needs at least one value", at: range) }
        let doubles = scalars.map(\.double)
        guard doubles.allSatisfy(\.isFinite) else { throw ExpressionFailure("\(function) needs finite values", at: range) }
        return (doubles, scalars.map { Value($0).pyObject.repr })
    }

    /// Parameter `i` as a list of labels: strings as they are, other values printed.
    private func strings(_ i: Int) throws(ExpressionFailure) -> [String] {
        let value = try call.value(i)
        guard case .list(let items) = value else { throw call.mismatch(i, "a list of labels", value) }
        return items.map { if case .string(let s) = $0 { s } else { $0.printed } }
    }
}

/// Throws, before anything is formatted, when `count` values formatted with `format` would take
/// more than `limit` characters (a width or fixed precision such as `.100000f` over many values).
func checkFormattedSize(_ count: Int, format: String, limit: Int, at range: Range<Int>) throws(ExpressionFailure) {
    let (total, overflow) = count.multipliedReportingOverflow(by: formatSpecMinimumLength(format))
    guard overflow || total > limit else { return }
    throw ExpressionFailure("formatting \(count) values with '\(format)' writes at least \(overflow ? Int.max : total) characters "
                            + "(the limit is \(limit)); use a smaller width or precision", at: range, kind: .limit)
}

/// The caps on what one figure may hold; the rendered bytes of all figures of a lesson are capped
/// by `limits: figures:` (``LessonLimit/figures``).
enum FigureLimits {
    static let maxHeatmapCells = 10_000
    static let maxImagePixels = 4096 * 4096
    static let maxBars = 200
    static let maxLinePoints = 10_000
    static let maxSeries = 12
    static let maxPanels = 12
    static let maxDecorations = 1_000
}

private extension Value {
    /// A tensor or a list: one series of `line(xs, [ys1, ys2])`.
    var isSeriesLike: Bool {
        switch self {
        case .tensor, .list: true
        default: false
        }
    }

    var isBool: Bool { if case .bool = self { true } else { false } }
}

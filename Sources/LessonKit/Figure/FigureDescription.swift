import CNNKernels
import PythonPrinting

/// The generated text alternative of a figure: what it shows, its shape, its range and where
/// its maximum is, in prose (rows and columns counted from 1, as the Data table heads them).
///
///     FigureDescription.alt(heatmap of [[0.852, 0.789], [0.817, 0.874]])
///     // "Heatmap of a 2 × 2 tensor, values 0.789 to 0.874; highest 0.874 at row 2, column 2"
public enum FigureDescription {
    public static func alt(_ figure: Figure) -> String {
        var text: String
        switch figure.content {
        case .heatmap(let map):
            let (low, high) = extremes(map.values)
            text = "Heatmap of a \(map.rows) × \(map.columns) tensor, values \(short(map.values[low], map.reprs[low])) to "
                + "\(short(map.values[high], map.reprs[high])); highest \(short(map.values[high], map.reprs[high])) at "
                + "row \(high / map.columns + 1), column \(high % map.columns + 1)"
            if map.colormap != .gray { text += " (\(map.colormap.rawValue) colours)" }
        case .image(let image):
            let raster = image.raster
            let kind = raster.channels == 1 ? "Gray" : "Colour"
            text = "\(kind) image of \(raster.height) × \(raster.width) pixels"
            if raster.channels == 1 {
                let (low, high) = extremes(raster.pixels)
                text += ", levels \(raster.pixels[low]) to \(raster.pixels[high]) of 255; brightest at "
                    + "row \(high / raster.width + 1), column \(high % raster.width + 1)"
            }
        case .bars(let chart):
            let (low, high) = extremes(chart.values)
            text = "Bar chart of \(chart.values.count) value\(chart.values.count == 1 ? "" : "s")"
            if chart.values.count <= 12 {
                text += ": " + zip(chart.labels, zip(chart.values, chart.reprs)).map { "\($0) \(short($1.0, $1.1))" }.joined(separator: ", ")
            }
            text += "; highest \(chart.labels[high]) (\(short(chart.values[high], chart.reprs[high])))"
            if chart.values.count > 1 { text += ", lowest \(chart.labels[low]) (\(short(chart.values[low], chart.reprs[low])))" }
        case .line(let chart):
            let first = short(chart.xs[0], chart.xReprs[0]), last = short(chart.xs[chart.xs.count - 1], chart.xReprs[chart.xs.count - 1])
            text = "Line chart of \(chart.series.count) series over \(chart.xs.count) x values from \(first) to \(last): "
            text += chart.series.map { series in
                let (low, high) = extremes(series.ys)
                let name = series.label.isEmpty ? "values" : series.label
                let ends = "starts at \(short(series.ys[0], series.reprs[0])) and ends at \(short(series.ys[series.ys.count - 1], series.reprs[series.ys.count - 1]))"
                return "\(name) \(ends), lowest \(short(series.ys[low], series.reprs[low])), highest \(short(series.ys[high], series.reprs[high])) "
                    + "at x = \(short(chart.xs[high], chart.xReprs[high]))"
            }.joined(separator: "; ")
        case .panels(let panels):
            // Each panel carries its own description; the group names them.
            text = "\(panels.count) figures side by side: " + panels.enumerated().map { index, panel in
                panel.title.isEmpty ? "\(index + 1), a \(panel.figure.kindName)" : panel.title
            }.joined(separator: ", ")
        }
        if !figure.marks.isEmpty {
            let shown = figure.marks.prefix(8).map { "row \($0.row + 1), column \($0.col + 1)" }.joined(separator: "; ")
            text += "; marked: \(shown)" + (figure.marks.count > 8 ? " and \(figure.marks.count - 8) more" : "")
        }
        for rect in figure.outlines.prefix(8) {
            text += "; outlined: rows \(rect.row + 1) to \(rect.row + rect.height), columns \(rect.col + 1) to \(rect.col + rect.width)"
        }
        return text
    }

    /// Indices of the first minimum and the first maximum.
    static func extremes<Element: Comparable>(_ values: [Element]) -> (low: Int, high: Int) {
        var low = 0, high = 0
        for (index, value) in values.enumerated() {
            if value < values[low] { low = index }
            if value > values[high] { high = index }
        }
        return (low, high)
    }

    /// A number for prose: its repr when short, else 4 significant digits (`0.7893` for 0.78934213).
    static func short(_ value: Double, _ repr: String) -> String {
        guard repr.count > 7 else { return repr }
        return (try? PyObject.float(value).formatted(".4g")) ?? repr
    }
}

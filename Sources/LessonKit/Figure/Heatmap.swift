/// A 2-D tensor drawn as a grid of coloured cells (`heatmap(x, colormap:, min:, max:, annotate:, format:)`).
public struct Heatmap: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    /// The elements as numbers, row-major (booleans as 0 and 1).
    public var values: [Double]
    /// Each element as Python's `repr` prints it (`0.874`, `3`, `-0.0`), row-major: `data-value`.
    public var reprs: [String]
    /// Each element formatted with the heatmap's `format`, row-major: cell text and the Data table.
    public var texts: [String]
    public var colormap: Colormap
    /// The range mapped onto the colormap (the data's range unless given).
    public var min: Double
    public var max: Double
    /// Whether each cell shows its text.
    public var annotate: Bool

    public init(rows: Int, columns: Int, values: [Double], reprs: [String], texts: [String], colormap: Colormap,
                min: Double, max: Double, annotate: Bool) {
        self.rows = rows
        self.columns = columns
        self.values = values
        self.reprs = reprs
        self.texts = texts
        self.colormap = colormap
        self.min = min
        self.max = max
        self.annotate = annotate
    }

    /// The fill of cell `index`.
    public func color(at index: Int) -> RGBColor {
        colormap.color(for: values[index], min: min, max: max)
    }
}

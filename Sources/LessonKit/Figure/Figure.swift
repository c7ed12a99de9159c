/// A computed figure (LESSON-FORMAT.md §6): what `heatmap`, `image`, `bars`, `line` and `panels`
/// return. A figure is a value: it is bound with `let`, passed around and decorated with
/// `.mark(points)` / `.outline(row:col:height:width:)`, each returning a new figure.
///
///     heatmap(feature_map, colormap: "gray").mark([(1, 1)])
///     // Figure(content: .heatmap(…), marks: [GridPoint(row: 1, col: 1)], outlines: [])
public struct Figure: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case heatmap(Heatmap)
        case image(RasterFigure)
        case bars(BarChart)
        case line(LineChart)
        case panels([Panel])
    }

    public var content: Content
    /// Cells marked with `.mark`, in the order given.
    public var marks: [GridPoint] = []
    /// Rectangles drawn with `.outline`, in the order given.
    public var outlines: [GridRect] = []

    public init(_ content: Content, marks: [GridPoint] = [], outlines: [GridRect] = []) {
        self.content = content
        self.marks = marks
        self.outlines = outlines
    }

    /// Rows and columns of the cell grid marks and outlines refer to (heatmaps and images only).
    public var grid: (rows: Int, columns: Int)? {
        switch content {
        case .heatmap(let map): (map.rows, map.columns)
        case .image(let image): (image.raster.height, image.raster.width)
        default: nil
        }
    }

    /// The numbers and pixels this figure holds (counted against the lesson's memory cap like tensor elements).
    public var elementCount: Int {
        switch content {
        case .heatmap(let map): map.values.count
        case .image(let image): image.raster.pixels.count + image.png.count
        case .bars(let chart): chart.values.count
        case .line(let chart): chart.xs.count * (chart.series.count + 1)
        case .panels(let panels): panels.reduce(0) { $0 + $1.figure.elementCount }
        }
    }

    /// "heatmap", "image", ...: for messages.
    public var kindName: String {
        switch content {
        case .heatmap: "heatmap"
        case .image: "image"
        case .bars: "bars"
        case .line: "line"
        case .panels: "panels"
        }
    }
}

/// A cell, 0-based.
public struct GridPoint: Sendable, Equatable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) { self.row = row; self.col = col }
}

/// A rectangle of cells, 0-based top-left corner.
public struct GridRect: Sendable, Equatable {
    public var row: Int
    public var col: Int
    public var height: Int
    public var width: Int
    public init(row: Int, col: Int, height: Int, width: Int) {
        self.row = row; self.col = col; self.height = height; self.width = width
    }
}

/// One figure of `panels`, with its title ("" for none).
public struct Panel: Sendable, Equatable {
    public var title: String
    public var figure: Figure
    public init(title: String, figure: Figure) { self.title = title; self.figure = figure }
}

/// `bars(values, labels:)`: one bar per value.
public struct BarChart: Sendable, Equatable {
    public var values: [Double]
    /// Each value as Python's `repr` prints it.
    public var reprs: [String]
    public var labels: [String]
    public init(values: [Double], reprs: [String], labels: [String]) {
        self.values = values
        self.reprs = reprs
        self.labels = labels
    }
}

/// `line(xs, ys, label:)` or `line(xs, [ys1, ys2], labels:)`: series over shared x values.
public struct LineChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var label: String
        public var ys: [Double]
        public var reprs: [String]
        public init(label: String, ys: [Double], reprs: [String]) { self.label = label; self.ys = ys; self.reprs = reprs }
    }
    public var xs: [Double]
    public var xReprs: [String]
    public var series: [Series]
    public init(xs: [Double], xReprs: [String], series: [Series]) { self.xs = xs; self.xReprs = xReprs; self.series = series }
}

/// `image(x)`: a picture written as a PNG file into the site.
public struct RasterFigure: Sendable, Equatable {
    /// The 8-bit pixels: `np.clip(np.round(x * 255), 0, 255)` for floats, the integers themselves for ints.
    public var raster: RasterPixels
    /// The encoded PNG.
    public var png: [UInt8]
    /// The file name in the site, from a hash of the PNG: `figure-0123456789abcdef.png`.
    public var fileName: String
    public init(raster: RasterPixels, png: [UInt8], fileName: String) {
        self.raster = raster
        self.png = png
        self.fileName = fileName
    }
}

/// 8-bit pixels, rows top to bottom, samples interleaved (1 channel gray, 3 RGB).
public struct RasterPixels: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var channels: Int
    public var pixels: [UInt8]
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }
}

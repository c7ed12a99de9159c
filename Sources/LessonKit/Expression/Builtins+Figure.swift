import CNNKernels
import RasterIO

extension Builtins {
    /// The figure functions of LESSON-FORMAT.md §6 and `loadImage` of §7:
    ///
    ///     heatmap(_:colormap:min:max:annotate:format:) image(_:) bars(_:labels:)
    ///     line(_:_:label:labels:) panels(_:titles:) loadImage(_:mode:)
    static let figureFunctions: [Builtin] = [
        Builtin("heatmap", "_x colormap? min? max? annotate? format?") { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).heatmap())
        },
        Builtin("image", "_x") { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).image())
        },
        Builtin("bars", "_values labels") { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).bars())
        },
        Builtin("line", "_xs _ys label? labels?") { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).line())
        },
        Builtin("panels", "_figures titles?") { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).panels())
        },
        Builtin("loadImage", "_path mode?") { call throws(ExpressionFailure) in
            try loadImage(call)
        },
    ]

    /// `.mark(points)` and `.outline(row:col:height:width:)` on heatmaps and images.
    static let figureMethods: [Builtin] = [
        Builtin("mark", "_points", accepts: isFigure) { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).mark())
        },
        Builtin("outline", "row col height width", accepts: isFigure) { call throws(ExpressionFailure) in
            .figure(try FigureBuilder(call).outline())
        },
    ]

    /// `loadImage(path, mode: "L" | "RGB")`: `np.asarray(Image.open(path).convert(mode), dtype=np.float64) / 255`,
    /// `[H, W]` for "L" and `[3, H, W]` (channels first) for "RGB". The path is relative to the lesson file.
    static func loadImage(_ call: Call) throws(ExpressionFailure) -> Value {
        let path = try call.string(0)
        let modeName = try call.optionalString(1) ?? "L"
        guard let mode = RasterMode(rawValue: modeName) else {
            throw ExpressionFailure("loadImage mode must be \"L\" (gray) or \"RGB\", got \"\(modeName)\"", at: call.range(1))
        }
        guard !path.isEmpty else { throw ExpressionFailure("loadImage needs a file path, got an empty string", at: call.range(0)) }
        let directory = call.interpreter.resourceDirectory
        let resolved = path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
        let raster: Raster
        do throws(RasterError) {
            let bytes = try PNGFile.bytes(atPath: resolved, displayName: path)
            raster = try PNGMemo.shared.decode(bytes, mode: mode, maxPixels: call.limits.maxTensorElements / mode.channels)
        } catch {
            let message = error.message.hasPrefix("cannot read image") || error.message.hasPrefix("image '")
                ? error.message : "cannot load image '\(path)': \(error.message)"
            throw ExpressionFailure(message, at: call.range(0))
        }
        try call.charge(raster.pixels.count)
        let (width, height) = (raster.width, raster.height)
        var doubles = [Double](repeating: 0, count: raster.pixels.count)
        raster.pixels.withUnsafeBufferPointer { pixels in
            doubles.withUnsafeMutableBufferPointer { out in
                if mode == .luminance {
                    for i in 0..<pixels.count { out[i] = Double(pixels[i]) / 255 }
                } else {
                    // Interleaved RGB (H, W, 3) to channels first (3, H, W).
                    let plane = width * height
                    for i in 0..<plane {
                        for channel in 0..<3 { out[channel * plane + i] = Double(pixels[3 * i + channel]) / 255 }
                    }
                }
            }
        }
        let shape = mode == .luminance ? [height, width] : [3, height, width]
        return .tensor(Tensor(shape: shape, doubles: doubles))
    }
}

/// For methods defined on figures only.
@Sendable func isFigure(_ value: Value) -> Bool {
    if case .figure = value { true } else { false }
}

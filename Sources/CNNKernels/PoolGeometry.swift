/// The validated shapes of a pooling call on an H×W or C×H×W input (floor mode, no padding).
struct PoolGeometry {
    var channels: Int, height: Int, width: Int
    var size: Int, stride: Int
    var outHeight: Int, outWidth: Int
    var outputShape: [Int]

    init(_ shape: [Int], size: Int, stride: Int?, name: String) throws(KernelError) {
        switch shape.count {
        case 2: (channels, height, width) = (1, shape[0], shape[1])
        case 3: (channels, height, width) = (shape[0], shape[1], shape[2])
        default: throw KernelError("\(name) needs an H×W or C×H×W input, not shape \(shapeText(shape))")
        }
        let step = stride ?? size
        guard size > 0 else { throw KernelError("pool size must be positive, got \(size)") }
        guard step > 0 else { throw KernelError("pool stride must be positive, got \(step)") }
        guard size <= height, size <= width else {
            throw KernelError("pool window \(size)×\(size) exceeds the \(height)×\(width) input")
        }
        self.size = size
        self.stride = step
        outHeight = (height - size) / step + 1
        outWidth = (width - size) / step + 1
        outputShape = (shape.count == 3 ? [channels] : []) + [outHeight, outWidth]
        try Limits.checkElements(outputShape)
    }
}

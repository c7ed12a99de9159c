/// A position in a 2-D map: `(row, col)`.
public struct GridPoint: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }
}

/// The pooled values and, for each of them, where in the input the maximum came from.
public struct MaxPoolResult: Sendable, Equatable {
    public var values: Tensor
    /// The input position of each output's maximum, row-major over outputs (ties: first).
    public var winners: [GridPoint]
    public init(values: Tensor, winners: [GridPoint]) { self.values = values; self.winners = winners }
}

/// Max pooling with a `size`×`size` window moved by `stride` (default: `size`), floor mode.
///
/// Each output is the window's `np.max`; its winner is the input (row, col) of the window's
/// `np.argmax`: the first maximum in row-major order, or the first NaN. A C×H×W input pools
/// each channel (values C×Ho×Wo, winners channel after channel).
///
///     // [[0.10, 0.42, …], …] 4×4, size 2 → values [[0.91, 0.44], [0.21, 0.77]],
///     // winners [(1, 1), (1, 2), (2, 1), (2, 2)]
public func maxPool2d(_ x: Tensor, size: Int, stride: Int? = nil) throws(KernelError) -> MaxPoolResult {
    let g = try PoolGeometry(x.shape, size: size, stride: stride, name: "max pooling")
    let count = g.outputShape.reduce(1, *)
    var winners = [GridPoint]()
    winners.reserveCapacity(count)
    var flat = [Int]()
    flat.reserveCapacity(count)
    switch x.storage {
    case .float64(let v):
        v.withUnsafeBufferPointer { p in
            for c in 0..<g.channels {
                let base = c * g.height * g.width
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        let top = oy * g.stride, left = ox * g.stride
                        var best = base + top * g.width + left
                        var bestValue = p[best]
                        if !bestValue.isNaN {
                            search: for i in 0..<g.size {
                                let row = base + (top + i) * g.width + left
                                for j in 0..<g.size {
                                    let value = p[row + j]
                                    if value > bestValue { best = row + j; bestValue = value }
                                    else if value.isNaN { best = row + j; break search }
                                }
                            }
                        }
                        flat.append(best)
                        let local = best - base
                        winners.append(GridPoint(row: local / g.width, column: local % g.width))
                    }
                }
            }
        }
    default:
        let v = x.intsOrNil ?? []
        for c in 0..<g.channels {
            let base = c * g.height * g.width
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    var best = base + oy * g.stride * g.width + ox * g.stride
                    for i in 0..<g.size {
                        for j in 0..<g.size {
                            let k = base + (oy * g.stride + i) * g.width + ox * g.stride + j
                            if v[k] > v[best] { best = k }
                        }
                    }
                    flat.append(best)
                    winners.append(GridPoint(row: (best - base) / g.width, column: (best - base) % g.width))
                }
            }
        }
    }
    return MaxPoolResult(values: x.gathering(flat, shape: g.outputShape), winners: winners)
}

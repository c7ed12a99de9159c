/// One index of a subscript: `x[1]`, `x[0..<3]`, `x[1...2]`, `x[...]`-style full axis.
public enum TensorIndex: Sendable, Equatable {
    /// A single position; negative counts from the end, as in NumPy.
    case position(Int)
    /// A half-open range `lower..<upper` (nil bound: start or end of the axis).
    case range(lower: Int?, upper: Int?)
}

extension Tensor {
    /// NumPy basic indexing: positions drop an axis, ranges keep it; trailing axes are kept whole.
    ///
    /// Positions may be negative (from the end) and must be in range; range bounds are clamped
    /// like Python slices (`x[2:100]` is fine, `x[3:1]` is empty).
    ///
    ///     x.shape == [4, 4]; try x.indexed([.range(lower: 1, upper: 3), .position(-1)]).shape   // [2]
    public func indexed(_ indices: [TensorIndex]) throws(KernelError) -> Tensor {
        guard indices.count <= rank else {
            throw KernelError("too many indices for array: array is \(rank)-dimensional, but \(indices.count) were indexed")
        }
        var starts = [Int](), lengths = [Int](), keep = [Bool]()
        for (axis, extent) in shape.enumerated() {
            let index = axis < indices.count ? indices[axis] : .range(lower: nil, upper: nil)
            switch index {
            case .position(let p):
                let q = p < 0 ? p + extent : p
                guard q >= 0, q < extent else {
                    throw KernelError("index \(p) is out of bounds for axis \(axis) with size \(extent)")
                }
                starts.append(q); lengths.append(1); keep.append(false)
            case .range(let lower, let upper):
                let lo = clampSliceBound(lower ?? 0, extent)
                let hi = clampSliceBound(upper ?? extent, extent)
                starts.append(lo); lengths.append(Swift.max(0, hi - lo)); keep.append(true)
            }
        }
        let outShape = zip(lengths, keep).filter { $0.1 }.map { $0.0 }
        let strides = rowMajorStrides(shape)
        let total = lengths.reduce(1, *)
        var flat = [Int]()
        flat.reserveCapacity(total)
        if total > 0 {
            var position = Array(repeating: 0, count: rank)
            for _ in 0..<total {
                var offset = 0
                for k in 0..<rank { offset += (starts[k] + position[k]) * strides[k] }
                flat.append(offset)
                var k = rank - 1
                while k >= 0 {
                    position[k] += 1
                    if position[k] < lengths[k] { break }
                    position[k] = 0
                    k -= 1
                }
            }
        }
        return gathering(flat, shape: outShape)
    }
}

/// A Python slice bound made absolute and clamped to `0...extent`.
private func clampSliceBound(_ bound: Int, _ extent: Int) -> Int {
    let b = bound < 0 ? bound + extent : bound
    return Swift.min(Swift.max(b, 0), extent)
}

/// `np.pad(x, width)`: `width` zeros before and after every axis (constant mode).
///
///     try pad(Tensor.ones([2, 2]), 1).shape   // [4, 4], the ones in the middle
public func pad(_ x: Tensor, _ width: Int) throws(KernelError) -> Tensor {
    guard width >= 0 else { throw KernelError("padding cannot be negative, got \(width)") }
    guard width > 0, x.rank > 0 else { return x }
    var outShape = [Int]()
    for extent in x.shape {
        let (grown, o) = extent.addingReportingOverflow(2 &* Swift.min(width, Int.max / 4))
        guard !o, width < Int.max / 4 else { throw KernelError("padding \(width) is too large") }
        outShape.append(grown)
    }
    try Limits.checkElements(outShape)
    let outStrides = rowMajorStrides(outShape)
    // Destination offset of each source element.
    var destination = [Int]()
    destination.reserveCapacity(x.count)
    if x.count > 0 {
        var position = Array(repeating: 0, count: x.rank)
        for _ in 0..<x.count {
            var offset = 0
            for k in 0..<x.rank { offset += (position[k] + width) * outStrides[k] }
            destination.append(offset)
            var k = x.rank - 1
            while k >= 0 {
                position[k] += 1
                if position[k] < x.shape[k] { break }
                position[k] = 0
                k -= 1
            }
        }
    }
    let total = outShape.reduce(1, *)
    switch x.storage {
    case .bool(let v):
        var out = Array(repeating: false, count: total)
        for (i, d) in destination.enumerated() { out[d] = v[i] }
        return Tensor(shape: outShape, bools: out)
    case .int64(let v):
        var out = Array(repeating: 0, count: total)
        for (i, d) in destination.enumerated() { out[d] = v[i] }
        return Tensor(shape: outShape, ints: out)
    case .float64(let v):
        var out = Array(repeating: 0.0, count: total)
        for (i, d) in destination.enumerated() { out[d] = v[i] }
        return Tensor(shape: outShape, doubles: out)
    }
}

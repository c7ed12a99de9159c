/// `np.where(condition, a, b)`: `a` where the condition holds (is nonzero), else `b`, with
/// broadcasting of all three; the dtype is the wider of `a`'s and `b`'s.
///
///     // where([true, false], 1, 0.5) → [1. , 0.5]
public func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    let shape = try broadcastShape(try broadcastShape(condition.shape, a.shape), b.shape)
    try Limits.checkElements(shape)
    let c = broadcastIndices(from: condition.shape, to: shape)
    let ia = broadcastIndices(from: a.shape, to: shape), ib = broadcastIndices(from: b.shape, to: shape)
    let truth = condition.doubles.map { $0 != 0 }
    let dtype = DType.promoted([a.dtype, b.dtype])
    let x = a.promoted(to: dtype), y = b.promoted(to: dtype)
    switch (x.storage, y.storage) {
    case (.bool(let p), .bool(let q)):
        return Tensor(shape: shape, bools: c.indices.map { truth[c[$0]] ? p[ia[$0]] : q[ib[$0]] })
    case (.int64(let p), .int64(let q)):
        return Tensor(shape: shape, ints: c.indices.map { truth[c[$0]] ? p[ia[$0]] : q[ib[$0]] })
    default:
        let p = x.doubles, q = y.doubles
        return Tensor(shape: shape, doubles: c.indices.map { truth[c[$0]] ? p[ia[$0]] : q[ib[$0]] })
    }
}

/// `np.clip(x, lo, hi)`: `np.minimum(np.maximum(x, lo), hi)` (NaN propagates; dtype as
/// for `maximum`, so an int64 array clipped to float bounds becomes float64).
///
///     // clip([1, 2, 3], 0.5, 2.5) → [1. , 2. , 2.5]
public func clip(_ x: Tensor, _ lo: Tensor, _ hi: Tensor) throws(KernelError) -> Tensor {
    try minimum(try maximum(x, lo), hi)
}

/// `np.flip(x, axis)`: the elements in reverse order along `axis`, or along every axis when
/// `axis` is nil.
public func flip(_ x: Tensor, axis: Int? = nil) throws(KernelError) -> Tensor {
    let axes: Set<Int>
    if let axis { axes = [try normalizedAxis(axis, rank: x.rank)] } else { axes = Set(0..<x.rank) }
    let strides = rowMajorStrides(x.shape)
    var flat = [Int]()
    flat.reserveCapacity(x.count)
    guard x.count > 0 else { return x }
    var position = [Int](repeating: 0, count: x.rank)
    for _ in 0..<x.count {
        var offset = 0
        for k in 0..<x.rank { offset += (axes.contains(k) ? x.shape[k] - 1 - position[k] : position[k]) * strides[k] }
        flat.append(offset)
        var k = x.rank - 1
        while k >= 0 {
            position[k] += 1
            if position[k] < x.shape[k] { break }
            position[k] = 0
            k -= 1
        }
    }
    return x.gathering(flat, shape: x.shape)
}

/// `np.outer(a, b)`: both flattened, the n×m table of products `a[i] * b[j]` (int64
/// products throw on overflow).
///
///     // outer([1, 2], [3, 4, 5]) → [[ 3,  4,  5], [ 6,  8, 10]]
public func outer(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    try a.withShape([a.count, 1]).applying(.multiply, b.withShape([1, b.count]))
}

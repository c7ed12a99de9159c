/// NumPy broadcasting of two shapes: align on the right; extents must match or one must be 1.
///
///     try broadcastShape([2, 1], [3])   // [2, 3]
///
/// Throws NumPy's message: "operands could not be broadcast together with shapes (2,) (3,)".
func broadcastShape(_ a: [Int], _ b: [Int]) throws(KernelError) -> [Int] {
    let rank = Swift.max(a.count, b.count)
    var result = Array(repeating: 0, count: rank)
    for k in 0..<rank {
        let x = k < rank - a.count ? 1 : a[k - (rank - a.count)]
        let y = k < rank - b.count ? 1 : b[k - (rank - b.count)]
        guard x == y || x == 1 || y == 1 else {
            throw KernelError("operands could not be broadcast together with shapes \(compactShapeText(a)) \(compactShapeText(b))")
        }
        result[k] = x == 1 ? y : x
    }
    return result
}

/// The flat source index, for each row-major position of `target`, of a tensor of `shape`
/// broadcast to `target` (a broadcast axis repeats its single element).
func broadcastIndices(from shape: [Int], to target: [Int]) -> [Int] {
    let count = target.reduce(1, *)
    if shape == target { return Array(0..<count) }
    if shape.reduce(1, *) == 1 { return Array(repeating: 0, count: count) }
    let offset = target.count - shape.count
    let sourceStrides = rowMajorStrides(shape)
    var strides = Array(repeating: 0, count: target.count)
    for k in 0..<shape.count where shape[k] != 1 { strides[k + offset] = sourceStrides[k] }
    var result = [Int]()
    result.reserveCapacity(count)
    var position = Array(repeating: 0, count: target.count)
    var flat = 0
    for _ in 0..<count {
        result.append(flat)
        var axis = target.count - 1
        while axis >= 0 {
            position[axis] += 1
            flat += strides[axis]
            if position[axis] < target[axis] { break }
            flat -= strides[axis] * position[axis]
            position[axis] = 0
            axis -= 1
        }
    }
    return result
}

/// Both operands' source indices for an elementwise operation, with the broadcast shape.
struct BroadcastPair {
    let shape: [Int]
    let left: [Int]
    let right: [Int]

    init(_ a: [Int], _ b: [Int]) throws(KernelError) {
        shape = try broadcastShape(a, b)
        try Limits.checkElements(shape)
        left = broadcastIndices(from: a, to: shape)
        right = broadcastIndices(from: b, to: shape)
    }

    /// Applies `f` to each aligned pair of elements.
    func map<T, U, R>(_ x: [T], _ y: [U], _ f: (T, U) throws(KernelError) -> R) throws(KernelError) -> [R] {
        var out = [R]()
        out.reserveCapacity(left.count)
        for k in 0..<left.count { out.append(try f(x[left[k]], y[right[k]])) }
        return out
    }
}

/// A shape as NumPy's broadcast error prints it: `(2,3)`, `(3,)`.
func compactShapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
}

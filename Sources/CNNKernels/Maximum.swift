/// `np.maximum(a, b)`: the elementwise larger value, with broadcasting; a NaN on either side
/// gives NaN. Dtype as arithmetic: bool with bool stays bool, ints stay int64, else float64.
///
///     maximum([-0.3, 0.8], 0.0)   // [0.0, 0.8]
public func maximum(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    try elementwiseExtreme(a, b, largest: true)
}

/// `np.minimum(a, b)`: the elementwise smaller value; NaN propagates as in `maximum`.
public func minimum(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    try elementwiseExtreme(a, b, largest: false)
}

private func elementwiseExtreme(_ a: Tensor, _ b: Tensor, largest: Bool) throws(KernelError) -> Tensor {
    let pair = try BroadcastPair(a.shape, b.shape)
    if case .bool(let x) = a.storage, case .bool(let y) = b.storage {
        return Tensor(shape: pair.shape, bools: try pair.map(x, y) { largest ? ($0 || $1) : ($0 && $1) })
    }
    if let x = a.intsOrNil, let y = b.intsOrNil {
        return Tensor(shape: pair.shape, ints: try pair.map(x, y) { largest ? Swift.max($0, $1) : Swift.min($0, $1) })
    }
    return Tensor(shape: pair.shape, doubles: try pair.map(a.doubles, b.doubles) { pickExtreme($0, $1, largest) })
}

/// `softmax(x, axis)`, computed the way NumPy users write it:
///
///     m = x.max(axis=axis, keepdims=True)
///     e = np.exp(x - m)
///     p = e / e.sum(axis=axis, keepdims=True)
///
/// bit for bit: `exp` as `np.exp` (`NumPyMath.exp`), the sum in NumPy's order (pairwise along a
/// contiguous last axis, left to right along any other), one division per element. Int64
/// input is shifted exactly in int64 before the conversion to float64. The result is float64.
///
///     try softmax(Tensor(shape: [3], doubles: [1, 2, 3]))   // [0.09003057, 0.24472847, 0.66524096]
///
/// - Complexity: O(n), three passes.
public func softmax(_ x: Tensor, axis: Int = -1) throws(KernelError) -> Tensor {
    let (shifted, layout) = try shiftedByMax(x, axis: axis)
    let e = shifted.map(NumPyMath.exp)
    let sums = Tensor.floatAxisSum(e, outer: layout.outer, n: layout.n, inner: layout.inner)
    var out = e
    forEachAlongAxis(layout) { flat, reduced in out[flat] = e[flat] / sums[reduced] }
    return Tensor(shape: x.shape, doubles: out)
}

/// `logSoftmax(x, axis)`, the NumPy formula
///
///     s = x - x.max(axis=axis, keepdims=True)
///     s - np.log(np.exp(s).sum(axis=axis, keepdims=True))
///
/// bit for bit, in the same orders as `softmax`. Stable for large logits (no overflow).
///
///     try logSoftmax(Tensor(shape: [2], doubles: [0, 0]))   // [-0.69314718, -0.69314718]
public func logSoftmax(_ x: Tensor, axis: Int = -1) throws(KernelError) -> Tensor {
    let (shifted, layout) = try shiftedByMax(x, axis: axis)
    let sums = Tensor.floatAxisSum(shifted.map(NumPyMath.exp), outer: layout.outer, n: layout.n, inner: layout.inner)
    let logs = sums.map(NumPyMath.log)
    var out = shifted
    forEachAlongAxis(layout) { flat, reduced in out[flat] = shifted[flat] - logs[reduced] }
    return Tensor(shape: x.shape, doubles: out)
}

/// The sizes before, along and after a reduced axis.
struct AxisLayout {
    var outer: Int, n: Int, inner: Int
}

/// Calls `body(flatIndex, reducedIndex)` for every element, where `reducedIndex` is the
/// element's position in the tensor with the axis removed.
func forEachAlongAxis(_ layout: AxisLayout, _ body: (Int, Int) -> Void) {
    for o in 0..<layout.outer {
        for k in 0..<layout.n {
            for i in 0..<layout.inner { body((o * layout.n + k) * layout.inner + i, o * layout.inner + i) }
        }
    }
}

/// `x - x.max(axis, keepdims=True)` as doubles (ints subtracted exactly, then converted).
private func shiftedByMax(_ x: Tensor, axis: Int) throws(KernelError) -> ([Double], AxisLayout) {
    if case .bool = x.storage {
        throw KernelError("softmax of a bool array is not supported; convert it first with .astype(\"float64\")")
    }
    let (outer, n, inner, _) = try x.axisLayout(axis)
    let layout = AxisLayout(outer: outer, n: n, inner: inner)
    guard n > 0 || x.count == 0 else {
        throw KernelError("zero-size array to reduction operation maximum which has no identity")
    }
    let maxima = try x.max(axis: axis)
    var out = [Double](repeating: 0, count: x.count)
    switch (x.storage, maxima.storage) {
    case (.int64(let v), .int64(let m)):
        var failure: KernelError?
        forEachAlongAxis(layout) { flat, reduced in
            let (d, overflow) = v[flat].subtractingReportingOverflow(m[reduced])
            if overflow { failure = KernelError("integer overflow in subtract: \(v[flat]) and \(m[reduced]) do not fit in int64") }
            out[flat] = Double(d)
        }
        if let failure { throw failure }
    default:
        let v = x.doubles, m = maxima.doubles
        forEachAlongAxis(layout) { flat, reduced in out[flat] = v[flat] - m[reduced] }
    }
    return (out, layout)
}

extension Tensor {
    /// `x.sum()`, bit for bit as NumPy: float64 uses pairwise summation over all elements
    /// (`pairwiseSum`; NumPy does not chunk a contiguous float64 array), int64 adds exactly,
    /// bool counts the `True` values (an int).
    ///
    /// This non-throwing form wraps an int64 overflow exactly as NumPy does; `checkedSum()`
    /// throws instead (the kernels' policy for author-facing integer arithmetic).
    ///
    ///     Tensor(shape: [3], doubles: [0.1, 0.2, 0.3]).sum()   // .float(0.6000000000000001)
    public func sum() -> Scalar {
        switch storage {
        case .bool(let v): return .int(v.reduce(0) { $0 &+ ($1 ? 1 : 0) })
        case .int64(let v): return .int(v.reduce(0, &+))
        case .float64(let v): return .float(numpySum(v))
        }
    }

    /// `x.sum()`, throwing "integer overflow in sum" where int64 would wrap.
    public func checkedSum() throws(KernelError) -> Scalar {
        guard case .int64(let v) = storage else { return sum() }
        var total = 0
        for a in v {
            let (s, o) = total.addingReportingOverflow(a)
            guard !o else { throw KernelError("integer overflow in sum: the total does not fit in int64") }
            total = s
        }
        return .int(total)
    }

    /// `x.sum(axis=k)`: the result drops axis `k` (negative counts from the end).
    ///
    /// Float order as NumPy: when every axis after `k` has extent 1 the reduced values are
    /// contiguous and summed pairwise; otherwise each output accumulates along the axis
    /// left to right, starting from 0.0. Int sums throw on overflow instead of wrapping.
    public func sum(axis: Int) throws(KernelError) -> Tensor {
        let (outer, n, inner, outShape) = try axisLayout(axis)
        switch storage {
        case .bool, .int64:
            let v = intsOrNil ?? []
            var out = Array(repeating: 0, count: outer * inner)
            for o in 0..<outer {
                for k in 0..<n {
                    for i in 0..<inner {
                        let (s, overflow) = out[o * inner + i].addingReportingOverflow(v[(o * n + k) * inner + i])
                        guard !overflow else { throw KernelError("integer overflow in sum: the total does not fit in int64") }
                        out[o * inner + i] = s
                    }
                }
            }
            return Tensor(shape: outShape, ints: out)
        case .float64(let v):
            return Tensor(shape: outShape, doubles: Tensor.floatAxisSum(v, outer: outer, n: n, inner: inner))
        }
    }

    /// `np.mean(x)`: the float64 sum divided by the element count (ints are cast to float64
    /// through NumPy's 8192-element buffer first, as NumPy does).
    ///
    ///     Tensor(shape: [3], ints: [1, 2, 4]).mean()   // 2.3333333333333335
    public func mean() throws(KernelError) -> Double {
        guard count > 0 else { throw KernelError("cannot take the mean of an empty array") }
        switch storage {
        case .float64(let v): return numpySum(v) / Double(count)
        default: return doubles.withUnsafeBufferPointer(bufferedSum) / Double(count)
        }
    }

    /// `np.mean(x, axis=k)`: a float64 tensor, the axis sum divided by the axis extent.
    public func mean(axis: Int) throws(KernelError) -> Tensor {
        let (outer, n, inner, outShape) = try axisLayout(axis)
        guard n > 0 else { throw KernelError("cannot take the mean over an empty axis \(axis)") }
        let sums = Tensor.floatAxisSum(doubles, outer: outer, n: n, inner: inner)
        return Tensor(shape: outShape, doubles: sums.map { $0 / Double(n) })
    }

    /// The sizes before, along and after `axis`, and the shape without it.
    func axisLayout(_ axis: Int) throws(KernelError) -> (outer: Int, n: Int, inner: Int, shape: [Int]) {
        let a = try normalizedAxis(axis, rank: rank)
        var outShape = shape
        outShape.remove(at: a)
        return (shape[..<a].reduce(1, *), shape[a], shape[(a + 1)...].reduce(1, *), outShape)
    }

    static func floatAxisSum(_ v: [Double], outer: Int, n: Int, inner: Int) -> [Double] {
        var out = Array(repeating: 0.0, count: outer * inner)
        v.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            if inner == 1 {
                for o in 0..<outer { out[o] = 0.0 + pairwiseSumRaw(base + o * n, n) }
            } else {
                for o in 0..<outer {
                    for k in 0..<n {
                        let row = (o * n + k) * inner
                        for i in 0..<inner { out[o * inner + i] += base[row + i] }
                    }
                }
            }
        }
        return out
    }
}

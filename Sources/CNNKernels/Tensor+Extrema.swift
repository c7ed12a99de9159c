extension Tensor {
    /// `x.max()`; NaN propagates (any NaN gives NaN), as NumPy. Throws for an empty tensor.
    public func max() throws(KernelError) -> Scalar { try extremum(largest: true) }
    /// `x.min()`; NaN propagates. Throws for an empty tensor.
    public func min() throws(KernelError) -> Scalar { try extremum(largest: false) }
    /// `x.max(axis=k)`.
    public func max(axis: Int) throws(KernelError) -> Tensor { try extremum(axis: axis, largest: true) }
    /// `x.min(axis=k)`.
    public func min(axis: Int) throws(KernelError) -> Tensor { try extremum(axis: axis, largest: false) }

    /// `np.argmax(x)`: the flat row-major index of the largest value, first of ties; the
    /// first NaN wins if there is one.
    ///
    ///     Tensor(shape: [4], doubles: [0.1, 0.9, 0.9, 0.2]).argmax()   // 1
    public func argmax() throws(KernelError) -> Int {
        guard count > 0 else { throw KernelError("attempt to get argmax of an empty sequence") }
        switch storage {
        case .float64(let v): return floatArgmax(v, 0, v.count)
        default:
            let v = intsOrNil ?? []
            var best = 0
            for i in 1..<v.count where v[i] > v[best] { best = i }
            return best
        }
    }

    /// `np.unravel_index(np.argmax(x), x.shape)` for a 2-D tensor.
    public func argmax2d() throws(KernelError) -> (row: Int, column: Int) {
        guard rank == 2 else { throw KernelError("argmax2d needs a 2-D array, not a \(rank)-D array of shape \(shapeText(shape))") }
        let flat = try argmax()
        return (flat / shape[1], flat % shape[1])
    }

    private func reductionName(_ largest: Bool) -> String { largest ? "maximum" : "minimum" }

    private func extremum(largest: Bool) throws(KernelError) -> Scalar {
        guard count > 0 else {
            throw KernelError("zero-size array to reduction operation \(reductionName(largest)) which has no identity")
        }
        switch storage {
        case .bool(let v): return .bool(largest ? v.contains(true) : v.allSatisfy { $0 })
        case .int64(let v): return .int((largest ? v.max() : v.min()) ?? 0)
        case .float64(let v):
            // `pickExtreme` folded over `v`, one loop per direction; a NaN, once reached, is the result.
            return .float(v.withUnsafeBufferPointer { v in
                var m = v[0]
                if largest {
                    for x in v.dropFirst() where !m.isNaN { m = m > x ? m : x }
                } else {
                    for x in v.dropFirst() where !m.isNaN { m = m < x ? m : x }
                }
                return m
            })
        }
    }

    private func extremum(axis: Int, largest: Bool) throws(KernelError) -> Tensor {
        let (outer, n, inner, outShape) = try axisLayout(axis)
        guard n > 0 || outer * inner == 0 else {
            throw KernelError("zero-size array to reduction operation \(reductionName(largest)) which has no identity")
        }
        var indices = [Int]()
        indices.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for i in 0..<inner { indices.append(o * n * inner + i) }
        }
        switch storage {
        case .bool(let v):
            return Tensor(shape: outShape, bools: indices.map { s in
                (0..<n).reduce(!largest) { acc, k in largest ? (acc || v[s + k * inner]) : (acc && v[s + k * inner]) }
            })
        case .int64(let v):
            return Tensor(shape: outShape, ints: indices.map { s in
                (1..<n).reduce(v[s]) { acc, k in largest ? Swift.max(acc, v[s + k * inner]) : Swift.min(acc, v[s + k * inner]) }
            })
        case .float64(let v):
            return Tensor(shape: outShape, doubles: indices.map { s in
                (1..<n).reduce(v[s]) { acc, k in pickExtreme(acc, v[s + k * inner], largest) }
            })
        }
    }
}

/// NumPy's `maximum`/`minimum` of two doubles: NaN wins; on equality (e.g. 0.0 and -0.0)
/// the second operand is returned, as NumPy's `a > b ? a : b`.
@inline(__always)
func pickExtreme(_ a: Double, _ b: Double, _ largest: Bool) -> Double {
    if a.isNaN { return a }
    return largest ? (a > b ? a : b) : (a < b ? a : b)
}

/// The index of the largest of `v[start..<end]`, first of ties; the first NaN wins.
func floatArgmax(_ v: [Double], _ start: Int, _ end: Int) -> Int {
    var best = start
    if v[best].isNaN { return best }
    var i = start + 1
    while i < end {
        let x = v[i]
        if x.isNaN { return i }
        if x > v[best] { best = i }
        i += 1
    }
    return best
}

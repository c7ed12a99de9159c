
extension Tensor {
    /// `np.argmin(x)`: the flat row-major index of the smallest value, first of ties; the
    /// first NaN wins if there is one.
    ///
    ///     Tensor(shape: [4], doubles: [0.3, 0.1, 0.1, 0.2]).argmin()   // 1
    public func argmin() throws(KernelError) -> Int {
        guard count > 0 else { throw KernelError("attempt to get argmin of an empty sequence") }
        switch storage {
        case .float64(let v):
            var best = 0
            if v[0].isNaN { return 0 }
            for i in 1..<v.count {
                if v[i].isNaN { return i }
                if v[i] < v[best] { best = i }
            }
            return best
        default:
            let v = intsOrNil ?? []
            var best = 0
            for i in 1..<v.count where v[i] < v[best] { best = i }
            return best
        }
    }

    /// `np.unravel_index(np.argmin(x), x.shape)` for a 2-D tensor.
    public func argmin2d() throws(KernelError) -> (row: Int, column: Int) {
        guard rank == 2 else { throw KernelError("argmin2d needs a 2-D array, not a \(rank)-D array of shape \(shapeText(shape))") }
        let flat = try argmin()
        return (flat / shape[1], flat % shape[1])
    }

    /// `np.prod(x)`: floats multiplied left to right (NumPy does not reorder a product);
    /// ints and bools as int64, throwing on overflow (NumPy wraps). Empty: 1.
    ///
    ///     Tensor(shape: [3], ints: [2, 3, 4]).prod()   // .int(24)
    public func prod() throws(KernelError) -> Scalar {
        if case .float64(let v) = storage { return .float(v.reduce(1.0, *)) }
        var total = 1
        for a in intsOrNil ?? [] { total = try checkedProduct(total, a) }
        return .int(total)
    }

    /// `np.prod(x, axis=k)`.
    public func prod(axis: Int) throws(KernelError) -> Tensor {
        let (outer, n, inner, outShape) = try axisLayout(axis)
        let layout = AxisLayout(outer: outer, n: n, inner: inner)
        if case .float64(let v) = storage {
            var out = [Double](repeating: 1, count: outer * inner)
            forEachAlongAxis(layout) { flat, reduced in out[reduced] *= v[flat] }
            return Tensor(shape: outShape, doubles: out)
        }
        let v = intsOrNil ?? []
        var out = [Int](repeating: 1, count: outer * inner)
        var failure: KernelError?
        forEachAlongAxis(layout) { flat, reduced in
            let (p, o) = out[reduced].multipliedReportingOverflow(by: v[flat])
            if o, failure == nil { failure = KernelError("integer overflow in multiply: the product does not fit in int64") }
            out[reduced] = p
        }
        if let failure { throw failure }
        return Tensor(shape: outShape, ints: out)
    }

    /// `np.var(x)` by NumPy's algorithm: the mean (a pairwise sum, ints cast to float64 first)
    /// is subtracted from every element, the deviations are squared, and their pairwise sum
    /// is divided by the count (ddof = 0). Throws for an empty tensor (NumPy: nan + warning).
    ///
    ///     Tensor(shape: [4], ints: [1, 2, 3, 4]).variance()   // 1.25
    public func variance() throws(KernelError) -> Double {
        guard count > 0 else { throw KernelError("cannot take the variance of an empty array") }
        let mean = try self.mean()
        let squares = doubles.map { ($0 - mean) * ($0 - mean) }
        return numpySum(squares) / Double(count)
    }

    /// `np.std(x)`: `sqrt(np.var(x))`.
    public func standardDeviation() throws(KernelError) -> Double {
        try variance().squareRoot()
    }

    /// `np.var(x, axis=k)`: as `variance()`, the sums taken along the axis in NumPy's order.
    public func variance(axis: Int) throws(KernelError) -> Tensor {
        let (outer, n, inner, outShape) = try axisLayout(axis)
        guard n > 0 else { throw KernelError("cannot take the variance over an empty axis \(axis)") }
        let layout = AxisLayout(outer: outer, n: n, inner: inner)
        let v = doubles
        let means = Tensor.floatAxisSum(v, outer: outer, n: n, inner: inner).map { $0 / Double(n) }
        var squares = v
        forEachAlongAxis(layout) { flat, reduced in
            let d = v[flat] - means[reduced]
            squares[flat] = d * d
        }
        let sums = Tensor.floatAxisSum(squares, outer: outer, n: n, inner: inner)
        return Tensor(shape: outShape, doubles: sums.map { $0 / Double(n) })
    }

    /// `np.std(x, axis=k)`.
    public func standardDeviation(axis: Int) throws(KernelError) -> Tensor {
        let v = try variance(axis: axis)
        return Tensor(shape: v.shape, doubles: v.doubles.map { $0.squareRoot() })
    }
}

/// `a * b` in int64, throwing NumPy-style where it would wrap.
func checkedProduct(_ a: Int, _ b: Int) throws(KernelError) -> Int {
    let (p, o) = a.multipliedReportingOverflow(by: b)
    guard !o else { throw KernelError("integer overflow in multiply: the product does not fit in int64") }
    return p
}

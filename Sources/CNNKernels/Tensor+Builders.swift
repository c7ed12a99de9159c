extension Tensor {
    /// `np.arange(start, stop, step)`: int64 when every argument is an Int, else float64.
    ///
    /// The length is ⌈(stop − start) / step⌉ (0 when negative). Floats are filled as NumPy
    /// fills them: `a[0] = start`, `a[1] = start + step`, then `a[i] = start + i·δ` with
    /// δ = a[1] − a[0], so every element matches NumPy's bits (`arange(1, 2, step: 0.3)` is
    /// `[1. , 1.3, 1.6, 1.9]`). A zero step throws.
    public static func arange(start: Scalar = .int(0), stop: Scalar, step: Scalar = .int(1)) throws(KernelError) -> Tensor {
        if case .int(let a) = start.asInteger, case .int(let b) = stop.asInteger, case .int(let s) = step.asInteger {
            guard s != 0 else { throw KernelError("arange step cannot be zero (NumPy: division by zero)") }
            // ⌈(stop − start) / step⌉ in 128 bits, so no pair of int64 bounds overflows.
            let span = Int128(b) - Int128(a), step = Int128(s)
            var count = span / step
            if span % step != 0 && (span < 0) == (step < 0) { count += 1 }
            guard count <= Int128(Limits.maxElements) else {
                throw KernelError("arange from \(a) to \(b) by \(s) has \(count) elements; the limit is \(Limits.maxElements)")
            }
            let n = Swift.max(0, Int(count))
            try Limits.checkElements([n])
            // Every element lies between start and stop, so stepping never overflows.
            var values = [Int]()
            values.reserveCapacity(n)
            var value = a
            for i in 0..<n {
                values.append(value)
                if i + 1 < n { value += s }
            }
            return Tensor(shape: [n], ints: values)
        }
        let a = start.double, b = stop.double, s = step.double
        guard s != 0 else { throw KernelError("arange step cannot be zero (NumPy: division by zero)") }
        let length = ((b - a) / s).rounded(.up)
        guard !length.isNaN else { throw KernelError("arange: cannot compute length") }
        guard length < Double(Limits.maxElements) + 1 else {
            throw KernelError("arange of \(length) elements exceeds the limit of \(Limits.maxElements)")
        }
        let n = length > 0 ? Int(length) : 0
        guard n > 1 else { return Tensor(shape: [n], doubles: n == 1 ? [a] : []) }
        let second = a + s
        let delta = second - a
        var values = [a, second]
        values.reserveCapacity(n)
        for i in 2..<n { values.append(a + Double(i) * delta) }
        return Tensor(shape: [n], doubles: values)
    }

    /// `np.linspace(start, stop, num)`: `num` evenly spaced float64 values from `start` to
    /// `stop` inclusive, by NumPy's algorithm: step = (stop − start)/(num − 1), element i is
    /// `i·step + start` (or `i/(num−1)·delta + start` when the step underflows to 0), and
    /// the last element is set to `stop` exactly.
    ///
    ///     try Tensor.linspace(0, 1, count: 5)   // [0.  , 0.25, 0.5 , 0.75, 1.  ]
    public static func linspace(_ start: Double, _ stop: Double, count num: Int) throws(KernelError) -> Tensor {
        guard num >= 0 else { throw KernelError("Number of samples, \(num), must be non-negative.") }
        try Limits.checkElements([num])
        let div = num - 1
        let delta = stop - start
        var y = (0..<num).map(Double.init)
        if div > 0 {
            let step = delta / Double(div)
            if step == 0 {
                y = y.map { ($0 / Double(div)) * delta }
            } else {
                y = y.map { $0 * step }
            }
        } else {
            y = y.map { $0 * delta }
        }
        y = y.map { $0 + start }
        if num > 1 { y[num - 1] = stop }
        return Tensor(shape: [num], doubles: y)
    }

    /// `np.eye(n)`: the n×n float64 identity matrix.
    public static func eye(_ n: Int) throws(KernelError) -> Tensor {
        guard n >= 0 else { throw KernelError("negative dimensions are not allowed") }
        try Limits.checkElements([n, n])
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n { values[i * n + i] = 1 }
        return Tensor(shape: [n, n], doubles: values)
    }

    /// `np.full(shape, value)`: the dtype is the value's (Int → int64, Double → float64,
    /// Bool → bool).
    public static func full(_ shape: [Int], _ value: Scalar) throws(KernelError) -> Tensor {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw KernelError("negative dimensions are not allowed: shape \(shapeText(shape))")
        }
        try Limits.checkElements(shape)
        let count = shape.reduce(1, *)
        switch value {
        case .bool(let b): return Tensor(shape: shape, bools: Array(repeating: b, count: count))
        case .int(let i): return Tensor(shape: shape, ints: Array(repeating: i, count: count))
        case .float(let d): return Tensor(shape: shape, doubles: Array(repeating: d, count: count))
        }
    }
}

extension Scalar {
    /// Bools as ints (NumPy's `arange(True)` is `[0]`); other values unchanged.
    var asInteger: Scalar {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        return self
    }
}

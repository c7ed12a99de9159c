/// `np.arctan2(y, x)`: the angle of the point (x, y), elementwise with broadcasting, as float64
/// (the C library's `atan2`; NumPy uses SVML on AVX-512 machines, see benchmarks/MATH.md).
///
///     try atan2(Tensor(.float(1)), Tensor(.float(1)))   // 0.7853981633974483 (π/4)
public func atan2(_ y: Tensor, _ x: Tensor) throws(KernelError) -> Tensor {
    let pair = try BroadcastPair(y.shape, x.shape)
    return Tensor(shape: pair.shape, doubles: try pair.map(y.doubles, x.doubles) { libm.atan2($0, $1) })
}

/// `np.power(a, b)` elementwise with broadcasting.
///
/// int64 (or bool) to an int64 power stays int64, computed exactly; a negative exponent throws
/// NumPy's "Integers to negative integer powers are not allowed." and a result beyond int64
/// throws (NumPy wraps). Any float64 operand gives float64 via the C library's `pow`, except
/// that a single exponent of 2.0 or 0.5 is `x * x` or `sqrt(x)`, as in NumPy's loop.
///
///     try power(Tensor(shape: [3], ints: [2, 3, 4]), Tensor(.int(2)))   // [4, 9, 16]
public func power(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    let pair = try BroadcastPair(a.shape, b.shape)
    if let x = a.intsOrNil, let y = b.intsOrNil {
        return Tensor(shape: pair.shape, ints: try pair.map(x, y, integerPower))
    }
    // NumPy's float power loop special-cases a broadcast (stride-0) exponent of 2.0 (x·x) and
    // 0.5 (sqrt, so -0.0 stays -0.0 and -inf gives nan) before calling pow.
    if b.count == 1, let y = b.doubles.first, y == 2.0 || y == 0.5 {
        let x = a.doubles
        return Tensor(shape: pair.shape, doubles: pair.left.map { y == 2.0 ? x[$0] * x[$0] : x[$0].squareRoot() })
    }
    return Tensor(shape: pair.shape, doubles: try pair.map(a.doubles, b.doubles) { libm.pow($0, $1) })
}

/// `base ** exponent` in int64 by repeated squaring, throwing where NumPy would wrap.
func integerPower(_ base: Int, _ exponent: Int) throws(KernelError) -> Int {
    guard exponent >= 0 else { throw KernelError("Integers to negative integer powers are not allowed.") }
    var result = 1, square = base, e = exponent
    while e > 0 {
        if e & 1 == 1 {
            let (r, o) = result.multipliedReportingOverflow(by: square)
            guard !o else { throw KernelError("integer overflow in power: \(base) ** \(exponent) does not fit in int64") }
            result = r
        }
        e >>= 1
        if e > 0 {
            let (s, o) = square.multipliedReportingOverflow(by: square)
            guard !o else { throw KernelError("integer overflow in power: \(base) ** \(exponent) does not fit in int64") }
            square = s
        }
    }
    return result
}

/// `np.remainder(a, b)` (`a % b`): Python's floor modulo, the result has the divisor's sign.
///
/// Ints: exact; a zero divisor throws "integer modulo by zero" (NumPy gives 0 with a warning).
/// Floats: NumPy's `npy_remainder`: `fmod(a, b)`, moved by `b` when its sign differs from
/// `b`'s, a zero result signed like `b`; `b == 0` gives NaN as in NumPy.
///
///     try remainder(Tensor(shape: [2], ints: [-7, 7]), Tensor(.int(3)))   // [2, 1]
public func remainder(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    let pair = try BroadcastPair(a.shape, b.shape)
    if let x = a.intsOrNil, let y = b.intsOrNil {
        return Tensor(shape: pair.shape, ints: try pair.map(x, y) { (p: Int, q: Int) throws(KernelError) -> Int in
            guard q != 0 else { throw KernelError("integer modulo by zero") }
            if q == -1 { return 0 }
            let r = p % q
            return r != 0 && (r < 0) != (q < 0) ? r + q : r
        })
    }
    return Tensor(shape: pair.shape, doubles: try pair.map(a.doubles, b.doubles, floatRemainder))
}

/// NumPy's `npy_remainder` for doubles.
func floatRemainder(_ a: Double, _ b: Double) -> Double {
    var mod = libm.fmod(a, b)
    guard b != 0 else { return mod }
    if mod != 0 {
        if (b < 0) != (mod < 0) { mod += b }
    } else {
        mod = Double(signOf: b, magnitudeOf: 0)
    }
    return mod
}

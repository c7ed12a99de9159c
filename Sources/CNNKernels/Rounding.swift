/// `np.round(x, n)` for one double, exactly as NumPy computes it.
///
/// NumPy scales, rounds half to even, and scales back, each step rounded to double:
/// n ≥ 0: `rint(x * 10ⁿ) / 10ⁿ`; n < 0: `rint(x / 10⁻ⁿ) * 10⁻ⁿ`, where 10ⁿ is built as
/// NumPy's `power_of_ten` does (a table up to 1e8, then repeated `* 10.0`).
///
///     roundHalfEven(2.675, decimals: 2)   // 2.67 (2.675 is stored as 2.67499999…)
///     roundHalfEven(0.125, decimals: 2)   // 0.12 (an exact tie, to even)
public func roundHalfEven(_ x: Double, decimals: Int) -> Double {
    if decimals >= 0 {
        let f = powerOfTen(decimals)
        return roundToEven(x * f) / f
    }
    let f = powerOfTen(decimals == Int.min ? Int.max : -decimals)
    return roundToEven(x / f) * f
}

/// `rint(y)` in the default rounding mode (to nearest, ties to even), without libm:
/// adding and subtracting 2⁵² leaves the nearest integer for any |y| < 2⁵²; larger values,
/// infinities and NaN are already integral (or NaN) and come back unchanged. Keeps the sign,
/// so `roundToEven(-0.3)` is -0.0 as in C.
func roundToEven(_ y: Double) -> Double {
    let magnitude = y.magnitude
    guard magnitude < 0x1p52 else { return y }
    return Double(signOf: y, magnitudeOf: (magnitude + 0x1p52) - 0x1p52)
}

/// NumPy's `power_of_ten(n)` (numpy/_core/src/multiarray/calculation.c).
func powerOfTen(_ n: Int) -> Double {
    let table: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8]
    if n < 9 { return table[n] }
    var ret = 1e9
    var k = n - 9
    while k > 0 && ret.isFinite { ret *= 10; k -= 1 }
    return ret
}

/// `np.round(a, n)` for one int64: unchanged for n ≥ 0; for n < 0 the nearest multiple of
/// 10⁻ⁿ, ties to the even multiple (NumPy: `np.round(25, -1) == 20`).
func roundInteger(_ a: Int, decimals: Int) throws(KernelError) -> Int {
    if decimals >= 0 { return a }
    var f = 1
    var overflowed = false
    for _ in 0..<(decimals < -20 ? 20 : -decimals) {
        let (p, o) = f.multipliedReportingOverflow(by: 10)
        if o { overflowed = true; break }
        f = p
    }
    if overflowed {
        // |a| < 10^19 ≤ f: the quotient is 0 and only a remainder beyond f/2 could round up.
        if decimals == -19, a.magnitude > 5_000_000_000_000_000_000 {
            throw KernelError("integer overflow in round: \(a) rounded to \(decimals) decimals does not fit in int64")
        }
        return 0
    }
    var q = a / f
    var r = a % f
    if r < 0 { q -= 1; r += f }
    if r > f - r || (r == f - r && q % 2 != 0) { q += 1 }
    let (result, o) = q.multipliedReportingOverflow(by: f)
    guard !o else { throw KernelError("integer overflow in round: \(a) rounded to \(decimals) decimals does not fit in int64") }
    return result
}

extension Tensor {
    /// `np.round(x, decimals)`: floats via `roundHalfEven`; ints unchanged for decimals ≥ 0 and
    /// rounded to a multiple of 10⁻ᵈ (ties to even) otherwise. Bool arrays are rejected (NumPy
    /// would answer in float16, which lessons do not have).
    public func rounded(_ decimals: Int = 0) throws(KernelError) -> Tensor {
        switch storage {
        case .bool: throw KernelError("cannot round a bool array; convert it to numbers first")
        case .float64(let v): return Tensor(shape: shape, doubles: v.map { roundHalfEven($0, decimals: decimals) })
        case .int64(let v):
            var out = [Int]()
            out.reserveCapacity(v.count)
            for a in v { out.append(try roundInteger(a, decimals: decimals)) }
            return Tensor(shape: shape, ints: out)
        }
    }
}

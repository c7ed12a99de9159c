#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-argument elementwise function with NumPy's semantics (`np.exp`, `np.floor`, …).
///
/// Values are NumPy's on this CPU: `exp`, `log`, `log2`, `log10` and `tanh` come from
/// `NumPyMath` (ports of the Intel SVML routines NumPy 2 runs on AVX-512 CPUs, or the C library
/// where NumPy uses it); `sin cos tan` from the C library (libm); `sqrt`, `floor`, `ceil`, `abs`
/// and `sign` are exact. On an AVX-512 machine NumPy computes `tan` with SVML, which is not
/// ported: there the last bit can differ (at most 1 ulp; see benchmarks/MATH.md for the
/// measured agreement).
///
/// Domain errors give NaN and poles ±inf, exactly as NumPy (which only warns), so a printed
/// value always matches the NumPy listing: `log(-1.0)` is `nan`, `log(0.0)` is `-inf`.
public enum MathFunction: String, Sendable, CaseIterable {
    case exp, log, log2, log10, sqrt, sin, cos, tan, tanh, floor, ceil, abs, sign, sigmoid

    /// True for the functions that keep an int64 or bool array's dtype (`floor ceil abs sign`);
    /// the others turn int64 into float64 (and reject bool, which NumPy would answer in float16).
    public var keepsIntegers: Bool {
        switch self {
        case .floor, .ceil, .abs, .sign: true
        default: false
        }
    }

    /// The function of one double. `sigmoid` is `1 / (1 + np.exp(-x))`, the formula NumPy users
    /// write (with `np.exp`'s bits); `sign` is NumPy's (NaN stays NaN, ±0 gives 0.0).
    ///
    ///     MathFunction.sigmoid.apply(0)   // 0.5
    public func apply(_ x: Double) -> Double {
        switch self {
        case .exp: NumPyMath.exp(x)
        case .log: NumPyMath.log(x)
        case .log2: NumPyMath.log2(x)
        case .log10: NumPyMath.log10(x)
        case .sqrt: x.squareRoot()
        case .sin: libm.sin(x)
        case .cos: libm.cos(x)
        case .tan: libm.tan(x)
        case .tanh: NumPyMath.tanh(x)
        case .floor: x.rounded(.down)
        case .ceil: x.rounded(.up)
        case .abs: x.magnitude
        case .sign: x.isNaN ? x : (x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0))
        case .sigmoid: 1.0 / (1.0 + NumPyMath.exp(-x))
        }
    }

    /// The function of one int64 for `floor ceil abs sign` (nil for the others);
    /// `abs(Int64.min)` throws instead of wrapping as NumPy does.
    func apply(_ x: Int) throws(KernelError) -> Int? {
        switch self {
        case .floor, .ceil: return x
        case .sign: return x.signum()
        case .abs:
            guard x != Int.min else { throw KernelError("integer overflow in absolute: abs(\(x)) does not fit in int64") }
            return Swift.abs(x)
        default: return nil
        }
    }
}

/// The C library's functions, named apart from `MathFunction`'s cases.
enum libm {
    static func exp(_ x: Double) -> Double { cExp(x) }
    static func log(_ x: Double) -> Double { cLog(x) }
    static func log2(_ x: Double) -> Double { cLog2(x) }
    static func log10(_ x: Double) -> Double { cLog10(x) }
    static func sin(_ x: Double) -> Double { cSin(x) }
    static func cos(_ x: Double) -> Double { cCos(x) }
    static func tan(_ x: Double) -> Double { cTan(x) }
    static func tanh(_ x: Double) -> Double { cTanh(x) }
    static func atan2(_ y: Double, _ x: Double) -> Double { cAtan2(y, x) }
    static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    static func fmod(_ x: Double, _ y: Double) -> Double { cFmod(x, y) }
}

private func cExp(_ x: Double) -> Double { exp(x) }
private func cLog(_ x: Double) -> Double { log(x) }
private func cLog2(_ x: Double) -> Double { log2(x) }
private func cLog10(_ x: Double) -> Double { log10(x) }
private func cSin(_ x: Double) -> Double { sin(x) }
private func cCos(_ x: Double) -> Double { cos(x) }
private func cTan(_ x: Double) -> Double { tan(x) }
private func cTanh(_ x: Double) -> Double { tanh(x) }
private func cAtan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func cFmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }

extension Tensor {
    /// `np.exp(x)`, `np.floor(x)`, … elementwise (see `MathFunction`).
    ///
    /// Dtypes as NumPy: float64 stays float64; int64 gives float64 except for `floor ceil abs
    /// sign`, which keep int64; bool is kept by `floor ceil abs` and rejected by the others.
    ///
    ///     try Tensor(shape: [2], ints: [0, 1]).applying(.exp)   // [1.0, 2.718281828459045]
    public func applying(_ function: MathFunction) throws(KernelError) -> Tensor {
        switch storage {
        case .float64(let v):
            return Tensor(shape: shape, doubles: v.map(function.apply))
        case .int64(let v):
            guard function.keepsIntegers else { return Tensor(shape: shape, doubles: v.map { function.apply(Double($0)) }) }
            var out = [Int]()
            out.reserveCapacity(v.count)
            for a in v { out.append(try function.apply(a) ?? a) }
            return Tensor(shape: shape, ints: out)
        case .bool:
            guard function.keepsIntegers, function != .sign else {
                throw KernelError("\(function.rawValue) of a bool array is not supported (NumPy would answer in float16 or refuse); convert it first with .astype(\"float64\")")
            }
            return self
        }
    }
}

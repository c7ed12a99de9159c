import CX86Features

/// `np.exp`, `np.log` and `np.tanh` of one float64, bit for bit as NumPy computes them on this CPU.
///
/// NumPy 2 (checked with 2.4.6) picks a float64 loop at import time from the CPU's features:
///
/// | CPU has | `np.exp` | `np.log` | `np.tanh` |
/// | --- | --- | --- | --- |
/// | AVX512F+CD+BW+DQ+VL (NumPy's X86_V4 / AVX512_SKX target) | SVML `__svml_exp8_ha` | SVML `__svml_log8_ha` | SVML `__svml_tanh8` |
/// | less | C library `exp` | C library `log` | NumPy's own AVX2/SSE loop (not reproduced: libm here) |
///
/// (`DOUBLE_exp`/`DOUBLE_log` in `loops_exponent_log.dispatch.c.src` call SVML whenever it is
/// linked, which the x86-64 Linux wheels do; the Tang table-driven `AVX512F_exp_DOUBLE` and
/// `AVX512F_log_DOUBLE` loops in the same file are compiled only without SVML.) This type asks
/// the CPU the same question once (`cx86_has_avx512_skx`, CPUID through
/// `__builtin_cpu_supports`) and then runs a scalar Swift port of the same SVML routine
/// (`SVMLExp`, `SVMLLog`, `SVMLTanh`: same tables, same coefficients, the same operations in the
/// same order, fused exactly where SVML fuses), or the C library otherwise.
///
///     NumPyMath.exp(16.640902567573065)   // 16867555.9342298 with AVX-512 (np.exp's value), 16867555.93422981 from libm
public enum NumPyMath {
    /// True when NumPy's float64 exp/log/tanh on this CPU are SVML's (see the table above).
    public static let usesSVML: Bool = cx86_has_avx512_skx() != 0

    /// `np.exp(x)`.
    @inline(__always)
    public static func exp(_ x: Double) -> Double { usesSVML ? SVMLExp.exp(x) : libm.exp(x) }

    /// `np.log(x)`.
    @inline(__always)
    public static func log(_ x: Double) -> Double { usesSVML ? SVMLLog.log(x) : libm.log(x) }

    /// `np.tanh(x)`.
    @inline(__always)
    public static func tanh(_ x: Double) -> Double { usesSVML ? SVMLTanh.tanh(x) : libm.tanh(x) }
}

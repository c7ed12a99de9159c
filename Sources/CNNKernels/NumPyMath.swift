import CX86Features

/// `np.exp`, `np.log`, `np.log2`, `np.log10` and `np.tanh` of one float64, bit for bit as NumPy
/// computes them on this CPU.
///
/// NumPy 2 (checked against 2.4.6) picks a float64 loop at import time from the CPU's features:
///
/// | x86-64 CPU has | `np.exp`, `np.log`, `np.log2`, `np.log10` | `np.tanh` |
/// | --- | --- | --- |
/// | AVX512F+CD+BW+DQ+VL (NumPy's X86_V4 target) | SVML `__svml_exp8_ha`, `__svml_log8_ha`, `__svml_log28_ha`, `__svml_log108_ha` | NumPy's own loop = SVML `tanh_d_la` |
/// | AVX2+FMA3 (X86_V3) | C library | NumPy's own loop = SVML `tanh_d_la` |
/// | less | C library | C library (`npy_tanh`) |
/// | another architecture | C library (assumed) | C library (NumPy probably runs its FMA loop: not checked) |
///
/// `DOUBLE_exp`/`DOUBLE_log` (`loops_exponent_log.dispatch.c.src`) call SVML whenever it is
/// linked, as in the x86-64 Linux wheels; the Tang table-driven `AVX512F_exp_DOUBLE` and
/// `AVX512F_log_DOUBLE` loops of the same file are compiled only without SVML; `log2` and
/// `log10` come from `loops_umath_fp.dispatch.c.src`, SVML under the same condition.
/// `loops_hyperbolic.dispatch.cpp` is SVML's `svml_z0_tanh_d_la.s` rewritten with Highway:
/// the same tables and fused multiply-adds, on any target with FMA.
///
/// This type asks the CPU the same questions once (`__builtin_cpu_supports`, in the C target
/// CX86Features) and runs a scalar Swift port of the same routine (`SVMLExp`, `SVMLLog`,
/// `SVMLLog2`, `SVMLLog10`, `SVMLTanh`: same tables and coefficients, the same operations in
/// the same order, fused exactly where SVML fuses), or the C library otherwise.
///
///     NumPyMath.exp(16.640902567573065)   // 16867555.9342298 with AVX-512 (as np.exp), 16867555.93422981 from libm
public enum NumPyMath {
    /// True when NumPy's float64 `exp`, `log`, `log2` and `log10` on this CPU are SVML's (X86_V4).
    public static let usesSVML: Bool = cx86_has_x86_64_v4() != 0

    /// True when NumPy's float64 `tanh` on this CPU is its SVML-derived FMA loop (X86_V3 or V4).
    public static let tanhUsesSVML: Bool = cx86_has_avx2_fma() != 0 || usesSVML

    /// `np.exp(x)`.
    @inline(__always)
    public static func exp(_ x: Double) -> Double { usesSVML ? SVMLExp.exp(x) : libm.exp(x) }

    /// `np.log(x)`.
    @inline(__always)
    public static func log(_ x: Double) -> Double { usesSVML ? SVMLLog.log(x) : libm.log(x) }

    /// `np.log2(x)`.
    @inline(__always)
    public static func log2(_ x: Double) -> Double { usesSVML ? SVMLLog2.log2(x) : libm.log2(x) }

    /// `np.log10(x)`.
    @inline(__always)
    public static func log10(_ x: Double) -> Double { usesSVML ? SVMLLog10.log10(x) : libm.log10(x) }

    /// `np.tanh(x)`.
    @inline(__always)
    public static func tanh(_ x: Double) -> Double { tanhUsesSVML ? SVMLTanh.tanh(x) : libm.tanh(x) }
}

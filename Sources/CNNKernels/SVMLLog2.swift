import CX86Features

/// A scalar port of Intel SVML's `__svml_log28_ha` (AVX-512, "high accuracy"), the loop NumPy 2
/// runs for float64 `np.log2` on AVX-512 CPUs (`loops_umath_fp.dispatch.c.src`; see
/// `NumPyMath`). Source: numpy/SVML, `linux/avx512/svml_z0_log2_d_ha.s` (BSD-3-Clause); the
/// tables are its `__svml_dlog2_ha_data_internal_avx512`, checked against the NumPy binary by
/// `Tests/CNNKernelsTests/Oracle/svml_tables.py`.
///
/// The reduction of `SVMLLog` (x = 2^e·m, c = `vrcp14pd`(m) rounded to 5 fractional bits,
/// R = c·m − 1), then
///
///     log2(x) = (e + [c < 0.75]) + T[c] + R·log2(e) + R²·q(R)
///
/// with the sum R·log2(e) + head split exactly by a fused multiply-subtract. ±0 give −inf,
/// negative numbers and −inf give NaN, +inf gives inf.
///
///     SVMLLog2.log2(8)   // 3.0
enum SVMLLog2 {
    /// −log2(c) (minus 1 for c < 0.75), high part, indexed by the top 4 mantissa bits of c.
    static let high: [Double] = [
        0x0.0p+0, -0x1.663f6fac90000p-4, -0x1.5c01a39fc0000p-3, -0x1.fbc16b9028000p-3,
        -0x1.49a784bcd0000p-2, -0x1.91bba891f0000p-2, -0x1.d6753e0330000p-2, -0x1.0c10500d64000p-1,
        0x1.a8ff971810000p-2, 0x1.6cb0f6865c000p-2, 0x1.32bfee3710000p-2, 0x1.f5fd8a9060000p-3,
        0x1.8a8980abf8000p-3, 0x1.22dadc2ab0000p-3, 0x1.7d60496d00000p-4, 0x1.77394c9da0000p-5,
    ]

    /// The low parts of `high`.
    static let low: [Double] = [
        0x0.0p+0, -0x1.3167ccc538261p-44, 0x1.4bc302ffa76fbp-42, 0x1.7f5dc57266758p-43,
        -0x1.b8afe492bf6ffp-42, -0x1.708b4b2b5056cp-42, 0x1.5f101c141e670p-42, 0x1.5669df6a2b592p-43,
        0x1.4bc302ffa76fbp-43, 0x1.1d406db502403p-43, -0x1.1979a5db68722p-42, 0x1.f1a4847f7b278p-42,
        0x1.e9933354dbf17p-42, 0x1.a4b69691d7994p-42, -0x1.12ce6312ebb82p-42, -0x1.4e55443478fe0p-42,
    ]

    static let a2 = -0x1.283074b6385edp-3, a3 = 0x1.48f3d7961ddc4p-3
    static let a4 = -0x1.715442d67f111p-3, a5 = 0x1.a6173d9393468p-3
    static let a6 = -0x1.ec709dc9f7735p-3, a7 = 0x1.2776c510a3422p-2
    static let a8 = -0x1.71547652b8064p-2, a9 = 0x1.ec709dc3a0328p-2
    static let a10 = -0x1.71547652b82fep-1, a11 = 0x1.7bc726bb4732ep-56
    /// log2(e), the coefficient of R.
    static let log2e = 0x1.71547652b82fep+0

    static func log2(_ x: Double) -> Double {
        // vfpclasspd 0x5e: ±0, ±inf and negative numbers take the callout (NaN stays NaN).
        if x.isNaN { return x + x }
        if x.isZero || x.isInfinite || x.sign == .minus { return rare(x) }
        let m = x.significand                          // vgetmantpd
        var e = Double(x.exponent)                     // vgetexppd
        let c = (cx86_rcp14(m) * 32).rounded(.toNearestOrEven) / 32   // vrndscalepd 0x58
        let r = (-1.0).addingProduct(c, m)             // vfmsub213pd: c·m − 1
        let cIsSmall = c < 0.75
        var p2 = a3.addingProduct(a2, r)
        let p6 = a5.addingProduct(a4, r)
        var p0 = a7.addingProduct(a6, r)
        let r2 = r * r
        let i = Int((c.bitPattern >> 48) & 15)
        p2 = p6.addingProduct(r2, p2)
        if cIsSmall { e = e + 1.0 }
        let r4 = r2 * r2
        let p7 = a9.addingProduct(a8, r)
        let head = e + high[i]
        p0 = p7.addingProduct(r2, p0)
        let p10 = a11.addingProduct(a10, r)
        p2 = p0.addingProduct(r4, p2)
        let sum = head.addingProduct(r, log2e)
        p2 = p10.addingProduct(r2, p2)
        let sumHigh = sum - head
        let rLow = (-sumHigh).addingProduct(r, log2e)  // vfmsub231pd: R·log2(e) − (sum − head)
        p2 = (low[i] + rLow).addingProduct(r, p2)
        return sum + p2
    }

    /// `__svml_dlog2_ha_cout_rare_internal` for the inputs the main path hands it.
    static func rare(_ x: Double) -> Double {
        if x == .infinity { return x }
        if x.isZero { return -1.0 / 0.0 }
        return -Double.nan                             // inf·0 on x86: the negative default NaN
    }
}

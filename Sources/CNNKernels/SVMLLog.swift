import CX86Features

/// A scalar port of Intel SVML's `__svml_log8_ha` (AVX-512, "high accuracy"), the loop NumPy 2
/// runs for float64 `np.log` on AVX-512 CPUs, for every input including those near 1 (see
/// `NumPyMath`). Source: numpy/SVML, `linux/avx512/svml_z0_log_d_ha.s` (BSD-3-Clause); the
/// tables are its `__svml_dlog_ha_data_internal_avx512`, checked against the NumPy binary by
/// `Tests/CNNKernelsTests/Oracle/svml_tables.py`.
///
/// With x = 2^e·m, m ∈ [1, 2) (`vgetexppd`, `vgetmantpd`, subnormals included) and c = 1/m
/// from the hardware's 14-bit reciprocal (`vrcp14pd`, run through `cx86_rcp14`) rounded to
/// 5 fractional bits, so c ∈ (0.5, 1] and R = c·m − 1 is small:
///
///     log(x) = (e + [c < 0.75])·ln2 + T[c] + R + R²·q(R)       q of degree 7, in FMAs as SVML
///
/// where T[c] = −log(c) (− ln2 when c < 0.75), held as a high part and a tiny low part.
/// Zero gives −inf, negative numbers and −inf give NaN, +inf gives inf (SVML's callout).
///
///     SVMLLog.log(2)   // 0.6931471805599453
enum SVMLLog {
    /// −log(c) (minus ln2 for c < 0.75), high part, indexed by the top 4 mantissa bits of c.
    static let high: [Double] = [
        0x0.0p+0, -0x1.f0a30c0120000p-5, -0x1.e27076e2b0000p-4, -0x1.5ff3070a78000p-3,
        -0x1.c8ff7c79a8000p-3, -0x1.1675cababc000p-2, -0x1.4618bc21c4000p-2, -0x1.739d7f6bbc000p-2,
        0x1.269621134c000p-2, 0x1.f991c6cb38000p-3, 0x1.a93ed3c8b0000p-3, 0x1.5bf406b540000p-3,
        0x1.1178e82280000p-3, 0x1.9335e5d590000p-4, 0x1.08598b59e0000p-4, 0x1.0415d89e80000p-5,
    ]

    /// The low parts of `high`.
    static let low: [Double] = [
        0x0.0p+0, 0x1.3ab33d066d1d2p-42, 0x1.a342c2af0003cp-45, -0x1.3d3c873e20a07p-43,
        -0x1.a21ac25d81ef3p-43, 0x1.9f1fc63382a8fp-42, -0x1.ec27d0b7b37b3p-42, -0x1.0069ce24c53fbp-42,
        0x1.b92783beb7677p-42, 0x1.9bcbecca0cdf3p-42, -0x1.30e486a0ac42dp-42, 0x1.ed8fdc149767ep-42,
        -0x1.b8421cc74be04p-43, 0x1.2622b8757a8fbp-42, 0x1.d034451fecdfbp-43, -0x1.77771fd187145p-42,
    ]

    static let ln2High = 0x1.62e42fefa0000p-1
    static let ln2Low = 0x1.cf79abc9e0000p-40
    static let a2 = 0x1.c81cd309d7c70p-4, a3 = -0x1.007357e93af62p-3
    static let a4 = 0x1.249229cee81efp-3, a5 = -0x1.55553fb28db06p-3
    static let a6 = 0x1.9999999cc9f5cp-3, a7 = -0x1.00000000c05bdp-2
    static let a8 = 0x1.5555555555466p-2, a9 = -0x1.fffffffffffc6p-2

    static func log(_ x: Double) -> Double {
        // vfpclasspd 0xdf: NaN, ±0, ±inf and negative numbers take the callout.
        if x.isNaN || x.isZero || x.isInfinite || x.sign == .minus { return rare(x) }
        let m = x.significand                          // vgetmantpd, [1, 2), subnormals normalized
        var e = Double(x.exponent)                     // vgetexppd
        let c = (cx86_rcp14(m) * 32).rounded(.toNearestOrEven) / 32   // vrndscalepd 0x58
        let r = (-1.0).addingProduct(c, m)             // vfmsub213pd: c·m − 1
        let cIsSmall = c < 0.75
        let p7 = a5.addingProduct(a4, r)
        var p1 = a3.addingProduct(a2, r)
        let r2 = r * r
        let p9 = a7.addingProduct(a6, r)
        let i = Int((c.bitPattern >> 48) & 15)
        p1 = p7.addingProduct(r2, p1)
        let r4 = r2 * r2
        let p8 = a9.addingProduct(a8, r)
        if cIsSmall { e = e + 1.0 }
        let q9 = p8.addingProduct(r2, p9)
        let head = high[i].addingProduct(ln2High, e)
        p1 = q9.addingProduct(r4, p1)
        let sum = head + r
        let rLow = r - (sum - head)
        p1 = rLow.addingProduct(r2, p1)
        let tail = low[i].addingProduct(ln2Low, e)
        return sum + (p1 + tail)
    }

    /// `__svml_dlog_ha_cout_rare_internal` for the inputs the main path hands it.
    static func rare(_ x: Double) -> Double {
        if x.isNaN || x == .infinity { return x * x }
        if x.isZero { return -1.0 / 0.0 }
        return -Double.nan                             // 0/0 on x86: the negative default NaN
    }
}

import CX86Features

/// A scalar port of Intel SVML's `__svml_log108_ha` (AVX-512, "high accuracy"), the loop NumPy 2
/// runs for float64 `np.log10` on AVX-512 CPUs (`loops_umath_fp.dispatch.c.src`; see
/// `NumPyMath`). Source: numpy/SVML, `linux/avx512/svml_z0_log10_d_ha.s` (BSD-3-Clause); the
/// tables are its `__svml_dlog10_ha_data_internal_avx512`, checked against the NumPy binary by
/// `Tests/CNNKernelsTests/Oracle/svml_tables.py`.
///
/// The reduction of `SVMLLog` (x = 2^e·m, c = `vrcp14pd`(m) rounded to 5 fractional bits,
/// R = c·m − 1), then
///
///     log10(x) = (e + [c < 0.75])·log10(2) + T[c] + R·log10(e) + R²·q(R)
///
/// with the sum R·log10(e) + head split exactly by a fused multiply-subtract. ±0 give −inf,
/// negative numbers and −inf give NaN, +inf gives inf.
///
///     SVMLLog10.log10(1000)   // 3.0
enum SVMLLog10 {
    /// −log10(c) (minus log10(2) for c < 0.75), high part, indexed by the top 4 mantissa bits of c.
    static let high: [Double] = [
        0x0.0p+0, -0x1.af5f92b000000p-6, -0x1.a30a9d60a0000p-5, -0x1.31b3055c40000p-4,
        -0x1.8cf1838860000p-4, -0x1.e3bc1ab0e0000p-4, -0x1.1b3e71ec98000p-3, -0x1.42c7e7fe40000p-3,
        0x1.ffbfc2bbc0000p-4, 0x1.b721cd1710000p-4, 0x1.715d0ce360000p-4, 0x1.2e3a740b80000p-4,
        0x1.db11ed7660000p-5, 0x1.5e3966b7e0000p-5, 0x1.cb38fccd80000p-6, 0x1.c3d0837780000p-7,
    ]

    /// The low parts of `high`.
    static let low: [Double] = [
        0x0.0p+0, -0x1.cc1f4dbc14db5p-43, 0x1.0163d7e67d282p-45, -0x1.c46006d082e6dp-42,
        -0x1.20326ca2c7e5fp-42, -0x1.9fe3d562a53f0p-44, 0x1.842a222666db0p-42, 0x1.ff1d22abd8abep-46,
        0x1.e00dd60df12c3p-42, 0x1.5f8a57d982e77p-42, 0x1.ebeeb67bf155ap-42, -0x1.ffc5aef53f2edp-42,
        0x1.57e865b878377p-42, 0x1.252a37739a5f7p-42, 0x1.7fb6d2d6528c7p-43, 0x1.310272fe17537p-45,
    ]

    static let a2 = 0x1.8c2d828480370p-5, a3 = -0x1.bd80d96029814p-5
    static let a4 = 0x1.fc3f6f38b58a2p-5, a5 = -0x1.287a63464dc80p-4
    static let a6 = 0x1.63c62777f27d9p-4, a7 = -0x1.bcb7b153c06a3p-4
    static let a8 = 0x1.287a7636f428cp-3, a9 = -0x1.bcb7b1526e4dbp-3
    /// The polynomial's constant term (a tiny correction).
    static let a0 = 0x1.9a5fdaaf11825p-57
    /// log10(e), the coefficient of R.
    static let log10e = 0x1.bcb7b1526e50ep-2
    static let log10Of2High = 0x1.34413509f0000p-2
    static let log10Of2Low = 0x1.e7fbcc47c4acdp-40

    static func log10(_ x: Double) -> Double {
        // vfpclasspd 0x5e: ±0, ±inf and negative numbers take the callout (NaN stays NaN).
        if x.isNaN { return x + x }
        if x.isZero || x.isInfinite || x.sign == .minus { return rare(x) }
        let m = x.significand                          // vgetmantpd
        var e = Double(x.exponent)                     // vgetexppd
        let c = (cx86_rcp14(m) * 32).rounded(.toNearestOrEven) / 32   // vrndscalepd 0x58
        let r = (-1.0).addingProduct(c, m)             // vfmsub213pd: c·m − 1
        let cIsSmall = c < 0.75
        let p6 = a5.addingProduct(a4, r)
        var p1 = a3.addingProduct(a2, r)
        let r2 = r * r
        let i = Int((c.bitPattern >> 48) & 15)
        let r4 = r2 * r2
        p1 = p6.addingProduct(r2, p1)
        if cIsSmall { e = e + 1.0 }
        let head = high[i].addingProduct(log10Of2High, e)
        let tail = low[i].addingProduct(log10Of2Low, e)
        let p7 = a9.addingProduct(a8, r)
        var p9 = a7.addingProduct(a6, r)
        let sum = head.addingProduct(r, log10e)
        p9 = p7.addingProduct(r2, p9)
        let sumHigh = sum - head
        p1 = p9.addingProduct(r4, p1)
        p1 = a0.addingProduct(r, p1)
        let rLow = (-sumHigh).addingProduct(r, log10e)   // vfmsub231pd: R·log10(e) − (sum − head)
        p1 = (tail + rLow).addingProduct(r, p1)
        return sum + p1
    }

    /// `__svml_dlog10_ha_cout_rare_internal` for the inputs the main path hands it.
    static func rare(_ x: Double) -> Double {
        if x == .infinity { return x }
        if x.isZero { return -1.0 / 0.0 }
        return -Double.nan                             // 0/0 on x86: the negative default NaN
    }
}

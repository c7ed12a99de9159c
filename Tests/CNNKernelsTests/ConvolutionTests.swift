import Testing
import TestSupport
@testable import CNNKernels

/// conv2d against a plain reference written from the definition: for each output, the
/// dilated window's products in C order summed with `pairwiseSum` (NumPy's `np.sum`), then
/// the bias. The SIMD path (eight lanes, two filters per load, phase planes for strides)
/// must agree bit for bit over a grid of strides, paddings, dilations and shapes, including
/// the degenerate ones and tap counts past NumPy's 128-element pairwise block.
@Suite struct ConvolutionTests {
    /// splitmix64 doubles in [-1, 1), a few exact zeros and negative zeros mixed in.
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { i in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            if i % 17 == 5 { return -0.0 }
            return Double(z >> 11) * 0x1p-52 - 1
        }
    }

    /// The definition, one output at a time (shapes as conv2d's F×C×KH×KW view).
    static func reference(_ x: [Double], c: Int, h: Int, w: Int, _ k: [Double], f: Int, kh: Int, kw: Int,
                          stride s: Int, padding p: Int, dilation d: Int, bias: [Double]?) -> [Double] {
        let ho = (h + 2 * p - d * (kh - 1) - 1) / s + 1
        let wo = (w + 2 * p - d * (kw - 1) - 1) / s + 1
        var out = [Double]()
        var products = [Double](repeating: 0, count: c * kh * kw)
        for fi in 0..<f {
            for oy in 0..<ho {
                for ox in 0..<wo {
                    var t = 0
                    for ci in 0..<c {
                        for i in 0..<kh {
                            for j in 0..<kw {
                                let r = oy * s + i * d - p, col = ox * s + j * d - p
                                let value = (r >= 0 && r < h && col >= 0 && col < w) ? x[(ci * h + r) * w + col] : 0.0
                                products[t] = value * k[((fi * c + ci) * kh + i) * kw + j]
                                t += 1
                            }
                        }
                    }
                    let sum = products.withUnsafeBufferPointer(pairwiseSum)
                    out.append(bias.map { sum + $0[fi] } ?? sum)
                }
            }
        }
        return out
    }

    static func check(c: Int, h: Int, w: Int, f: Int, kh: Int, kw: Int, stride: Int, padding: Int,
                      dilation: Int, withBias: Bool, seed: UInt64) throws {
        let x = values(c * h * w, seed: seed), k = values(f * c * kh * kw, seed: seed &+ 1)
        let bias = withBias ? values(f, seed: seed &+ 2) : nil
        let got = try conv2d(Tensor(shape: [c, h, w], doubles: x), Tensor(shape: [f, c, kh, kw], doubles: k),
                             stride: stride, padding: padding, dilation: dilation,
                             bias: bias.map { Tensor(shape: [f], doubles: $0) })
        let expected = reference(x, c: c, h: h, w: w, k, f: f, kh: kh, kw: kw, stride: stride, padding: padding,
                                 dilation: dilation, bias: bias)
        let ho = try convOutputSize(h, kernel: kh, stride: stride, padding: padding, dilation: dilation)
        let wo = try convOutputSize(w, kernel: kw, stride: stride, padding: padding, dilation: dilation)
        #expect(got.shape == [f, ho, wo])
        let gotValues = got.doubles
        #expect(gotValues.count == expected.count)
        let mismatch = expected.indices.first { $0 >= gotValues.count || gotValues[$0].bitPattern != expected[$0].bitPattern }
        #expect(mismatch == nil, "seed \(seed): first mismatch at flat \(mismatch ?? -1) for c\(c) \(h)×\(w) f\(f) k\(kh)×\(kw) s\(stride) p\(padding) d\(dilation)")
    }

    @Test(arguments: [1, 2, 3], [0, 1, 2])
    func strideAndPaddingGrid(stride: Int, padding: Int) throws {
        for dilation in [1, 2] {
            for (kh, kw) in [(1, 1), (3, 3), (2, 5)] {
                try Self.check(c: 2, h: 11, w: 19, f: 3, kh: kh, kw: kw, stride: stride, padding: padding,
                               dilation: dilation, withBias: (kh + stride) % 2 == 0, seed: UInt64(stride * 100 + padding * 10 + kh))
            }
        }
    }

    @Test(arguments: [
        (1, 3, 3, 3), // the window is the whole image: one output
        (1, 1, 1, 1), // 1×1 image, 1×1 kernel
        (16, 5, 9, 3), // 144 taps: past the 128-element block, NumPy splits the sum in halves
        (40, 4, 4, 3), // 360 taps: two levels of splitting
        (5, 6, 30, 5), // 125 taps, wide rows (several lane groups plus a remainder)
    ])
    func degenerateAndLongSums(_ shape: (Int, Int, Int, Int)) throws {
        let (c, h, w, k) = shape
        for f in [1, 2, 5] {
            try Self.check(c: c, h: h, w: w, f: f, kh: k, kw: k, stride: 1, padding: 0, dilation: 1, withBias: f > 1, seed: UInt64(c * h * w + f))
        }
    }

    @Test func mediumImage() throws {
        try Self.check(c: 3, h: 40, w: 45, f: 16, kh: 3, kw: 3, stride: 1, padding: 1, dilation: 1, withBias: true, seed: 99)
        try Self.check(c: 3, h: 40, w: 45, f: 16, kh: 3, kw: 3, stride: 2, padding: 1, dilation: 1, withBias: true, seed: 98)
    }

    @Test func layoutsAgree() throws {
        let x = Self.values(3 * 6 * 7, seed: 5), k = Self.values(2 * 3 * 3 * 3, seed: 6)
        let chw = Tensor(shape: [3, 6, 7], doubles: x)
        let full = try conv2d(chw, Tensor(shape: [2, 3, 3, 3], doubles: k), padding: 1)
        let one = try conv2d(chw, Tensor(shape: [3, 3, 3], doubles: Array(k[27...])), padding: 1)
        #expect(full.shape == [2, 6, 7] && one.shape == [6, 7])
        #expect(Array(full.doubles[42...]) == one.doubles)
        let batch = try conv2d(Tensor(shape: [2, 3, 6, 7], doubles: x + x.map { -$0 }), Tensor(shape: [2, 3, 3, 3], doubles: k), padding: 1)
        #expect(batch.shape == [2, 2, 6, 7])
        #expect(Array(batch.doubles[..<84]) == full.doubles)
        let plane = try conv2d(Tensor(shape: [6, 7], doubles: Array(x[..<42])), Tensor(shape: [3, 3], doubles: Array(k[..<9])))
        let single = try conv2d(Tensor(shape: [1, 6, 7], doubles: Array(x[..<42])), Tensor(shape: [1, 1, 3, 3], doubles: Array(k[..<9])))
        #expect(plane.shape == [4, 5] && plane.doubles == single.doubles)
    }

    @Test func integerConvolutionIsExact() throws {
        let x = Tensor(shape: [2, 5, 5], ints: (0..<50).map { $0 % 7 - 3 })
        let k = Tensor(shape: [3, 2, 2, 2], ints: (0..<24).map { $0 % 5 - 2 })
        let got = try conv2d(x, k, stride: 2, padding: 1, bias: Tensor(shape: [3], ints: [1, -1, 4]))
        #expect(got.dtype == .int64)
        let asFloat = try conv2d(Tensor(shape: [2, 5, 5], doubles: x.doubles), Tensor(shape: [3, 2, 2, 2], doubles: k.doubles),
                                 stride: 2, padding: 1, bias: Tensor(shape: [3], doubles: [1, -1, 4]))
        #expect(got.doubles == asFloat.doubles)
    }

    @Test func receptiveFieldStartFollowsPadding() throws {
        // start_l = start_{l-1} - P_l * jump_{l-1}: 0 → -1 → -1 → -1 - 1·2 = -3.
        let steps = try receptiveField([
            LayerSpec(kind: .conv, kernel: 3, stride: 1, padding: 1),
            LayerSpec(kind: .pool, kernel: 2, stride: 2),
            LayerSpec(kind: .conv, kernel: 3, stride: 1, padding: 1),
        ])
        #expect(steps.map(\.start) == [-1, -1, -3])
        #expect(steps.map(\.field) == [3, 4, 8])
        #expect(steps.map(\.jump) == [1, 2, 2])
        #expect(steps.map(\.name) == ["conv 3x3", "pool 2x2", "conv 3x3"])
    }
}

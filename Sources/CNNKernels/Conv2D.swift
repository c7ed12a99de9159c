/// A deep-learning 2-D convolution (cross-correlation: the kernel is not flipped).
///
/// Shapes: input H×W, C×H×W or N×C×H×W; kernel K×K (single-channel input), C×K×K (one
/// output map, Ho×Wo) or F×C×K×K (F maps, F×Ho×Wo; N×F×Ho×Wo for a batch). Kernels may be
/// rectangular. Zero `padding` on each side, `dilation` spacing between taps, one optional
/// `bias` per filter added after the sum. Per axis: Ho = ⌊(H + 2P − d(K − 1) − 1) / S⌋ + 1.
///
/// Every float output equals, bit for bit, NumPy's `np.sum(window * kernel) + bias[f]`, where
/// `window` is the dilated C×K×K slice of the padded input: products in C order, summed in
/// NumPy's pairwise order (`pairwiseSum`), never fused. Ints (and bools) give an int64 result,
/// throwing on overflow.
///
///     // 4×4 image, 3×3 horizontal-edge kernel → [[0.852, 0.789], [0.817, 0.874]] (rounded)
///
/// - Complexity: O(N·F·Ho·Wo·C·K²); eight adjacent output columns share SIMD lanes.
public func conv2d(_ input: Tensor, _ kernel: Tensor, stride: Int = 1, padding: Int = 0, dilation: Int = 1, bias: Tensor? = nil) throws(KernelError) -> Tensor {
    let g = try ConvGeometry(input: input.shape, kernel: kernel.shape, stride: stride, padding: padding, dilation: dilation)
    if let bias {
        guard bias.count == g.filters, bias.rank <= 1 else {
            throw KernelError("bias has shape \(shapeText(bias.shape)) but there \(g.filters == 1 ? "is 1 filter" : "are \(g.filters) filters"); give one bias per filter")
        }
    }
    let allInts = input.dtype != .float64 && kernel.dtype != .float64 && (bias?.dtype ?? .int64) != .float64
    if allInts {
        return try conv2dIntegers(input.intsOrNil ?? [], kernel.intsOrNil ?? [], bias: bias?.intsOrNil, g)
    }
    let values = conv2dDoubles(input.doubles, kernel.doubles, bias: bias?.doubles, g)
    return Tensor(shape: g.outputShape, doubles: values)
}

/// SIMD lanes: adjacent output columns computed together, each lane in the scalar order.
private typealias Lanes = SIMD8<Double>
private let laneCount = 8

private func conv2dDoubles(_ input: [Double], _ kernel: [Double], bias: [Double]?, _ g: ConvGeometry) -> [Double] {
    let s = g.stride, d = g.dilation
    let hp = g.paddedHeight
    let roundedWidth = (g.outWidth + laneCount - 1) / laneCount * laneCount
    let maxShift = d * (g.kernelWidth - 1) / s
    // Phase layout: plane[((c·Hp + r)·S + φ)·Wq + k] = padded[c][r][k·S + φ], so every tap
    // reads Wo consecutive doubles whatever the stride.
    let wq = Swift.max((g.paddedWidth + s - 1) / s, maxShift + roundedWidth)
    let planeSize = g.channels * hp * s * wq
    let taps = g.taps
    var offsets = [Int]()
    offsets.reserveCapacity(taps)
    for c in 0..<g.channels {
        for i in 0..<g.kernelHeight {
            for j in 0..<g.kernelWidth {
                offsets.append(((c * hp + i * d) * s + (j * d) % s) * wq + (j * d) / s)
            }
        }
    }
    let rowStep = s * s * wq
    let outPlane = g.outHeight * g.outWidth
    let total = g.batch * g.filters * outPlane
    var plane = [Double](repeating: 0, count: planeSize)
    // Every position is written below (all rows, all columns, every filter), so the
    // buffer need not be zeroed first.
    var output = [Double](unsafeUninitializedCapacity: total) { _, initialized in initialized = total }
    offsets.withUnsafeBufferPointer { off in
        kernel.withUnsafeBufferPointer { w in
            plane.withUnsafeMutableBufferPointer { planeBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    // Every buffer is non-empty (the geometry has positive extents).
                    guard let p = planeBuffer.baseAddress, let offsetBase = off.baseAddress,
                          let weightBase = w.baseAddress, let outBase = out.baseAddress else { return }
                    for n in 0..<g.batch {
                        // Scatter image n into the zero-filled phase planes.
                        for c in 0..<g.channels {
                            for r in 0..<g.height {
                                let source = ((n * g.channels + c) * g.height + r) * g.width
                                let rowStart = (c * hp + r + g.padding) * s * wq
                                // Padded column q = col + P lives in phase q mod S at q div S;
                                // step both along instead of dividing per element.
                                var phase = g.padding % s, k = g.padding / s
                                for col in 0..<g.width {
                                    p[rowStart + phase * wq + k] = input[source + col]
                                    phase += 1
                                    if phase == s { phase = 0; k += 1 }
                                }
                            }
                        }
                        var f = 0
                        while f < g.filters {
                            // Filters in pairs; an odd last filter is paired with itself.
                            let f1 = Swift.min(f + 1, g.filters - 1)
                            let w0 = weightBase + f * taps, w1 = weightBase + f1 * taps
                            let b0 = bias?[f], b1 = bias?[f1]
                            let out0 = outBase + (n * g.filters + f) * outPlane
                            let out1 = outBase + (n * g.filters + f1) * outPlane
                            for oy in 0..<g.outHeight {
                                let rowBase = UnsafePointer(p + oy * rowStep)
                                var ox = 0
                                while ox < g.outWidth {
                                    let (s0, s1) = lanePairwise(rowBase + ox, offsetBase, w0, w1, taps)
                                    var v0 = Lanes(repeating: 0) + s0, v1 = Lanes(repeating: 0) + s1
                                    if let b0, let b1 { v0 += Lanes(repeating: b0); v1 += Lanes(repeating: b1) }
                                    let index = oy * g.outWidth + ox
                                    let valid = Swift.min(laneCount, g.outWidth - ox)
                                    if valid == laneCount {
                                        UnsafeMutableRawPointer(out0 + index).storeBytes(of: v0, as: Lanes.self)
                                        UnsafeMutableRawPointer(out1 + index).storeBytes(of: v1, as: Lanes.self)
                                    } else {
                                        for l in 0..<valid { out0[index + l] = v0[l]; out1[index + l] = v1[l] }
                                    }
                                    ox += laneCount
                                }
                            }
                            f += 2
                        }
                        if n + 1 < g.batch { planeBuffer.update(repeating: 0) }
                    }
                }
            }
        }
    }
    return output
}

@inline(__always)
private func load(_ x: UnsafePointer<Double>, _ off: UnsafePointer<Int>, _ t: Int) -> Lanes {
    UnsafeRawPointer(x + off[t]).loadUnaligned(as: Lanes.self)
}

/// `pairwiseSumRaw` over the products x[off[t]]·w[t], t = 0..<n, for eight adjacent outputs
/// (lanes) and two filters (`w0`, `w1`) at once: each input load serves both filters, and
/// every lane of every filter adds its products in exactly NumPy's order.
private func lanePairwise(_ x: UnsafePointer<Double>, _ off: UnsafePointer<Int>,
                          _ w0: UnsafePointer<Double>, _ w1: UnsafePointer<Double>, _ n: Int) -> (Lanes, Lanes) {
    if n < 8 {
        var a = Lanes(repeating: 0), b = Lanes(repeating: 0)
        for t in 0..<n {
            let v = load(x, off, t)
            a += v * Lanes(repeating: w0[t])
            b += v * Lanes(repeating: w1[t])
        }
        return (a, b)
    } else if n <= pairwiseBlockSize {
        let end = n - n % 8
        // Running sum r_j takes taps j, j+8, j+16, …: the same order as NumPy's r[j].
        @inline(__always) func running(_ j: Int) -> (Lanes, Lanes) {
            let v = load(x, off, j)
            var a = v * Lanes(repeating: w0[j]), b = v * Lanes(repeating: w1[j])
            var t = j + 8
            while t < end {
                let u = load(x, off, t)
                a += u * Lanes(repeating: w0[t])
                b += u * Lanes(repeating: w1[t])
                t += 8
            }
            return (a, b)
        }
        let r0 = running(0), r1 = running(1), r2 = running(2), r3 = running(3)
        let r4 = running(4), r5 = running(5), r6 = running(6), r7 = running(7)
        var a = ((r0.0 + r1.0) + (r2.0 + r3.0)) + ((r4.0 + r5.0) + (r6.0 + r7.0))
        var b = ((r0.1 + r1.1) + (r2.1 + r3.1)) + ((r4.1 + r5.1) + (r6.1 + r7.1))
        var t = end
        while t < n {
            let v = load(x, off, t)
            a += v * Lanes(repeating: w0[t])
            b += v * Lanes(repeating: w1[t])
            t += 1
        }
        return (a, b)
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        let (a0, b0) = lanePairwise(x, off, w0, w1, n2)
        let (a1, b1) = lanePairwise(x, off + n2, w0 + n2, w1 + n2, n - n2)
        return (a0 + a1, b0 + b1)
    }
}

private func conv2dIntegers(_ input: [Int], _ kernel: [Int], bias: [Int]?, _ g: ConvGeometry) throws(KernelError) -> Tensor {
    var output = [Int]()
    output.reserveCapacity(g.outputShape.reduce(1, *))
    let overflow = KernelError("integer overflow in conv2d: a window sum does not fit in int64")
    for n in 0..<g.batch {
        for f in 0..<g.filters {
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    var acc = 0
                    for c in 0..<g.channels {
                        for i in 0..<g.kernelHeight {
                            let r = oy * g.stride + i * g.dilation - g.padding
                            guard r >= 0, r < g.height else { continue }
                            for j in 0..<g.kernelWidth {
                                let col = ox * g.stride + j * g.dilation - g.padding
                                guard col >= 0, col < g.width else { continue }
                                let x = input[((n * g.channels + c) * g.height + r) * g.width + col]
                                let k = kernel[((f * g.channels + c) * g.kernelHeight + i) * g.kernelWidth + j]
                                let (prod, o1) = x.multipliedReportingOverflow(by: k)
                                let (sum, o2) = acc.addingReportingOverflow(prod)
                                guard !o1, !o2 else { throw overflow }
                                acc = sum
                            }
                        }
                    }
                    if let bias {
                        let (sum, o) = acc.addingReportingOverflow(bias[f])
                        guard !o else { throw overflow }
                        acc = sum
                    }
                    output.append(acc)
                }
            }
        }
    }
    return Tensor(shape: g.outputShape, ints: output)
}

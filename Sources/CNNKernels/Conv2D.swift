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
    var output = [Double](repeating: 0, count: total)
    offsets.withUnsafeBufferPointer { off in
        kernel.withUnsafeBufferPointer { w in
            plane.withUnsafeMutableBufferPointer { planeBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    let p = planeBuffer.baseAddress!
                    for n in 0..<g.batch {
                        // Scatter image n into the zero-filled phase planes.
                        for c in 0..<g.channels {
                            for r in 0..<g.height {
                                let source = ((n * g.channels + c) * g.height + r) * g.width
                                let row = c * hp + r + g.padding
                                for col in 0..<g.width {
                                    let q = col + g.padding
                                    p[(row * s + q % s) * wq + q / s] = input[source + col]
                                }
                            }
                        }
                        for f in 0..<g.filters {
                            let weights = w.baseAddress! + f * taps
                            let b = bias?[f]
                            let outBase = out.baseAddress! + (n * g.filters + f) * outPlane
                            for oy in 0..<g.outHeight {
                                let rowBase = UnsafePointer(p + oy * rowStep)
                                let dest = outBase + oy * g.outWidth
                                var ox = 0
                                while ox < g.outWidth {
                                    var v = Lanes(repeating: 0) + lanePairwise(rowBase + ox, off.baseAddress!, weights, taps)
                                    if let b { v += Lanes(repeating: b) }
                                    let valid = Swift.min(laneCount, g.outWidth - ox)
                                    if valid == laneCount {
                                        UnsafeMutableRawPointer(dest + ox).storeBytes(of: v, as: Lanes.self)
                                    } else {
                                        for l in 0..<valid { dest[ox + l] = v[l] }
                                    }
                                    ox += laneCount
                                }
                            }
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
private func term(_ x: UnsafePointer<Double>, _ off: UnsafePointer<Int>, _ w: UnsafePointer<Double>, _ t: Int) -> Lanes {
    UnsafeRawPointer(x + off[t]).loadUnaligned(as: Lanes.self) * Lanes(repeating: w[t])
}

/// `pairwiseSumRaw` over the products x[off[t]]·w[t], t = 0..<n, for eight lanes at once.
private func lanePairwise(_ x: UnsafePointer<Double>, _ off: UnsafePointer<Int>, _ w: UnsafePointer<Double>, _ n: Int) -> Lanes {
    if n < 8 {
        var res = Lanes(repeating: 0)
        for t in 0..<n { res += term(x, off, w, t) }
        return res
    } else if n <= pairwiseBlockSize {
        let end = n - n % 8
        // Each running sum r_j takes taps j, j+8, j+16, …: the same order as NumPy's r[j].
        @inline(__always) func running(_ j: Int) -> Lanes {
            var acc = term(x, off, w, j)
            var t = j + 8
            while t < end { acc += term(x, off, w, t); t += 8 }
            return acc
        }
        let r0 = running(0), r1 = running(1), r2 = running(2), r3 = running(3)
        let r4 = running(4), r5 = running(5), r6 = running(6), r7 = running(7)
        var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        var t = end
        while t < n { res += term(x, off, w, t); t += 1 }
        return res
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        return lanePairwise(x, off, w, n2) + lanePairwise(x, off + n2, w + n2, n - n2)
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

/// NumPy's block size for pairwise summation (`PW_BLOCKSIZE` in loops_utils.h.src).
let pairwiseBlockSize = 128

/// `np.sum` over contiguous doubles: NumPy's pairwise summation, bit for bit.
///
/// Mirrors `pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src: fewer than 8 values are
/// added left to right; up to 128 use eight running sums r0…r7 (r_j takes values j, j+8, …)
/// combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) before the remaining tail is added; longer
/// runs split at n2 = ⌊n/2⌋ rounded down to a multiple of 8. `np.sum` then adds this to 0.0.
///
///     [0.1, 0.2, 0.3].withUnsafeBufferPointer(pairwiseSum)   // 0.6000000000000001
public func pairwiseSum(_ values: UnsafeBufferPointer<Double>) -> Double {
    guard let base = values.baseAddress else { return 0 }
    return 0.0 + pairwiseSumRaw(base, values.count)
}

/// The reduction order of `pairwise_sum` itself, without the initial `0.0 +`.
func pairwiseSumRaw(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
    if n < 8 {
        var res = 0.0
        for i in 0..<n { res += a[i] }
        return res
    } else if n <= pairwiseBlockSize {
        var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
        var i = 8
        let end = n - n % 8
        while i < end {
            r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
            r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
            i += 8
        }
        var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n { res += a[i]; i += 1 }
        return res
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwiseSumRaw(a, n2) + pairwiseSumRaw(a + n2, n - n2)
    }
}

/// `np.sum` of an array NumPy must copy through its iterator buffer (a cast or a strided view):
/// 0.0 plus the pairwise sum of each 8192-element chunk, chunk by chunk.
func bufferedSum(_ values: UnsafeBufferPointer<Double>) -> Double {
    guard let base = values.baseAddress else { return 0 }
    var total = 0.0
    var start = 0
    while start < values.count {
        let n = Swift.min(8192, values.count - start)
        total += pairwiseSumRaw(base + start, n)
        start += n
    }
    return total
}

/// `np.sum` of a contiguous float64 array.
func numpySum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer(pairwiseSum)
}

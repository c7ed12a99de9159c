/// How many placements of a `kernel`×`kernel` window (stride 1, over the input padded by
/// `padding` on each side) see each pixel: an int64 height×width tensor.
///
/// Along one axis pixel r is seen by windows starting at max(0, r + P − K + 1) … min(r + P,
/// N + 2P − K); the count is the product of the row and column counts.
///
///     // 4×4, kernel 3, no padding: corners 1, centre pixels 4
public func coverage(height: Int, width: Int, kernel: Int = 3, padding: Int = 0) throws(KernelError) -> Tensor {
    guard height > 0, width > 0, kernel > 0, padding >= 0 else {
        throw KernelError("height, width and kernel must be positive; padding cannot be negative")
    }
    try Limits.checkElements([height, width])
    _ = try convOutputSize(height, kernel: kernel, padding: padding)
    _ = try convOutputSize(width, kernel: kernel, padding: padding)
    func counts(_ n: Int) -> [Int] {
        let lastStart = n + 2 * padding - kernel
        return (0..<n).map { r in Swift.max(0, Swift.min(r + padding, lastStart) - Swift.max(0, r + padding - kernel + 1) + 1) }
    }
    let rows = counts(height), cols = counts(width)
    return Tensor(shape: [height, width], ints: rows.flatMap { r in cols.map { r * $0 } })
}

/// The seed's `total_window_response`: pad the image with zeros, slide a `kernel`×`kernel`
/// window of ones at stride 1, and add up every window's `np.sum(window * ones)` into a
/// Python float, window after window in row-major order (each window summed pairwise).
///
/// A kernel larger than the padded image leaves no window, and the total stays 0.0 (the
/// listing's `range` is then empty).
///
///     // 5×5 zeros with a 1 in the corner: padding 0 → 1.0, padding 1 → 4.0
public func windowResponseTotal(_ image: Tensor, kernel: Int = 3, padding: Int = 0) throws(KernelError) -> Double {
    guard image.rank == 2 else {
        throw KernelError("the window response needs a 2-D image, not shape \(shapeText(image.shape))")
    }
    guard kernel > 0 else { throw KernelError("kernel must be positive, got \(kernel)") }
    let padded = try pad(image, padding)
    let (h, w) = (padded.shape[0], padded.shape[1])
    let values = padded.doubles
    var products = [Double](repeating: 0, count: kernel * kernel)
    var total = 0.0
    guard h >= kernel, w >= kernel else { return total }
    for row in 0...(h - kernel) {
        for col in 0...(w - kernel) {
            for i in 0..<kernel {
                for j in 0..<kernel { products[i * kernel + j] = values[(row + i) * w + col + j] * 1.0 }
            }
            total += numpySum(products)
        }
    }
    return total
}

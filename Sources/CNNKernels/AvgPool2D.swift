/// Average pooling: each output is `np.mean` of its `size`×`size` window (stride defaults to
/// `size`, floor mode). The window is summed as NumPy sums a strided view, pairwise over the
/// row-major window, then divided by size²; the result is float64. C×H×W pools each channel.
///
///     // [[1, 2], [3, 4]] with size 2 → [[2.5]]
public func avgPool2d(_ x: Tensor, size: Int, stride: Int? = nil) throws(KernelError) -> Tensor {
    let g = try PoolGeometry(x.shape, size: size, stride: stride, name: "average pooling")
    let v = x.doubles
    var window = [Double](repeating: 0, count: g.size * g.size)
    var out = [Double]()
    out.reserveCapacity(g.outputShape.reduce(1, *))
    let n = Double(g.size * g.size)
    for c in 0..<g.channels {
        for oy in 0..<g.outHeight {
            for ox in 0..<g.outWidth {
                for i in 0..<g.size {
                    let row = (c * g.height + oy * g.stride + i) * g.width + ox * g.stride
                    for j in 0..<g.size { window[i * g.size + j] = v[row + j] }
                }
                out.append(window.withUnsafeBufferPointer(bufferedSum) / n)
            }
        }
    }
    return Tensor(shape: g.outputShape, doubles: out)
}

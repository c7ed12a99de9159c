/// `maxPool2dBackward(x, gradOutput:, size:, stride:)`: the gradient through `maxPool2d`.
///
/// Each output's gradient goes to its window's winner (the first maximum in row-major order,
/// or the first NaN, as PyTorch routes it); every other input gets 0.0. Where windows overlap
/// (stride < size) a position that wins several windows accumulates their gradients, added
/// in row-major order of the outputs:
///
///     dx = np.zeros(x.shape)
///     for each output o (row-major), with winner (r, c): dx[r, c] += g[o]
///
/// gradOutput must have the pooled shape; the result is float64 with x's shape.
///
///     // x [[1, 3], [2, 0]], g [[0.5]], size 2 → [[0. , 0.5], [0. , 0. ]]
public func maxPool2dBackward(_ x: Tensor, gradOutput g: Tensor, size: Int, stride: Int? = nil) throws(KernelError) -> Tensor {
    let pooled = try maxPool2d(x, size: size, stride: stride)
    guard g.shape == pooled.values.shape else {
        throw KernelError("gradOutput has shape \(shapeText(g.shape)) but max pooling gives shape \(shapeText(pooled.values.shape))")
    }
    let plane = x.shape[x.rank - 2] * x.shape[x.rank - 1]
    let perChannel = pooled.values.shape[pooled.values.rank - 2] * pooled.values.shape[pooled.values.rank - 1]
    let width = x.shape[x.rank - 1]
    let d = g.doubles
    var dx = [Double](repeating: 0, count: x.count)
    for (o, winner) in pooled.winners.enumerated() {
        let channel = o / perChannel
        dx[channel * plane + winner.row * width + winner.column] += d[o]
    }
    return Tensor(shape: x.shape, doubles: dx)
}

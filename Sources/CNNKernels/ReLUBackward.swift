/// `reluBackward(x, gradOutput:)`: the gradient through `relu`, `np.where(x > 0, g, 0.0)`:
/// g where the input was positive, +0.0 elsewhere (also at x = 0 and for NaN, as PyTorch).
/// x and g must have the same shape; the result is float64.
///
///     // x [-1.0, 0.0, 2.0], g [0.5, 0.5, 0.5] → [0. , 0. , 0.5]
public func reluBackward(_ x: Tensor, gradOutput g: Tensor) throws(KernelError) -> Tensor {
    guard x.shape == g.shape else {
        throw KernelError("gradOutput has shape \(shapeText(g.shape)) but the input has shape \(shapeText(x.shape))")
    }
    let v = x.doubles, d = g.doubles
    return Tensor(shape: x.shape, doubles: v.indices.map { v[$0] > 0 ? d[$0] : 0.0 })
}

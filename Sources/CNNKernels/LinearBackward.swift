/// The gradients of `linear(x, weight:, bias:)` (y = W·x + b, W out×in).
public struct LinearGradients: Sendable, Equatable {
    /// ∂L/∂x = Wᵀ·g (shape of x).
    public var input: Tensor
    /// ∂L/∂W = g ⊗ x (`np.outer(g, x)`; `g @ x.T` for columns of samples), out×in.
    public var weight: Tensor
    /// ∂L/∂b = g (summed over the samples for in×N inputs).
    public var bias: Tensor
}

/// `linearBackward(x, weight:, gradOutput:)`: the gradients of `y = weight @ x + bias`
/// given g = ∂L/∂y, the NumPy formulas
///
///     dx = W.T @ g        dW = np.outer(g, x)        db = g
///
/// for a vector x (length in, g length out). For x of shape in×N (one sample per column,
/// g out×N): dW = g @ x.T and db = g.sum(axis=1). Dot products add left to right; NumPy hands
/// `@` to BLAS, which may differ in the last bit once a dot product has more than two terms.
/// Values are float64 (ints are converted).
public func linearBackward(_ x: Tensor, weight: Tensor, gradOutput g: Tensor) throws(KernelError) -> LinearGradients {
    guard weight.rank == 2 else {
        throw KernelError("linearBackward needs an out×in weight matrix, not shape \(shapeText(weight.shape))")
    }
    let (outputs, inputs) = (weight.shape[0], weight.shape[1])
    guard x.rank == 1 || x.rank == 2, x.shape[0] == inputs else {
        throw KernelError("the input has shape \(shapeText(x.shape)) but the \(outputs)×\(inputs) weight needs \(inputs) inputs")
    }
    let expected = x.rank == 1 ? [outputs] : [outputs, x.shape[1]]
    guard g.shape == expected else {
        throw KernelError("gradOutput has shape \(shapeText(g.shape)) but the layer's output has shape \(shapeText(expected))")
    }
    let w = weight.astypeFloat(), xf = x.astypeFloat(), gf = g.astypeFloat()
    let input = try matmul(w.transposed(), gf)
    if x.rank == 1 {
        return LinearGradients(input: input, weight: try outer(gf, xf), bias: gf)
    }
    return LinearGradients(input: input, weight: try matmul(gf, xf.transposed()), bias: try gf.sum(axis: 1))
}

extension Tensor {
    /// The same values as float64.
    func astypeFloat() -> Tensor { promoted(to: .float64) }
}

/// A fully connected layer: `weight @ x + bias`, with `weight` of shape out×in.
///
///     // weight [[1.4], [-0.9]], x [0.874], bias [-0.2, 0.1] → [1.0236, -0.6866]
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) throws(KernelError) -> Tensor {
    guard weight.rank == 2 else {
        throw KernelError("linear needs an out×in weight matrix, not shape \(shapeText(weight.shape))")
    }
    let product = try matmul(weight, x)
    guard let bias else { return product }
    return try product.applying(.add, bias)
}

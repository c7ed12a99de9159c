/// The gradients of `conv2d(input, kernel, stride:, padding:, dilation:, bias:)`.
public struct Conv2DGradients: Sendable, Equatable {
    /// ∂L/∂input, the input's shape.
    public var input: Tensor
    /// ∂L/∂kernel, the kernel's shape.
    public var kernel: Tensor
    /// ∂L/∂bias: a 0-d tensor for a K×K or C×K×K kernel (one output map), length F for F×C×K×K.
    public var bias: Tensor
}

/// `conv2dBackward(input, kernel, gradOutput:, stride:, padding:, dilation:)`: the gradients
/// of `conv2d` given g = ∂L/∂output, as the plain NumPy computation of the chain rule (xp is
/// the zero-padded input, `win(i, j)` the strided slice `[i·d : i·d + S·(Ho−1) + 1 : S]` and
/// likewise for columns):
///
///     db[f]         = np.sum(g[f])
///     dW[f, c, i, j] = np.sum(g[f] * xp[c][win(i, j)])
///     dxp = np.zeros(xp.shape)
///     for f, c, i, j (in that order): dxp[c][win(i, j)] += g[f] * W[f, c, i, j]
///     dx = dxp[:, P:P+H, P:P+W]
///
/// Each value has NumPy's bits: sums are `pairwiseSum` over the Ho×Wo products in
/// row-major order; every product is rounded before it is added. Inputs are H×W or C×H×W,
/// kernels K×K, C×K×K or F×C×K×K as for `conv2d`; results are float64.
///
/// - Complexity: O(F·C·K²·Ho·Wo).
public func conv2dBackward(_ input: Tensor, _ kernel: Tensor, gradOutput: Tensor,
                           stride: Int = 1, padding: Int = 0, dilation: Int = 1) throws(KernelError) -> Conv2DGradients {
    guard input.rank <= 3 else {
        throw KernelError("conv2dBackward needs an H×W or C×H×W input, not shape \(shapeText(input.shape))")
    }
    let geo = try ConvGeometry(input: input.shape, kernel: kernel.shape, stride: stride, padding: padding, dilation: dilation)
    guard gradOutput.shape == geo.outputShape else {
        throw KernelError("gradOutput has shape \(shapeText(gradOutput.shape)) but conv2d gives shape \(shapeText(geo.outputShape))")
    }
    let (channels, filters) = (geo.channels, geo.filters)
    let (kh, kw, s, d, p) = (geo.kernelHeight, geo.kernelWidth, stride, dilation, padding)
    let (ho, wo, hp, wp) = (geo.outHeight, geo.outWidth, geo.paddedHeight, geo.paddedWidth)
    let x = input.doubles, w = kernel.doubles, g = gradOutput.doubles
    var padded = [Double](repeating: 0, count: channels * hp * wp)
    for c in 0..<channels {
        for r in 0..<geo.height {
            for q in 0..<geo.width { padded[(c * hp + r + p) * wp + q + p] = x[(c * geo.height + r) * geo.width + q] }
        }
    }
    let plane = ho * wo
    var biasGrad = [Double]()
    var kernelGrad = [Double]()
    kernelGrad.reserveCapacity(w.count)
    var dxp = [Double](repeating: 0, count: padded.count)
    var products = [Double](repeating: 0, count: plane)
    for f in 0..<filters {
        biasGrad.append(g[(f * plane)..<((f + 1) * plane)].withContiguousStorageIfAvailable(pairwiseSum) ?? 0)
        for c in 0..<channels {
            for i in 0..<kh {
                for j in 0..<kw {
                    let weight = w[((f * channels + c) * kh + i) * kw + j]
                    for oy in 0..<ho {
                        let row = (c * hp + i * d + oy * s) * wp + j * d
                        for ox in 0..<wo {
                            let gradient = g[f * plane + oy * wo + ox]
                            products[oy * wo + ox] = gradient * padded[row + ox * s]
                            dxp[row + ox * s] += gradient * weight
                        }
                    }
                    kernelGrad.append(products.withUnsafeBufferPointer(pairwiseSum))
                }
            }
        }
    }
    var dx = [Double]()
    dx.reserveCapacity(input.count)
    for c in 0..<channels {
        for r in 0..<geo.height {
            for q in 0..<geo.width { dx.append(dxp[(c * hp + r + p) * wp + q + p]) }
        }
    }
    let bias = kernel.rank == 4 ? Tensor(shape: [filters], doubles: biasGrad) : Tensor(shape: [], doubles: biasGrad)
    return Conv2DGradients(input: Tensor(shape: input.shape, doubles: dx),
                           kernel: Tensor(shape: kernel.shape, doubles: kernelGrad), bias: bias)
}

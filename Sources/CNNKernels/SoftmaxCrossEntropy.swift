/// The loss of a softmax classifier against integer class labels, with its probabilities and
/// the gradient of the loss with respect to the logits.
public struct SoftmaxCrossEntropyResult: Sendable, Equatable {
    /// The cross-entropy, averaged over the batch for N×C logits.
    public var loss: Double
    /// `softmax(logits, axis: -1)`.
    public var probabilities: Tensor
    /// ∂loss/∂logits: `p − onehot(target)` (divided by N for a batch).
    public var gradient: Tensor
}

/// `softmaxCrossEntropy(logits, target:)` for C logits and one label, or N×C logits and N
/// labels, with the formulas a NumPy author writes (each value equal to NumPy's bits):
///
///     p = softmax(z)                                  # see softmax(_:axis:)
///     loss = -np.log(p[t])                            # C logits
///     loss = -np.log(p[np.arange(N), t]).mean()       # N×C logits (pairwise mean)
///     grad = p.copy(); grad[t] -= 1                   # C logits
///     grad = p.copy(); grad[np.arange(N), t] -= 1; grad /= N
///
/// The gradient is PyTorch's for `cross_entropy(z, t)` (mean reduction); the loss uses
/// `-log(p[t])` rather than PyTorch's log-sum-exp form, so it can differ from PyTorch's in
/// the last bit. Labels must be ints in 0..<C.
///
///     // logits [2.0, 1.0, 0.1], target 0 → loss 0.4170300…, gradient [-0.34099886, 0.24243297, 0.09856589]
public func softmaxCrossEntropy(_ logits: Tensor, target: Tensor) throws(KernelError) -> SoftmaxCrossEntropyResult {
    guard logits.rank == 1 || logits.rank == 2 else {
        throw KernelError("softmaxCrossEntropy needs C logits or N×C logits, not shape \(shapeText(logits.shape))")
    }
    guard case .int64(let labels) = target.storage else {
        throw KernelError("the target must be an int class label (or a list of them), not \(target.dtype.rawValue)")
    }
    let classes = logits.shape[logits.rank - 1]
    let rows = logits.rank == 2 ? logits.shape[0] : 1
    let expected = logits.rank == 2 ? [rows] : []
    guard target.shape == expected || (logits.rank == 1 && target.count == 1) else {
        throw KernelError("the target must be \(logits.rank == 2 ? "\(rows) labels, one per row of the logits" : "one label"), got shape \(shapeText(target.shape))")
    }
    guard classes > 0, rows > 0 else { throw KernelError("softmaxCrossEntropy needs at least one class and one row") }
    for label in labels where label < 0 || label >= classes {
        throw KernelError("target \(label) is out of range for \(classes) classes (0..<\(classes))")
    }
    let p = try softmax(logits, axis: -1)
    let probabilities = p.doubles
    var gradient = probabilities
    var losses = [Double]()
    for (row, label) in labels.enumerated() {
        losses.append(-NumPyMath.log(probabilities[row * classes + label]))
        gradient[row * classes + label] -= 1
    }
    if logits.rank == 1 {
        return SoftmaxCrossEntropyResult(loss: losses[0], probabilities: p, gradient: Tensor(shape: p.shape, doubles: gradient))
    }
    let n = Double(rows)
    return SoftmaxCrossEntropyResult(loss: numpySum(losses) / n, probabilities: p,
                                     gradient: Tensor(shape: p.shape, doubles: gradient.map { $0 / n }))
}

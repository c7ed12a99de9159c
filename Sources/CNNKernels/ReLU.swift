/// The rectified linear unit, `np.maximum(x, 0.0)`: negatives (and -0.0) become 0.0, NaN
/// stays NaN. Int tensors keep their dtype; bool tensors are returned unchanged.
///
///     relu([-0.3, 0.0, 0.8])   // [0.0, 0.0, 0.8]
public func relu(_ x: Tensor) throws(KernelError) -> Tensor {
    switch x.storage {
    case .bool: return x
    case .int64(let v): return Tensor(shape: x.shape, ints: v.map { Swift.max($0, 0) })
    case .float64(let v): return Tensor(shape: x.shape, doubles: v.map { pickExtreme($0, 0.0, true) })
    }
}

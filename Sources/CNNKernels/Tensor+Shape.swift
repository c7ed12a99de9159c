extension Tensor {
    /// `x.flatten()`: the elements in row-major order as a 1-D tensor.
    public func flattened() -> Tensor { withShape([count]) }

    /// `x.T`: all axes reversed (a 2-D transpose; 0-d and 1-D tensors are unchanged).
    public func transposed() -> Tensor {
        guard rank > 1 else { return self }
        let outShape = Array(shape.reversed())
        let sourceStrides = Array(rowMajorStrides(shape).reversed())
        var flat = [Int]()
        flat.reserveCapacity(count)
        if count > 0 {
            var position = Array(repeating: 0, count: rank)
            var offset = 0
            for _ in 0..<count {
                flat.append(offset)
                var k = rank - 1
                while k >= 0 {
                    position[k] += 1
                    offset += sourceStrides[k]
                    if position[k] < outShape[k] { break }
                    offset -= sourceStrides[k] * position[k]
                    position[k] = 0
                    k -= 1
                }
            }
        }
        return gathering(flat, shape: outShape)
    }

    /// `x.reshape(shape)`; one extent may be -1 and is then inferred, as in NumPy.
    ///
    ///     try Tensor.zeros([2, 3]).reshaped([3, -1]).shape   // [3, 2]
    public func reshaped(_ newShape: [Int]) throws(KernelError) -> Tensor {
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        let text = "(" + newShape.map(String.init).joined(separator: ",") + ")"
        guard unknown.count <= 1 else { throw KernelError("can only specify one unknown dimension") }
        guard newShape.allSatisfy({ $0 >= -1 }) else {
            throw KernelError("negative dimensions not allowed in reshape \(text)")
        }
        var resolved = newShape
        if let u = unknown.first {
            let known = try checkedProduct(newShape.enumerated().filter { $0.offset != u }.map(\.element))
            guard known > 0, count % known == 0 else {
                throw KernelError("cannot reshape array of size \(count) into shape \(text)")
            }
            resolved[u] = count / known
        }
        guard try checkedProduct(resolved) == count else {
            throw KernelError("cannot reshape array of size \(count) into shape \(text)")
        }
        return withShape(resolved)
    }
}

/// `np.stack(arrays, axis)`: arrays of one shape joined along a new axis (negative counts
/// from the end of the result's axes). The dtype is the widest of the inputs'.
///
///     // stack([[1, 2], [3, 4]], axis: 1) → [[1, 3], [2, 4]]
public func stack(_ tensors: [Tensor], axis: Int = 0) throws(KernelError) -> Tensor {
    guard let first = tensors.first else { throw KernelError("need at least one array to stack") }
    guard tensors.allSatisfy({ $0.shape == first.shape }) else { throw KernelError("all input arrays must have the same shape") }
    let a = try normalizedAxis(axis, rank: first.rank + 1)
    let expanded = tensors.map { $0.withShape(Array($0.shape[..<a]) + [1] + Array($0.shape[a...])) }
    return try concatenate(expanded, axis: a)
}

/// `np.concatenate(arrays, axis)`: arrays joined along an existing axis; every other extent
/// must match. Errors use NumPy's wording.
///
///     // concatenate([[1, 2], [3]]) → [1, 2, 3]
public func concatenate(_ tensors: [Tensor], axis: Int = 0) throws(KernelError) -> Tensor {
    guard let first = tensors.first else { throw KernelError("need at least one array to concatenate") }
    guard first.rank > 0 else { throw KernelError("zero-dimensional arrays cannot be concatenated") }
    for (index, t) in tensors.enumerated() where t.rank != first.rank {
        throw KernelError("all the input arrays must have same number of dimensions, but the array at index 0 has \(first.rank) dimension(s) and the array at index \(index) has \(t.rank) dimension(s)")
    }
    let a = try normalizedAxis(axis, rank: first.rank)
    for (index, t) in tensors.enumerated() {
        for d in 0..<first.rank where d != a && t.shape[d] != first.shape[d] {
            throw KernelError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(index) has size \(t.shape[d])")
        }
    }
    var shape = first.shape
    var total = 0
    for t in tensors {
        let (sum, o) = total.addingReportingOverflow(t.shape[a])
        guard !o else { throw KernelError("the concatenated array is too large") }
        total = sum
    }
    shape[a] = total
    try Limits.checkElements(shape)
    let dtype = DType.promoted(tensors.map(\.dtype))
    let outer = first.shape[..<a].reduce(1, *)
    let inner = first.shape[(a + 1)...].reduce(1, *)
    let parts = tensors.map { $0.promoted(to: dtype) }
    switch dtype {
    case .bool:
        let v: [[Bool]] = parts.map { t -> [Bool] in if case .bool(let b) = t.storage { b } else { [] } }
        return Tensor(shape: shape, bools: interleaved(v, parts, axis: a, outer: outer, inner: inner))
    case .int64:
        let v: [[Int]] = parts.map { t -> [Int] in if case .int64(let b) = t.storage { b } else { [] } }
        return Tensor(shape: shape, ints: interleaved(v, parts, axis: a, outer: outer, inner: inner))
    case .float64:
        return Tensor(shape: shape, doubles: interleaved(parts.map(\.doubles), parts, axis: a, outer: outer, inner: inner))
    }
}

/// Row-major concatenation: for each outer position, each input's block of extent·inner
/// elements in turn, copied as contiguous slices.
private func interleaved<T>(_ values: [[T]], _ parts: [Tensor], axis: Int, outer: Int, inner: Int) -> [T] {
    var out = [T]()
    out.reserveCapacity(values.reduce(0) { $0 + $1.count })
    for o in 0..<outer {
        for (index, part) in parts.enumerated() {
            let block = part.shape[axis] * inner
            out.append(contentsOf: values[index][(o * block)..<((o + 1) * block)])
        }
    }
    return out
}

private let matmulSignature = "(n?,k),(k,m?)->(n?,m?)"

/// `a @ b` for 1-D and 2-D operands, with NumPy's rules: (n,k)@(k,m) → (n,m), (k)@(k,m) → (m),
/// (n,k)@(k) → (n), (k)@(k) → a 0-d tensor.
///
/// Float dot products add the products left to right (k = 0, 1, …), each product rounded
/// before its addition. NumPy hands float64 matmul to BLAS, whose blocked, fused kernels may
/// differ in the last bit once the inner dimension exceeds 1; compare with a tolerance there.
/// Ints multiply exactly and throw on overflow; bool @ bool is bool (any of the ands).
///
///     // [[1.4], [-0.9]] @ [0.874] == [1.2236, -0.7866]
public func matmul(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor {
    for (i, t) in [a, b].enumerated() where t.rank == 0 {
        throw KernelError("matmul: Input operand \(i) does not have enough dimensions (has 0, gufunc core with signature \(matmulSignature) requires 1)")
    }
    guard a.rank <= 2, b.rank <= 2 else {
        throw KernelError("matmul here supports 1-D and 2-D arrays, not shapes \(shapeText(a.shape)) and \(shapeText(b.shape))")
    }
    let n = a.rank == 2 ? a.shape[0] : 1
    let k = a.shape[a.rank - 1]
    let kb = b.shape[0]
    let m = b.rank == 2 ? b.shape[1] : 1
    guard k == kb else {
        throw KernelError("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \(matmulSignature) (size \(kb) is different from \(k))")
    }
    var outShape = [Int]()
    if a.rank == 2 { outShape.append(n) }
    if b.rank == 2 { outShape.append(m) }
    try Limits.checkElements(outShape)
    if case .bool(let x) = a.storage, case .bool(let y) = b.storage {
        var out = [Bool]()
        for i in 0..<n {
            for j in 0..<m { out.append((0..<k).contains { x[i * k + $0] && y[$0 * m + j] }) }
        }
        return Tensor(shape: outShape, bools: out)
    }
    if let x = a.intsOrNil, let y = b.intsOrNil {
        var out = [Int]()
        for i in 0..<n {
            for j in 0..<m {
                var acc = 0
                for p in 0..<k {
                    let (prod, o1) = x[i * k + p].multipliedReportingOverflow(by: y[p * m + j])
                    let (s, o2) = acc.addingReportingOverflow(prod)
                    guard !o1, !o2 else { throw KernelError("integer overflow in matmul: a dot product does not fit in int64") }
                    acc = s
                }
                out.append(acc)
            }
        }
        return Tensor(shape: outShape, ints: out)
    }
    let x = a.doubles, y = b.doubles
    var out = [Double]()
    out.reserveCapacity(n * m)
    for i in 0..<n {
        for j in 0..<m {
            var acc = 0.0
            for p in 0..<k {
                let product = x[i * k + p] * y[p * m + j]
                acc += product
            }
            out.append(acc)
        }
    }
    return Tensor(shape: outShape, doubles: out)
}

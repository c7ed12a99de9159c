/// `np.allclose(a, b, rtol, atol)`: every broadcast pair satisfies |a − b| ≤ atol + rtol·|b|
/// (not symmetric: `b` is the reference). Equal infinities are close; NaN is never close.
///
///     try allclose(Tensor(.float(1.02360001)), Tensor(.float(1.0236)), atol: 1e-4)   // true
public func allclose(_ a: Tensor, _ b: Tensor, rtol: Double = 1e-05, atol: Double = 1e-08) throws(KernelError) -> Bool {
    let pair = try BroadcastPair(a.shape, b.shape)
    let x = a.doubles, y = b.doubles
    for k in 0..<pair.left.count {
        let u = x[pair.left[k]], v = y[pair.right[k]]
        let close = (abs(u - v) <= atol + rtol * abs(v) && v.isFinite) || u == v
        if !close { return false }
    }
    return true
}

extension Tensor {
    /// `x.astype(dtype)`. float64 → int64 truncates toward zero, as C and NumPy do; NaN,
    /// ±inf and values beyond int64 throw (NumPy gives an arbitrary integer with a warning).
    /// Anything → bool is `x != 0` (NaN is True); bool → numbers is 0 and 1.
    ///
    ///     try Tensor(shape: [2], doubles: [-1.7, 2.9]).astype(.int64)   // [-1, 2]
    public func astype(_ dtype: DType) throws(KernelError) -> Tensor {
        switch (storage, dtype) {
        case (.bool, .bool), (.int64, .int64), (.float64, .float64): return self
        case (_, .float64): return Tensor(shape: shape, doubles: doubles)
        case (.bool(let v), .int64): return Tensor(shape: shape, ints: v.map { $0 ? 1 : 0 })
        case (.int64(let v), .bool): return Tensor(shape: shape, bools: v.map { $0 != 0 })
        case (.float64(let v), .bool): return Tensor(shape: shape, bools: v.map { $0 != 0 })
        case (.float64(let v), .int64):
            var out = [Int]()
            out.reserveCapacity(v.count)
            for x in v {
                guard !x.isNaN else { throw KernelError("cannot convert float NaN to integer") }
                guard x.isFinite else { throw KernelError("cannot convert float infinity to integer") }
                guard let i = Int(exactly: x.rounded(.towardZero)) else {
                    throw KernelError("\(x) does not fit in int64")
                }
                out.append(i)
            }
            return Tensor(shape: shape, ints: out)
        }
    }

    /// The elements converted to `dtype` along NumPy's safe promotion (bool → int64 → float64).
    func promoted(to dtype: DType) -> Tensor {
        switch (storage, dtype) {
        case (.bool(let v), .int64): Tensor(shape: shape, ints: v.map { $0 ? 1 : 0 })
        case (_, .float64): Tensor(shape: shape, doubles: doubles)
        default: self
        }
    }
}

extension DType {
    /// NumPy's result type of several arrays: the widest of bool < int64 < float64.
    static func promoted(_ types: [DType]) -> DType {
        if types.contains(.float64) { return .float64 }
        if types.contains(.int64) { return .int64 }
        return .bool
    }
}

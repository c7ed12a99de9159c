extension Tensor {
    /// `np.zeros(shape, dtype)`: a tensor of `shape` filled with zeros (`False` for bool).
    ///
    ///     try Tensor.zeros([2, 3]).shape   // [2, 3]
    ///
    /// Throws when a extent is negative or the element count exceeds `Limits.maxElements`.
    public static func zeros(_ shape: [Int], dtype: DType = .float64) throws(KernelError) -> Tensor {
        try filled(shape, dtype: dtype, one: false)
    }

    /// `np.ones(shape, dtype)`: a tensor of `shape` filled with ones (`True` for bool).
    public static func ones(_ shape: [Int], dtype: DType = .float64) throws(KernelError) -> Tensor {
        try filled(shape, dtype: dtype, one: true)
    }

    private static func filled(_ shape: [Int], dtype: DType, one: Bool) throws(KernelError) -> Tensor {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw KernelError("negative dimensions are not allowed: shape \(shapeText(shape))")
        }
        try Limits.checkElements(shape)
        let count = shape.reduce(1, *)
        switch dtype {
        case .bool: return Tensor(shape: shape, bools: Array(repeating: one, count: count))
        case .int64: return Tensor(shape: shape, ints: Array(repeating: one ? 1 : 0, count: count))
        case .float64: return Tensor(shape: shape, doubles: Array(repeating: one ? 1 : 0, count: count))
        }
    }

    /// A 0-d tensor holding `scalar`, like `np.array(3.5)`.
    public init(_ scalar: Scalar) {
        switch scalar {
        case .bool(let b): self.init(shape: [], bools: [b])
        case .int(let i): self.init(shape: [], ints: [i])
        case .float(let d): self.init(shape: [], doubles: [d])
        }
    }

    /// Every element converted to `Int` (bools as 0 and 1); nil for a float tensor.
    var intsOrNil: [Int]? {
        switch storage {
        case .bool(let v): v.map { $0 ? 1 : 0 }
        case .int64(let v): v
        case .float64: nil
        }
    }

    /// The same elements in `shape` (same count), keeping the dtype.
    func withShape(_ shape: [Int]) -> Tensor {
        switch storage {
        case .bool(let v): Tensor(shape: shape, bools: v)
        case .int64(let v): Tensor(shape: shape, ints: v)
        case .float64(let v): Tensor(shape: shape, doubles: v)
        }
    }

    /// The elements at flat positions `indices`, in that order, as a tensor of `shape`.
    func gathering(_ indices: [Int], shape: [Int]) -> Tensor {
        switch storage {
        case .bool(let v): Tensor(shape: shape, bools: indices.map { v[$0] })
        case .int64(let v): Tensor(shape: shape, ints: indices.map { v[$0] })
        case .float64(let v): Tensor(shape: shape, doubles: indices.map { v[$0] })
        }
    }
}

/// Row-major strides (in elements) of `shape`.
func rowMajorStrides(_ shape: [Int]) -> [Int] {
    var strides = Array(repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
        strides[axis] = step
        step *= shape[axis]
    }
    return strides
}

/// `axis` made non-negative for a tensor of `rank`, or NumPy's AxisError text.
func normalizedAxis(_ axis: Int, rank: Int) throws(KernelError) -> Int {
    let a = axis < 0 ? axis + rank : axis
    guard a >= 0, a < rank else {
        throw KernelError("axis \(axis) is out of bounds for array of dimension \(rank)")
    }
    return a
}

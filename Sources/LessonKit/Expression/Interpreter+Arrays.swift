import CNNKernels

extension Interpreter {
    /// An array literal: numbers become a 1-D tensor, equally shaped rows a stacked tensor,
    /// anything else a list.
    ///
    ///     [1, 2, 3]              int64 tensor (3,)
    ///     [0.5, 1]               float64 tensor (2,)
    ///     [[1, 2], [3, 4]]       int64 tensor (2, 2)
    ///     [[1, 2, 3], [4, 5]]    error: array rows have different lengths (3 and 2)
    ///     [(1, 2), (3, 4)]       list of tuples
    ///     []                     empty list
    func makeArray(_ items: [Expr], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        guard !items.isEmpty else { return .list([]) }
        var values: [Value] = []
        for item in items {
            var value = try eval(item)
            if case .tensor(let t) = value, t.rank == 0, t.count == 1 { value = Value(t.scalar(at: 0)) }
            values.append(value)
        }
        let hasRowLiterals = items.contains { if case .array = $0.node { true } else { false } }
        let scalars = values.compactMap(\.scalar)
        if scalars.count == values.count {
            return .tensor(try stack(scalars.map { Tensor(scalar0: $0) }, at: range))
        }
        let tensors = values.compactMap { if case .tensor(let t) = $0 { t } else { nil } }
        if tensors.count == values.count {
            let shape = tensors[0].shape
            if let mismatch = tensors.indices.first(where: { tensors[$0].shape != shape }) {
                guard hasRowLiterals else { return .list(values) }
                let other = tensors[mismatch].shape
                if let a = shape.first, let b = other.first, a != b {
                    throw ExpressionFailure("array rows have different lengths (\(a) and \(b))", at: items[mismatch].range)
                }
                throw ExpressionFailure(
                    "array rows have different shapes (\(shapeDescription(shape)) and \(shapeDescription(other)))",
                    at: items[mismatch].range)
            }
            return .tensor(try stack(tensors, at: range))
        }
        if hasRowLiterals, let mixed = values.indices.first(where: { values[$0].scalar != nil }),
           values.contains(where: { if case .tensor = $0 { true } else { false } }) {
            throw ExpressionFailure("array mixes numbers and rows", at: items[mixed].range)
        }
        return .list(values)
    }

    /// Equally shaped tensors stacked along a new first axis, promoted bool < int64 < float64.
    private func stack(_ tensors: [Tensor], at range: Range<Int>) throws(ExpressionFailure) -> Tensor {
        let shape = [tensors.count] + (tensors.first?.shape ?? [])
        try kernelCall(at: range) { () throws(KernelError) in try Limits.checkElements(shape) }
        let total = tensors.reduce(0) { $0 + $1.count }
        try chargeWork(total, at: range)
        let dtypes = Set(tensors.map(\.dtype))
        let storage: Tensor.Storage
        if dtypes.contains(.float64) {
            var out: [Double] = []
            out.reserveCapacity(total)
            for t in tensors { out += t.doubles }
            storage = .float64(out)
        } else if dtypes.contains(.int64) {
            var out: [Int] = []
            out.reserveCapacity(total)
            for t in tensors {
                switch t.storage {
                case .int64(let v): out += v
                case .bool(let v): out += v.map { $0 ? 1 : 0 }
                case .float64(let v): out += v.map { Int(exactly: $0) ?? 0 }
                }
            }
            storage = .int64(out)
        } else {
            var out: [Bool] = []
            out.reserveCapacity(total)
            for t in tensors { if case .bool(let v) = t.storage { out += v } }
            storage = .bool(out)
        }
        return try kernelCall(at: range) { () throws(KernelError) in try Tensor(shape: shape, storage: storage) }
    }
}

extension Tensor {
    /// A 0-d tensor built without the kernels (array literals need no kernel code).
    init(scalar0 scalar: Scalar) {
        switch scalar {
        case .int(let i): self.init(shape: [], ints: [i])
        case .float(let d): self.init(shape: [], doubles: [d])
        case .bool(let b): self.init(shape: [], bools: [b])
        }
    }
}

import CNNKernels

extension Builtins {
    /// `zeros`, `ones`, `pad`, `maximum`, `minimum`, `matmul`, `allclose`.
    static let tensorFunctions: [Builtin] = [
        Builtin("zeros", "_shape dtype?") { call throws(ExpressionFailure) in
            let shape = try shapeArgument(call, 0)
            let dtype = try dtypeArgument(call, 1)
            return .tensor(try call.kernel { () throws(KernelError) in try Tensor.zeros(shape, dtype: dtype) })
        },
        Builtin("ones", "_shape dtype?") { call throws(ExpressionFailure) in
            let shape = try shapeArgument(call, 0)
            let dtype = try dtypeArgument(call, 1)
            return .tensor(try call.kernel { () throws(KernelError) in try Tensor.ones(shape, dtype: dtype) })
        },
        Builtin("pad", "_input _width") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), n = try call.int(1)
            return .tensor(try call.kernel { () throws(KernelError) in try pad(x, n) })
        },
        Builtin("maximum", "_a _b") { call throws(ExpressionFailure) in
            let a = try call.tensor(0), b = try call.tensor(1)
            try call.charge(a.count + b.count)
            return .tensor(try call.kernel { () throws(KernelError) in try maximum(a, b) })
        },
        Builtin("minimum", "_a _b") { call throws(ExpressionFailure) in
            let a = try call.tensor(0), b = try call.tensor(1)
            try call.charge(a.count + b.count)
            return .tensor(try call.kernel { () throws(KernelError) in try minimum(a, b) })
        },
        Builtin("matmul", "_a _b") { call throws(ExpressionFailure) in
            let a = try call.tensor(0), b = try call.tensor(1)
            // Work ~ rows(a) · inner · columns(b), bounded by |a| · |b|.
            try call.charge(a.count.multipliedReportingOverflow(by: max(1, b.shape.last ?? 1)).partialValue)
            return .tensor(try call.kernel { () throws(KernelError) in try matmul(a, b) })
        },
        Builtin("allclose", "_a _b rtol? atol?") { call throws(ExpressionFailure) in
            let a = try call.tensor(0), b = try call.tensor(1)
            let rtol = try call.double(2, default: 1e-05), atol = try call.double(3, default: 1e-08)
            try call.charge(a.count + b.count)
            return .bool(try call.kernel { () throws(KernelError) in try allclose(a, b, rtol: rtol, atol: atol) })
        },
    ]

    /// Methods on tensors: reductions, rounding, reshaping, `tolist`.
    static let tensorMethods: [Builtin] = [
        reduction("sum", { t throws(KernelError) in Value(try t.checkedSum()) }, { t, axis throws(KernelError) in try t.sum(axis: axis) }),
        reduction("max", { t throws(KernelError) in Value(try t.max()) }, { t, axis throws(KernelError) in try t.max(axis: axis) }),
        reduction("min", { t throws(KernelError) in Value(try t.min()) }, { t, axis throws(KernelError) in try t.min(axis: axis) }),
        reduction("mean", { t throws(KernelError) in .double(try t.mean()) }, { t, axis throws(KernelError) in try t.mean(axis: axis) }),
        reduction("prod", { t throws(KernelError) in Value(try t.prod()) }, { t, axis throws(KernelError) in try t.prod(axis: axis) }),
        reduction("var", { t throws(KernelError) in .double(try t.variance()) },
                  { t, axis throws(KernelError) in try t.variance(axis: axis) }, passes: 3),
        reduction("std", { t throws(KernelError) in .double(try t.standardDeviation()) },
                  { t, axis throws(KernelError) in try t.standardDeviation(axis: axis) }, passes: 3),
        Builtin("argmax", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            return .int(try call.kernel { () throws(KernelError) in try t.argmax() })
        },
        Builtin("argmax2d", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            let position = try call.kernel { () throws(KernelError) in try t.argmax2d() }
            return .tuple([.int(position.row), .int(position.column)])
        },
        Builtin("argmin", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            return .int(try call.kernel { () throws(KernelError) in try t.argmin() })
        },
        Builtin("argmin2d", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            let position = try call.kernel { () throws(KernelError) in try t.argmin2d() }
            return .tuple([.int(position.row), .int(position.column)])
        },
        Builtin("astype", "_dtype", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor(), dtype = try dtypeArgument(call, 0)
            try call.charge(t.count)
            return .tensor(try call.kernel { () throws(KernelError) in try t.astype(dtype) })
        },
        Builtin("rounded", "_decimals?", accepts: { v in isTensor(v) || v.scalar != nil }) { call throws(ExpressionFailure) in
            let decimals = try decimalsArgument(call, 0)
            switch call.receiver {
            case .tensor(let t)?:
                try call.charge(t.count)
                return .tensor(try call.kernel { () throws(KernelError) in try t.rounded(decimals) })
            case .double(let d)?:
                return .double(roundHalfEven(d, decimals: decimals))
            case .int(let i)?:
                return .int(try roundInt(i, digits: decimals, at: call.range))
            case let other?:
                return other
            case nil:
                throw ExpressionFailure("rounded() needs a value", at: call.range)
            }
        },
        Builtin("tolist", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            let lists = t.shape.dropLast().reduce(1) { Swift.min($0.multipliedReportingOverflow(by: $1).partialValue, Int.max / 2) }
            guard t.count <= call.limits.maxListElements else {
                throw ExpressionFailure(
                    "tolist() of \(t.count) elements is too large (limit \(call.limits.maxListElements))", at: call.range)
            }
            guard lists >= 0, lists <= call.limits.maxListElements else {
                throw ExpressionFailure(
                    "tolist() of shape \(shapeDescription(t.shape)) builds too many lists (limit \(call.limits.maxListElements))",
                    at: call.range)
            }
            return nestedList(t)
        },
        Builtin("flattened", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            return .tensor(t.flattened())
        },
        Builtin("transposed", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            return .tensor(t.transposed())
        },
        Builtin("reshaped", "_shape", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor(), shape = try shapeArgument(call, 0, inferring: true)
            try call.charge(t.count)
            return .tensor(try call.kernel { () throws(KernelError) in try t.reshaped(shape) })
        },
        Builtin("all", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            return .bool(t.doubles.allSatisfy { $0 != 0 })
        },
        Builtin("any", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count)
            return .bool(t.doubles.contains { $0 != 0 })
        },
    ]

    /// `x.name()` → a scalar, `x.name(axis: k)` → a tensor.
    private static func reduction(_ name: String, _ whole: @escaping @Sendable (Tensor) throws(KernelError) -> Value,
                                  _ alongAxis: @escaping @Sendable (Tensor, Int) throws(KernelError) -> Tensor,
                                  passes: Int = 1) -> Builtin {
        Builtin(name, "axis?", accepts: isTensor) { call throws(ExpressionFailure) in
            let t = try call.receiverTensor()
            try call.charge(t.count.multipliedReportingOverflow(by: passes).partialValue)
            if let axis = try call.optionalInt(0) {
                return .tensor(try call.kernel { () throws(KernelError) in try alongAxis(t, axis) })
            }
            return try call.kernel { () throws(KernelError) in try whole(t) }
        }
    }

    /// A shape given as an Int, a tuple or list of Ints, or a 1-D int tensor.
    /// With `inferring`, one extent may be -1 (`reshaped((2, -1))`); the kernel checks the rest.
    static func shapeArgument(_ call: Call, _ i: Int, inferring: Bool = false) throws(ExpressionFailure) -> [Int] {
        let value = try call.value(i)
        let shape: [Int]?
        switch value {
        case .int(let n): shape = [n]
        case .tuple(let items, _), .list(let items):
            shape = items.compactMap { if case .int(let n) = $0 { n } else { nil } }
            if shape?.count != items.count { throw call.mismatch(i, "a shape (Ints)", value) }
        case .tensor(let t):
            if case .int64(let v) = t.storage, t.rank <= 1 { shape = v } else { shape = nil }
        default: shape = nil
        }
        guard let shape else { throw call.mismatch(i, "a shape: an Int, or a tuple or list of Ints", value) }
        guard shape.count <= 32 else {
            throw ExpressionFailure("a tensor may have at most 32 axes, got \(shape.count)", at: call.range(i))
        }
        if inferring { return shape }
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw ExpressionFailure("shape \(shapeDescription(shape)) has a negative extent", at: call.range(i))
        }
        try kernelCall(at: call.range(i)) { () throws(KernelError) in try Limits.checkElements(shape) }
        return shape
    }

    /// A rounding precision: an Int within ±10,000 (NumPy takes a C int; beyond ±400 nothing changes).
    static func decimalsArgument(_ call: Call, _ i: Int) throws(ExpressionFailure) -> Int {
        let decimals = try call.int(i, default: 0)
        guard (-10_000...10_000).contains(decimals) else {
            throw ExpressionFailure("the number of decimals must be between -10000 and 10000, got \(decimals)", at: call.range(i))
        }
        return decimals
    }

    /// `dtype: "int64"` (optional; default float64).
    static func dtypeArgument(_ call: Call, _ i: Int) throws(ExpressionFailure) -> DType {
        guard let name = try call.optionalString(i) else { return .float64 }
        guard let dtype = DType(rawValue: name) else {
            throw ExpressionFailure("unknown dtype '\(name)' (use \"float64\", \"int64\" or \"bool\")", at: call.range(i))
        }
        return dtype
    }

    /// `x.tolist()`: nested lists of Python scalars; a 0-d tensor gives its scalar.
    static func nestedList(_ t: Tensor) -> Value {
        func build(_ axis: Int, _ offset: Int) -> Value {
            if axis == t.rank { return Value(t.scalar(at: offset)) }
            let stride = t.shape[(axis + 1)...].reduce(1, *)
            return .list((0..<t.shape[axis]).map { build(axis + 1, offset + $0 * stride) })
        }
        return build(0, 0)
    }
}

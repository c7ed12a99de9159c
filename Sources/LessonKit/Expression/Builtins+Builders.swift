import CNNKernels

extension Builtins {
    /// NumPy's builders of LESSON-FORMAT.md §8: `arange(_:_:step:)`, `linspace(_:_:count:)`,
    /// `eye(_:)`, `full(_:_:)`, `stack(_:axis:)`, `concatenate(_:axis:)`, `where(_:_:_:)`,
    /// `clip(_:_:_:)`, `flip(_:axis:)`, `outer(_:_:)`.
    static let builderFunctions: [Builtin] = [
        Builtin("arange", "_start _stop? step?") { call throws(ExpressionFailure) in
            let first = try number(call, 0)
            let stop = try call.values[1] == nil ? nil : number(call, 1)
            let step = try call.values[2] == nil ? Scalar.int(1) : number(call, 2)
            let (a, b) = stop.map { (first, $0) } ?? (Scalar.int(0), first)
            return .tensor(try call.kernel { () throws(KernelError) in try Tensor.arange(start: a, stop: b, step: step) })
        },
        Builtin("linspace", "_start _stop count?") { call throws(ExpressionFailure) in
            let a = try number(call, 0).double, b = try number(call, 1).double
            let count = try call.int(2, default: 50)
            return .tensor(try call.kernel { () throws(KernelError) in try Tensor.linspace(a, b, count: count) })
        },
        Builtin("eye", "_n") { call throws(ExpressionFailure) in
            let n = try call.int(0)
            return .tensor(try call.kernel { () throws(KernelError) in try Tensor.eye(n) })
        },
        Builtin("full", "_shape _value") { call throws(ExpressionFailure) in
            let shape = try shapeArgument(call, 0), value = try number(call, 1)
            return .tensor(try call.kernel { () throws(KernelError) in try Tensor.full(shape, value) })
        },
        Builtin("stack", "_arrays axis?") { call throws(ExpressionFailure) in
            let parts = try tensorList(call, 0), axis = try call.int(1, default: 0)
            try call.charge(parts.reduce(0) { $0 + $1.count })
            return .tensor(try call.kernel { () throws(KernelError) in try stack(parts, axis: axis) })
        },
        Builtin("concatenate", "_arrays axis?") { call throws(ExpressionFailure) in
            let parts = try tensorList(call, 0), axis = try call.int(1, default: 0)
            try call.charge(parts.reduce(0) { $0 + $1.count })
            return .tensor(try call.kernel { () throws(KernelError) in try concatenate(parts, axis: axis) })
        },
        Builtin("where", "_condition _a _b") { call throws(ExpressionFailure) in
            let c = try call.tensor(0), a = try call.tensor(1), b = try call.tensor(2)
            try call.charge(c.count + a.count + b.count)
            return .tensor(try call.kernel { () throws(KernelError) in try `where`(c, a, b) })
        },
        Builtin("clip", "_x _lo _hi") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), lo = try call.tensor(1), hi = try call.tensor(2)
            try call.charge(x.count.multipliedReportingOverflow(by: 2).partialValue + lo.count + hi.count)
            return .tensor(try call.kernel { () throws(KernelError) in try clip(x, lo, hi) })
        },
        Builtin("flip", "_x axis?") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), axis = try call.optionalInt(1)
            try call.charge(x.count)
            return .tensor(try call.kernel { () throws(KernelError) in try flip(x, axis: axis) })
        },
        Builtin("outer", "_a _b") { call throws(ExpressionFailure) in
            let a = try call.tensor(0), b = try call.tensor(1)
            try call.charge(a.count + b.count)
            return .tensor(try call.kernel { () throws(KernelError) in try outer(a, b) })
        },
    ]

    /// An Int, Double or Bool argument as a tensor scalar.
    private static func number(_ call: Call, _ i: Int) throws(ExpressionFailure) -> Scalar {
        let value = try call.value(i)
        guard let scalar = value.scalar else { throw call.mismatch(i, "a number", value) }
        return scalar
    }

    /// A list or tuple of tensors (numbers count as 0-d tensors), or a tensor's slices along
    /// its first axis, as NumPy iterates an array passed where a sequence is expected.
    private static func tensorList(_ call: Call, _ i: Int) throws(ExpressionFailure) -> [Tensor] {
        let value = try call.value(i)
        switch value {
        case .list(let items), .tuple(let items, _):
            var tensors = [Tensor]()
            for item in items {
                if case .tensor(let t) = item { tensors.append(t); continue }
                guard let scalar = item.scalar else {
                    throw ExpressionFailure("\(call.builtin.signature) needs a list of tensors; element \(tensors.count) is \(item.typeDescription)",
                                            at: call.range(i))
                }
                tensors.append(Tensor(scalar))
            }
            return tensors
        case .tensor(let t) where t.rank > 0:
            var slices = [Tensor]()
            for k in 0..<t.shape[0] {
                slices.append(try call.kernel { () throws(KernelError) in try t.indexed([.position(k)]) })
            }
            return slices
        default:
            throw call.mismatch(i, "a list of tensors", value)
        }
    }
}

import CNNKernels

extension Builtins {
    /// `choose`, `randomInt`, `randomTensor`, `shuffled`: seeded random draws for a question's
    /// `:given:` (LESSON-FORMAT.md §10). They draw from the variant's `VariantGenerator`, so every
    /// build gives the same variants; anywhere else (an `{eval}` block, prose, an `:answer:`) they
    /// are an error, because a page must not change from one build to the next.
    ///
    ///     choose([28, 32, 64])         one element, each equally likely (also a range, tuple or tensor row)
    ///     randomInt(1...6)             an Int in the closed range (or a..<b)
    ///     randomTensor((2, 2), from: [0, 1])   int64 when every choice is an Int, else float64
    ///     shuffled([1, 2, 3])          the elements (a tensor's rows) in a random order (Fisher–Yates)
    static let randomFunctions: [Builtin] = [
        Builtin("choose", "_list") { call throws(ExpressionFailure) in
            try choose(call, from: try call.value(0))
        },
        Builtin("randomInt", "_range") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            guard case .range(let lower, let upper) = value else { throw call.mismatch(0, "a range such as 1...6", value) }
            guard upper > lower else { throw ExpressionFailure("randomInt(_:) needs a non-empty range", at: call.range(0)) }
            let width = upper.subtractingReportingOverflow(lower)
            guard !width.overflow else { throw ExpressionFailure("randomInt(_:): the range is too wide", at: call.range(0)) }
            return .int(lower + (try call.interpreter.draw(below: width.partialValue, at: call.range)))
        },
        Builtin("randomTensor", "_shape from") { call throws(ExpressionFailure) in
            let shape = try shapeArgument(call, 0)
            let choices = try call.interpreter.elements(of: try call.value(1), at: call.range(1))
            guard !choices.isEmpty else { throw ExpressionFailure("randomTensor(_:from:) needs at least one value to draw from", at: call.range(1)) }
            var ints: [Int] = [], doubles: [Double] = []
            for choice in choices {
                switch choice {
                case .int(let n), .numpy(.int(let n)): ints.append(n); doubles.append(Double(n))
                case .double(let d), .numpy(.float(let d)): doubles.append(d)
                default: throw call.mismatch(1, "a list of numbers", try call.value(1))
                }
            }
            var count = 1
            for extent in shape {
                guard extent >= 0 else { throw ExpressionFailure("randomTensor(_:from:): a shape cannot be negative", at: call.range(0)) }
                let product = count.multipliedReportingOverflow(by: extent)
                guard !product.overflow, product.partialValue <= call.limits.maxTensorElements else {
                    throw ExpressionFailure("randomTensor(_:from:): the tensor is too large (limit \(call.limits.maxTensorElements) elements)",
                                            at: call.range(0), kind: .limit)
                }
                count = product.partialValue
            }
            try call.charge(count)
            var picks: [Int] = []
            picks.reserveCapacity(count)
            for _ in 0..<count { picks.append(try call.interpreter.draw(below: choices.count, at: call.range)) }
            if ints.count == choices.count { return .tensor(Tensor(shape: shape, ints: picks.map { ints[$0] })) }
            return .tensor(Tensor(shape: shape, doubles: picks.map { doubles[$0] }))
        },
        Builtin("shuffled", "_list") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            if case .tensor(let t) = value, t.rank >= 1 { return .tensor(try shuffledRows(t, call)) }
            switch value {
            case .list, .tuple, .range: break
            default: throw call.mismatch(0, "a list, tuple, range or tensor", value)
            }
            var items = try call.interpreter.elements(of: value, at: call.range(0))
            try call.charge(items.count)
            let order = try permutation(items.count, call)
            items = order.map { items[$0] }
            return .list(items)
        },
    ]

    /// A random order of `0..<count` (Fisher–Yates, from the last position down).
    private static func permutation(_ count: Int, _ call: Call) throws(ExpressionFailure) -> [Int] {
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) {
                order.swapAt(i, try call.interpreter.draw(below: i + 1, at: call.range))
            }
        }
        return order
    }

    /// A tensor with its rows (first axis) in a random order, as NumPy's `rng.permutation(x)`.
    private static func shuffledRows(_ t: Tensor, _ call: Call) throws(ExpressionFailure) -> Tensor {
        try call.charge(t.count)
        let rows = t.shape[0], width = rows == 0 ? 0 : t.count / rows
        let order = try permutation(rows, call)
        func gather<E>(_ v: [E]) -> [E] { order.flatMap { v[($0 * width)..<($0 * width + width)] } }
        let storage: Tensor.Storage
        switch t.storage {
        case .bool(let v): storage = .bool(gather(v))
        case .int64(let v): storage = .int64(gather(v))
        case .float64(let v): storage = .float64(gather(v))
        }
        return try call.kernel { () throws(KernelError) in try Tensor(shape: t.shape, storage: storage) }
    }

    /// One element of a list, tuple, range or tensor (a row of a tensor), each equally likely.
    private static func choose(_ call: Call, from sequence: Value) throws(ExpressionFailure) -> Value {
        switch sequence {
        case .list, .tuple, .range, .tensor: break
        default: throw call.mismatch(0, "a list, tuple, range or tensor", sequence)
        }
        let count = try call.interpreter.sequenceCount(sequence, at: call.range(0))
        guard count > 0 else { throw ExpressionFailure("choose(_:) needs at least one value to choose from", at: call.range(0)) }
        let index = try call.interpreter.draw(below: count, at: call.range)
        return try call.interpreter.element(of: sequence, at: index, range: call.range(0))
    }
}

import CNNKernels

extension Builtins {
    /// Swift's sequence methods on lists, ranges, tuples and a tensor's first axis (LESSON-FORMAT.md §8):
    ///
    ///     (1...4).map { $0 * $0 }              [1, 4, 9, 16]
    ///     xs.filter { $0 > 0 }                 the elements that pass, as a list
    ///     xs.reduce(0) { $0 + $1 }             a running combination
    ///     xs.sorted()  xs.min()  xs.max()      Python's ordering; min/max of an empty list fail
    ///     xs.enumerated()                      [(0, x0), (1, x1), ...]
    static let sequenceMethods: [Builtin] = [
        Builtin("map", "_transform", accepts: isSequence) { call throws(ExpressionFailure) in
            let f = try call.function(0)
            var out: [Value] = []
            for item in try call.items() { out.append(try call.interpreter.apply(f, [item], at: call.range(0))) }
            return .list(out)
        },
        Builtin("filter", "_isIncluded", accepts: isSequence) { call throws(ExpressionFailure) in
            let f = try call.function(0)
            var out: [Value] = []
            for item in try call.items() {
                let keep = try call.interpreter.apply(f, [item], at: call.range(0))
                guard let truth = keep.truth else {
                    throw ExpressionFailure("the closure of filter must give a Bool, got \(keep.typeDescription)", at: call.range(0))
                }
                if truth { out.append(item) }
            }
            return .list(out)
        },
        Builtin("reduce", "_initial _next", accepts: isSequence) { call throws(ExpressionFailure) in
            var result = try call.value(0)
            let f = try call.function(1)
            for item in try call.items() { result = try call.interpreter.apply(f, [result, item], at: call.range(1)) }
            return result
        },
        Builtin("sorted", "by?", accepts: isSequence) { call throws(ExpressionFailure) in
            let items = try call.items()
            let by = call.values[0] == nil ? nil : try call.function(0)
            var failure: ExpressionFailure?
            // Merge sort with a throwing comparison (stable, as Swift's and Python's sorts are).
            func less(_ a: Value, _ b: Value) -> Bool {
                guard failure == nil else { return false }
                do throws(ExpressionFailure) {
                    if let by {
                        let r = try call.interpreter.apply(by, [a, b], at: call.range(0))
                        guard let t = r.truth else {
                            throw ExpressionFailure("the closure of sorted(by:) must give a Bool, got \(r.typeDescription)", at: call.range(0))
                        }
                        return t
                    }
                    return try call.interpreter.order(a, b, at: call.range) < 0
                } catch {
                    failure = error
                    return false
                }
            }
            let sorted = mergeSorted(items, by: less)
            if let failure { throw failure }
            return .list(sorted)
        },
        Builtin("min", "", accepts: isList) { call throws(ExpressionFailure) in try extreme(call, largest: false) },
        Builtin("max", "", accepts: isList) { call throws(ExpressionFailure) in try extreme(call, largest: true) },
        Builtin("enumerated", "", accepts: isSequence) { call throws(ExpressionFailure) in
            .list(try call.items().enumerated().map { .tuple([.int($0.offset), $0.element]) })
        },
        Builtin("reversed", "", accepts: isSequence) { call throws(ExpressionFailure) in
            .list(try call.items().reversed())
        },
        Builtin("contains", "_element", accepts: isSequence) { call throws(ExpressionFailure) in
            let needle = try call.value(0)
            for item in try call.items() where try call.interpreter.order(item, needle, at: call.range, equalityOnly: true) == 0 {
                return .bool(true)
            }
            return .bool(false)
        },
    ]

    /// Swift's `max(a, b, …)` and `min(a, b, …)` of two to four numbers or strings: the first
    /// largest (smallest) argument itself, as Python's `max(a, b)` returns it (so `max(1, 1.0)` is
    /// `1`, and a NaN first stays). Tensors compare elementwise with `maximum`/`minimum` instead.
    ///
    ///     max(3, 7)          // 7
    ///     min(2.5, 1, 4)     // 1
    static let extremeFunctions: [Builtin] = [
        Builtin("max", "_a _b? _c? _d?") { call throws(ExpressionFailure) in try extremeOfArguments(call, largest: true) },
        Builtin("min", "_a _b? _c? _d?") { call throws(ExpressionFailure) in try extremeOfArguments(call, largest: false) },
    ]

    private static func extremeOfArguments(_ call: Call, largest: Bool) throws(ExpressionFailure) -> Value {
        let name = largest ? "max" : "min"
        let values = call.values.compactMap { $0 }
        for (i, value) in call.values.enumerated() {
            guard let value else { continue }
            switch value {
            case .tensor where values.count > 1:
                throw ExpressionFailure("\(name)(a, b) compares numbers; for the elementwise \(largest ? "maximum" : "minimum") "
                                        + "of tensors write \(largest ? "maximum" : "minimum")(a, b)", at: call.range(i))
            case .list, .range, .tuple, .tensor:
                throw ExpressionFailure("\(name)(_:_:) compares two or more values; for the \(largest ? "largest" : "smallest") "
                                        + "element of one \(value.kindName) write x.\(name)()", at: call.range(i))
            case .int, .double, .bool, .string, .numpy:
                continue
            default:
                throw call.mismatch(i, "a number or a string", value)
            }
        }
        guard values.count >= 2 else {
            throw ExpressionFailure("\(name)(_:_:) compares two or more values: \(name)(a, b)", at: call.range)
        }
        var best = values[0]
        for value in values.dropFirst() where try beats(value, best, largest: largest, call) { best = value }
        return best
    }

    /// Python's `value > best` (or `<`): false when either is NaN, so a NaN already chosen stays and
    /// a later one is passed over, as `max`/`min` in Python do.
    private static func beats(_ value: Value, _ best: Value, largest: Bool, _ call: Call) throws(ExpressionFailure) -> Bool {
        let isNaN: (Value) -> Bool = { v in
            switch v.asPython {
            case .double(let d): d.isNaN
            default: false
            }
        }
        if isNaN(value) || isNaN(best) { return false }
        let c = try call.interpreter.order(value, best, at: call.range)
        return largest ? c > 0 : c < 0
    }

    /// `min()`/`max()` of a list or range: the first smallest or largest element, as Python's.
    private static func extreme(_ call: Call, largest: Bool) throws(ExpressionFailure) -> Value {
        let items = try call.items()
        guard var best = items.first else {
            throw ExpressionFailure("\(largest ? "max" : "min")() of an empty sequence", at: call.range)
        }
        for item in items.dropFirst() where try beats(item, best, largest: largest, call) { best = item }
        return best
    }

    /// Methods whose result stays a Python value on a tensor (`x.tolist()`), not a NumPy scalar.
    static let pythonResultMethods: Set<String> = ["tolist", "item", "enumerated", "map", "filter", "reduce"]

    /// Every built-in function as a function value, for name resolution.
    static let callables: [String: Function] = functions.mapValues { Function(builtin: $0) }

    /// The method `name` that applies to `receiver`: a sequence method or a tensor method.
    static func method(_ name: String, for receiver: Value) -> Builtin? {
        if let m = sequenceMethods.first(where: { $0.name == name && $0.accepts(receiver) }) { return m }
        if let m = methods[name], m.accepts(receiver) { return m }
        return nil
    }
}

/// Lists, ranges, tuples and tensors: what `map`, `filter`, `reduce` and `enumerated` walk.
@Sendable func isSequence(_ value: Value) -> Bool {
    switch value {
    case .list, .range, .tuple, .tensor: true
    default: false
    }
}

/// Lists, ranges and tuples (a tensor has its own `min`/`max`).
@Sendable func isList(_ value: Value) -> Bool {
    switch value {
    case .list, .range, .tuple: true
    default: false
    }
}

/// A stable merge sort with a caller-supplied ordering.
private func mergeSorted(_ items: [Value], by less: (Value, Value) -> Bool) -> [Value] {
    guard items.count > 1 else { return items }
    let middle = items.count / 2
    let left = mergeSorted(Array(items[..<middle]), by: less), right = mergeSorted(Array(items[middle...]), by: less)
    var out: [Value] = []
    out.reserveCapacity(items.count)
    var i = 0, j = 0
    while i < left.count && j < right.count {
        if less(right[j], left[i]) { out.append(right[j]); j += 1 } else { out.append(left[i]); i += 1 }
    }
    out += left[i...]
    out += right[j...]
    return out
}

extension Call {
    /// Argument `i` as a function (a closure, a `func` or a built-in).
    func function(_ i: Int) throws(ExpressionFailure) -> Function {
        let v = try value(i)
        guard case .function(let f) = v else { throw mismatch(i, "a closure such as { $0 * 2 }", v) }
        return f
    }

    /// The receiver's elements (a sequence method's receiver).
    func items() throws(ExpressionFailure) -> [Value] {
        guard let receiver else { return [] }
        return try interpreter.elements(of: receiver, at: range)
    }
}

import CNNKernels

extension Interpreter {
    /// Evaluates one syntax-tree node.
    func eval(_ expr: Expr) throws(ExpressionFailure) -> Value {
        try step(at: expr.range)
        switch expr.node {
        case .integer(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .name(let name): return try lookup(name, at: expr.range)
        case .array(let items): return try array(items, at: expr.range)
        case .tuple(let items, let labels): return try tuple(items, labels: labels, at: expr.range)
        case .unary(let op, let operand):
            return try unary(op, try eval(operand), at: expr.range)
        case .binary(let op, let left, let right, let operatorRange):
            return try binary(op, left, right, at: operatorRange)
        case .call(let callee, let arguments, _):
            return try call(callee, arguments, at: expr.range)
        case .member(let base, let name, let nameRange):
            return try member(of: try eval(base), name, at: nameRange)
        case .subscripted(let base, let indices):
            return try subscripted(try eval(base), indices, at: expr.range)
        case .range(let lowerExpr, let upperExpr, let closed):
            return try range(lowerExpr, upperExpr, closed: closed, at: expr.range)
        case .ternary(let conditionExpr, let whenTrue, let whenFalse):
            return try eval(try condition(conditionExpr, in: "?:") ? whenTrue : whenFalse)
        case .closure(let closure):
            return .function(Function(closure: closure, captured: scope, locate: locate, path: sourcePath))
        case .attempt(let inner):
            return try attempt(inner)
        }
    }

    // Each node kind with more than a line of work has its own function, so `eval`'s stack frame
    // stays small: recursion through nested calls costs less stack per level.

    @inline(never)
    private func array(_ items: [Expr], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        let value = try makeArray(items, at: range)
        try limits.checkNesting(value, at: range)
        return value
    }

    @inline(never)
    private func tuple(_ items: [Expr], labels: [String?], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        var values: [Value] = []
        for item in items { values.append(try eval(item)) }
        try limits.checkNesting(.tuple(values), at: range)
        return .tuple(values, labels: Value.TupleLabels(labels))
    }

    @inline(never)
    private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, at operatorRange: Range<Int>) throws(ExpressionFailure) -> Value {
        if op == .and || op == .or { return try logical(op, left, right) }
        return try binary(op, try eval(left), try eval(right), at: operatorRange)
    }

    /// `a..<b` and `a...b` as values.
    @inline(never)
    private func range(_ lowerExpr: Expr, _ upperExpr: Expr, closed: Bool, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        let lower = try rangeBound(lowerExpr), upper = try rangeBound(upperExpr)
        if closed {
            guard upper >= lower else {
                throw ExpressionFailure("a closed range a...b needs a <= b, got \(lower)...\(upper)", at: range)
            }
            guard upper < Int.max else { throw ExpressionFailure("range bound is too large", at: upperExpr.range) }
            return .range(lower: lower, upper: upper + 1)
        }
        guard upper >= lower else {
            throw ExpressionFailure("a range a..<b needs a <= b, got \(lower)..<\(upper)", at: range)
        }
        return .range(lower: lower, upper: upper)
    }

    /// `attempt(EXPR)`: the value of EXPR, or its error message as a String; cascades and limits are not caught.
    @inline(never)
    private func attempt(_ inner: Expr) throws(ExpressionFailure) -> Value {
        do {
            return try eval(inner)
        } catch where error.kind == .error {
            return .string(error.resolved?.message ?? error.message)
        }
    }

    /// A range bound: an Int (a NumPy int64 counts as one).
    func rangeBound(_ e: Expr) throws(ExpressionFailure) -> Int {
        let v = try eval(e)
        switch v {
        case .int(let i), .numpy(.int(let i)): return i
        default: throw ExpressionFailure("a range bound must be an Int, got \(v.typeDescription)", at: e.range)
        }
    }

    // MARK: - Members

    /// `x.shape`, `x.size`, `record.field`, `t.0`, `xs.count`.
    func member(of base: Value, _ name: String, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch base {
        case .tensor(let t):
            switch name {
            case "shape": return .tuple(t.shape.map(Value.int))
            case "size": return .int(t.count)
            case "ndim": return .int(t.rank)
            case "dtype": return .string(t.dtype.rawValue)
            default: break
            }
        case .record(_, let fields):
            if let field = fields.first(where: { $0.name == name }) { return field.value }
        case .tuple(let items, let labels):
            if let index = labels.index(of: name) { return items[index] }
            if let index = Int(name), name.allSatisfy(\.isNumber) {
                guard index < items.count else {
                    throw ExpressionFailure("tuple index \(index) is out of range (the tuple has \(items.count) elements)", at: range)
                }
                return items[index]
            }
            if name == "count" { return .int(items.count) }
        case .list(let items):
            if name == "count" { return .int(items.count) }
            if name == "isEmpty" { return .bool(items.isEmpty) }
        case .range(let lower, let upper):
            if name == "count" { return .int(upper - lower) }
            if name == "lowerBound" { return .int(lower) }
            if name == "upperBound" { return .int(upper) }
        case .string(let s):
            if name == "count" { return .int(s.unicodeScalars.count) }
        default:
            break
        }
        if let method = Builtins.method(name, for: base) {
            throw ExpressionFailure("'\(name)' is a method; call it: \(name)()", at: range)
        }
        throw noMember(base, name, at: range)
    }

    func noMember(_ base: Value, _ name: String, at range: Range<Int>) -> ExpressionFailure {
        var candidates = (Builtins.methods.values + Builtins.sequenceMethods).filter { $0.accepts(base) }.map(\.name)
        switch base {
        case .tensor: candidates += ["shape", "size", "ndim", "dtype"]
        case .record(_, let fields): candidates += fields.map(\.name)
        case .tuple(_, let labels): candidates += ["count"] + labels.names.compactMap { $0 }
        case .list, .string, .range: candidates.append("count")
        default: break
        }
        var message = "\(base.kindName) has no member '\(name)'"
        if case .tensor = base, name == "count" {
            return ExpressionFailure(message + "; write x.size (all its elements) or x.shape.0 (its rows)", at: range)
        }
        if let guess = closestName(to: name, among: candidates) {
            message += "; did you mean '\(guess)'?"
        } else if case .record(_, let fields) = base {
            message += " (its fields: \(fields.map(\.name).joined(separator: ", ")))"
        }
        return ExpressionFailure(message, at: range)
    }

    // MARK: - Subscripts

    /// `x[1, 2]`, `x[0..<3, 1...2]`, `xs[-1]`, `xs[1...]`.
    func subscripted(_ base: Value, _ indices: [Expr.SubscriptIndex], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch base {
        case .tensor(let t):
            var tensorIndices: [TensorIndex] = []
            var allPositions = true
            for index in indices {
                switch index {
                case .position(let e):
                    tensorIndices.append(.position(try intIndex(e)))
                case .range(let lower, let upper, let closed, _):
                    allPositions = false
                    let (lo, up) = try bounds(lower, upper, closed: closed)
                    tensorIndices.append(.range(lower: lo, upper: up))
                }
            }
            let result = try kernelCall(at: range) { () throws(KernelError) in try t.indexed(tensorIndices) }
            try chargeWork(result.count, at: range)
            // One element, as NumPy gives it: a NumPy scalar (`np.float64(0.3)`).
            if allPositions && result.rank == 0 && result.count == 1 { return .numpy(result.scalar(at: 0)) }
            return .tensor(result)
        case .list(let items), .tuple(let items, _):
            let isTuple = if case .tuple = base { true } else { false }
            let kind = isTuple ? "tuple" : "list"
            guard indices.count == 1, let index = indices.first else {
                throw ExpressionFailure("a \(kind) takes one index, got \(indices.count)", at: range)
            }
            switch index {
            case .position(let e):
                let i = try intIndex(e)
                let resolved = i < 0 ? items.count + i : i
                guard resolved >= 0 && resolved < items.count else {
                    throw ExpressionFailure("index \(i) is out of range for a \(kind) of \(items.count) elements", at: e.range)
                }
                return items[resolved]
            case .range(let lower, let upper, let closed, _):
                let (lo, up) = try bounds(lower, upper, closed: closed)
                let slice = sliceBounds(lo, up, count: items.count)
                let part = Array(items[slice])
                return isTuple ? .tuple(part) : .list(part)
            }
        default:
            throw ExpressionFailure("\(base.typeDescription) cannot be subscripted", at: range)
        }
    }

    func intIndex(_ e: Expr) throws(ExpressionFailure) -> Int {
        let v = try eval(e)
        switch v {
        case .int(let i), .numpy(.int(let i)): return i
        default: throw ExpressionFailure("an index must be an Int, got \(v.typeDescription)", at: e.range)
        }
    }

    /// Range bounds as half-open NumPy slice bounds: `a...b` is `a..<(b + 1)`, and `a...-1` runs to the end.
    func bounds(_ lower: Expr?, _ upper: Expr?, closed: Bool) throws(ExpressionFailure) -> (Int?, Int?) {
        let lo = try lower.map { e throws(ExpressionFailure) in try intIndex(e) }
        var up = try upper.map { e throws(ExpressionFailure) in try intIndex(e) }
        if closed, let u = up { up = (u == -1 || u == Int.max) ? nil : u + 1 }
        return (lo, up)
    }

    /// Python slice semantics on a sequence of `count` elements: negative bounds count from the end,
    /// out-of-range bounds clamp, an inverted range is empty.
    func sliceBounds(_ lower: Int?, _ upper: Int?, count: Int) -> Range<Int> {
        func clamp(_ i: Int) -> Int { min(count, max(0, i < 0 ? count + i : i)) }
        let lo = lower.map(clamp) ?? 0
        let up = upper.map(clamp) ?? count
        return lo..<max(lo, up)
    }
}

import CNNKernels

/// Assignment with Swift's value semantics: `var y = x` copies, so changing `y` never changes `x`.
///
///     var grid = zeros((2, 2))
///     grid[0, 1] = 0.5             // element assignment (NumPy casting and broadcasting)
///     grid[1, ...] += 1.0          // compound assignment on a slice
///     var xs = [1, 2]              // a tensor; a list of records or tuples is a list
///     total += x                   // only on a 'var'
extension Interpreter {
    func assign(_ target: Expr, op: BinaryOperator?, _ valueExpr: Expr, operatorRange: Range<Int>) throws(ExpressionFailure) {
        try checkAssignable(target)
        var value = try eval(valueExpr)
        if case .function = value {
            throw ExpressionFailure("a function cannot be assigned; declare it with 'func' or bind it with 'let'", at: valueExpr.range)
        }
        if let op {
            let current = try eval(target)
            value = try binary(op, current, value, at: operatorRange)
        }
        try store(value, into: target, at: operatorRange)
    }

    /// Fails unless `target` names a `var` this code may change.
    func checkAssignable(_ target: Expr) throws(ExpressionFailure) {
        switch target.node {
        case .subscripted(let base, _): try checkAssignable(base)
        case .name(let name):
            guard let (owner, entry) = scope.find(name) else {
                if Builtins.functions[name] != nil {
                    throw ExpressionFailure("'\(name)' is a built-in function and cannot be assigned; declare your own with 'var \(name) = ...'",
                                            at: target.range)
                }
                throw ExpressionFailure("bind a name with 'let \(name) = ...' (or 'var \(name) = ...' to change it later)", at: target.range)
            }
            if case .poisoned = entry.binding {
                throw ExpressionFailure("'\(name)' is unavailable because its definition at line \(entry.line) failed",
                                        at: target.range, kind: .cascade)
            }
            if let file = entry.importedFrom {
                throw ExpressionFailure("'\(name)' is imported from \"\(file)\" and is final here; bind a new name with 'let'",
                                        at: target.range)
            }
            guard entry.isVar else {
                if case .value(.function) = entry.binding {
                    throw ExpressionFailure("'\(name)' is a function and cannot be assigned", at: target.range)
                }
                throw ExpressionFailure("cannot assign to '\(name)': it is a 'let' constant; declare it with 'var \(name) = ...' "
                                        + "to change it", at: target.range)
            }
            if owner.isTopLevel {
                guard owner === globals, let block = entry.block, block == currentBlock else {
                    throw ExpressionFailure("'\(name)' is final here: a top-level 'var' can change only in the {eval} block "
                                            + "that declares it (line \(entry.line)); bind a new name with 'let'", at: target.range)
                }
            }
        default:
            throw ExpressionFailure("only a 'var' name or its elements can be assigned", at: target.range)
        }
    }

    /// Writes `value` to a name or to elements of one.
    func store(_ value: Value, into target: Expr, at range: Range<Int>) throws(ExpressionFailure) {
        switch target.node {
        case .name(let name):
            try checkAssignable(target)
            guard let (owner, _) = scope.find(name) else { return }
            if owner.isTopLevel {
                assignedGlobals.insert(name)
                try retain(value, at: range)
            }
            owner.update(name, value)
        case .subscripted:
            try checkAssignable(target)
            guard let (name, path) = elementPath(target), let (owner, _) = scope.find(name), var root = owner.take(name) else {
                throw ExpressionFailure("only a 'var' name or its elements can be assigned", at: target.range)
            }
            // The name's value is held only here while it changes, so a list element is set in place.
            do {
                try set(&root, path[...], to: value, at: target.range)
            } catch {
                owner.update(name, root)
                throw error
            }
            if owner.isTopLevel { assignedGlobals.insert(name) }
            owner.update(name, root)
        default:
            throw ExpressionFailure("only a 'var' name or its elements can be assigned", at: target.range)
        }
    }

    /// `grid[i][j]` as the root name and the subscripts from the outside in.
    private func elementPath(_ target: Expr) -> (String, [[Expr.SubscriptIndex]])? {
        switch target.node {
        case .name(let name): return (name, [])
        case .subscripted(let base, let indices):
            guard let (name, path) = elementPath(base) else { return nil }
            return (name, path + [indices])
        default: return nil
        }
    }

    /// Replaces the element of `container` at `path` (subscripts, outermost first) by `value`, in place.
    private func set(_ container: inout Value, _ path: ArraySlice<[Expr.SubscriptIndex]>, to value: Value,
                     at range: Range<Int>) throws(ExpressionFailure) {
        guard let indices = path.first else {
            container = value
            return
        }
        if path.count > 1 {
            // An inner element: take it out, change it, put it back.
            guard case .list(var items) = container else {
                var element = try subscripted(container, indices, at: range)
                try set(&element, path.dropFirst(), to: value, at: range)
                container = try setting(container, indices, to: element, at: range)
                return
            }
            container = .tuple([])
            defer { container = .list(items) }
            let i = try listIndex(indices, count: items.count, at: range)
            try set(&items[i], path.dropFirst(), to: value, at: range)
            return
        }
        if case .list(var items) = container {
            let i = try listIndex(indices, count: items.count, at: range)
            container = .tuple([])
            items[i] = value
            container = .list(items)
            return
        }
        container = try setting(container, indices, to: value, at: range)
    }

    /// The position a one-index list subscript names.
    private func listIndex(_ indices: [Expr.SubscriptIndex], count: Int, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        guard indices.count == 1, case .position(let e) = indices[0] else {
            throw ExpressionFailure("a list element is assigned with one index: xs[i] = value", at: range)
        }
        let i = try intIndex(e)
        let resolved = i < 0 ? count + i : i
        guard resolved >= 0 && resolved < count else {
            throw ExpressionFailure("index \(i) is out of range for a list of \(count) elements", at: e.range)
        }
        return resolved
    }

    /// `container` with the elements at `indices` replaced by `value`.
    private func setting(_ container: Value, _ indices: [Expr.SubscriptIndex], to value: Value,
                         at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch container {
        case .list(var items):
            guard indices.count == 1, case .position(let e) = indices[0] else {
                throw ExpressionFailure("a list element is assigned with one index: xs[i] = value", at: range)
            }
            let i = try intIndex(e)
            let resolved = i < 0 ? items.count + i : i
            guard resolved >= 0 && resolved < items.count else {
                throw ExpressionFailure("index \(i) is out of range for a list of \(items.count) elements", at: e.range)
            }
            items[resolved] = value
            return .list(items)
        case .tensor(let t):
            var tensorIndices: [TensorIndex] = []
            for index in indices {
                switch index {
                case .position(let e): tensorIndices.append(.position(try intIndex(e)))
                case .range(let lower, let upper, let closed, _):
                    let (lo, up) = try bounds(lower, upper, closed: closed)
                    tensorIndices.append(.range(lower: lo, upper: up))
                }
            }
            try chargeWork(t.count, at: range)
            return .tensor(try kernelCall(at: range) { () throws(KernelError) in try t.setting(tensorIndices, to: value) })
        case .tuple:
            throw ExpressionFailure("a tuple's elements cannot be assigned; build a new tuple", at: range)
        default:
            throw ExpressionFailure("\(container.typeDescription) has no elements to assign", at: range)
        }
    }
}

extension Tensor {
    /// NumPy's `a[indices] = value`: the selected elements replaced by `value`, broadcast to the
    /// selection's shape and cast to this tensor's dtype (a float written into an int64 tensor is
    /// truncated toward zero, as NumPy does).
    func setting(_ indices: [TensorIndex], to value: Value) throws(KernelError) -> Tensor {
        guard indices.count <= rank else {
            throw KernelError("too many indices for array: array is \(rank)-dimensional, but \(indices.count) were indexed")
        }
        var starts = [Int](), lengths = [Int](), keep = [Bool]()
        for (axis, extent) in shape.enumerated() {
            switch axis < indices.count ? indices[axis] : .range(lower: nil, upper: nil) {
            case .position(let p):
                let q = p < 0 ? p + extent : p
                guard q >= 0, q < extent else { throw KernelError("index \(p) is out of bounds for axis \(axis) with size \(extent)") }
                starts.append(q); lengths.append(1); keep.append(false)
            case .range(let lower, let upper):
                func clamp(_ b: Int) -> Int { Swift.min(extent, Swift.max(0, b < 0 ? b + extent : b)) }
                let lo = clamp(lower ?? 0), hi = clamp(upper ?? extent)
                starts.append(lo); lengths.append(Swift.max(0, hi - lo)); keep.append(true)
            }
        }
        let selection = zip(lengths, keep).filter { $0.1 }.map(\.0)
        let source: Tensor
        switch value {
        case .tensor(let v): source = v
        default:
            guard let s = value.scalar else {
                throw KernelError("cannot assign \(value.typeDescription) to elements of an array")
            }
            source = Tensor(s)
        }
        // Broadcasting the value to the selection (right-aligned, extents equal or 1).
        guard source.rank <= selection.count,
              zip(source.shape.reversed(), selection.reversed()).allSatisfy({ $0 == $1 || $0 == 1 }) else {
            throw KernelError("could not broadcast input array from shape \(shapeDescription(source.shape)) into shape \(shapeDescription(selection))")
        }
        let strides = rowMajor(shape)
        let total = lengths.reduce(1, *)
        let sourceStrides = rowMajor(source.shape)
        let offsetRank = selection.count - source.rank
        var targets = [Int](), sources = [Int]()
        targets.reserveCapacity(total)
        if total > 0 {
            var position = Array(repeating: 0, count: rank)
            for _ in 0..<total {
                var offset = 0
                for k in 0..<rank { offset += (starts[k] + position[k]) * strides[k] }
                targets.append(offset)
                // The selection coordinate of this element, mapped to the broadcast source.
                let kept = (0..<rank).filter { keep[$0] }.map { position[$0] }
                var s = 0
                for (j, extent) in source.shape.enumerated() where extent != 1 { s += kept[offsetRank + j] * sourceStrides[j] }
                sources.append(s)
                var k = rank - 1
                while k >= 0 {
                    position[k] += 1
                    if position[k] < lengths[k] { break }
                    position[k] = 0
                    k -= 1
                }
            }
        }
        switch storage {
        case .float64(var v):
            for (t, s) in zip(targets, sources) { v[t] = source.scalar(at: s).double }
            return Tensor(shape: shape, doubles: v)
        case .int64(var v):
            for (t, s) in zip(targets, sources) {
                switch source.scalar(at: s) {
                case .int(let i): v[t] = i
                case .bool(let b): v[t] = b ? 1 : 0
                case .float(let d):
                    guard d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) else {
                        throw KernelError(d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float \(d) to integer")
                    }
                    v[t] = i
                }
            }
            return Tensor(shape: shape, ints: v)
        case .bool(var v):
            for (t, s) in zip(targets, sources) { v[t] = source.scalar(at: s).double != 0 }
            return Tensor(shape: shape, bools: v)
        }
    }
}

/// Row-major strides in elements: `[2, 3]` → `[3, 1]`.
private func rowMajor(_ shape: [Int]) -> [Int] {
    var out = [Int](repeating: 1, count: shape.count)
    var stride = 1
    for axis in shape.indices.reversed() {
        out[axis] = stride
        stride *= shape[axis]
    }
    return out
}

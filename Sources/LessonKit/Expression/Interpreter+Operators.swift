import CNNKernels

/// Operators, with Python's numeric semantics and NumPy's on tensors.
///
///     7 / 2        3.5        (true division)
///     -7 % 3       2          (Python modulo: the sign of the divisor)
///     2 * 0.5      1.0        (Int and Double give Double)
///     x * 2        elementwise, the scalar broadcast as a 0-d tensor
extension Interpreter {
    func unary(_ op: UnaryOperator, _ value: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        if case .numpy(let s) = value {
            // NumPy scalars stay NumPy scalars: -np.int64(3) is np.int64(-3).
            if case (.negate, .bool) = (op, s) {
                throw ExpressionFailure("the numpy boolean negative, the '-' operator, is not supported; use '!'", at: range)
            }
            return try unary(op, Value(s), at: range).asNumPy
        }
        switch (op, value) {
        case (.negate, .int(let i)):
            guard i != Int.min else { throw ExpressionFailure("integer overflow: -(\(i)) does not fit in 64 bits", at: range) }
            return .int(-i)
        case (.negate, .double(let d)): return .double(-d)
        case (.negate, .tensor(let t)):
            try chargeWork(t.count, at: range)
            return .tensor(try kernelCall(at: range) { () throws(KernelError) in try t.negated() })
        case (.not, .bool(let b)): return .bool(!b)
        case (.not, .tensor(let t)):
            try chargeWork(t.count, at: range)
            return .tensor(try kernelCall(at: range) { () throws(KernelError) in try t.logicalNot() })
        case (.negate, _):
            throw ExpressionFailure("operator '-' cannot be applied to \(value.typeDescription)", at: range)
        case (.not, _):
            throw ExpressionFailure("operator '!' needs a Bool, got \(value.typeDescription)", at: range)
        }
    }

    /// `&&` and `||`, short-circuit, on Bool only.
    func logical(_ op: BinaryOperator, _ left: Expr, _ right: Expr) throws(ExpressionFailure) -> Value {
        let a = try boolOperand(op, try eval(left), at: left.range)
        if op == .and && !a { return .bool(false) }
        if op == .or && a { return .bool(true) }
        return .bool(try boolOperand(op, try eval(right), at: right.range))
    }

    private func boolOperand(_ op: BinaryOperator, _ value: Value, at range: Range<Int>) throws(ExpressionFailure) -> Bool {
        guard let b = value.truth else {
            var message = "operator '\(op.rawValue)' needs Bool operands, got \(value.typeDescription)"
            if case .tensor = value { message += "; a tensor has no single truth value (use .all() or .any())" }
            throw ExpressionFailure(message, at: range)
        }
        return b
    }

    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch (left, right) {
        case (.tensor, _), (_, .tensor):
            return try tensorBinary(op, left, right, at: range)
        case (.numpy, _), (_, .numpy):
            return try numpyBinary(op, left, right, at: range)
        case (.function, _), (_, .function):
            throw ExpressionFailure("operator '\(op.rawValue)' cannot be applied to a function; call it first, e.g. f(x)", at: range)
        default:
            break
        }
        if op.isComparison { return try compare(op, left, right, at: range) }
        switch (left, right) {
        case (.int(let a), .int(let b)):
            return try intArithmetic(op, a, b, at: range)
        case (.int, .double), (.double, .int), (.double, .double):
            return try doubleArithmetic(op, number(left), number(right), at: range)
        case (.string(let a), .string(let b)) where op == .add:
            try limits.check(a + b, at: range)
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            try checkLength(a.count + b.count, at: range)
            return .list(a + b)
        case (.tuple(let a, _), .tuple(let b, _)) where op == .add:
            try checkLength(a.count + b.count, at: range)
            return .tuple(a + b)
        default:
            throw ExpressionFailure(
                "operator '\(op.rawValue)' cannot combine \(left.typeDescription) and \(right.typeDescription)", at: range)
        }
    }

    private func checkLength(_ count: Int, at range: Range<Int>) throws(ExpressionFailure) {
        guard count > limits.maxListElements else { return }
        throw ExpressionFailure("result is too long (\(count) elements; the limit is \(limits.maxListElements))", at: range, kind: .limit)
    }

    func number(_ v: Value) -> Double {
        switch v {
        case .numpy(let s): s.double
        case .int(let i): Double(i)
        case .double(let d): d
        case .bool(let b): b ? 1 : 0
        default: .nan
        }
    }

    private func intArithmetic(_ op: BinaryOperator, _ a: Int, _ b: Int, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { throw ExpressionFailure("division by zero", at: range) }
            return .double(Double(a) / Double(b))
        case .modulo:
            guard b != 0 else { throw ExpressionFailure("integer modulo by zero", at: range) }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int(r != 0 && (r < 0) != (b < 0) ? r + b : r)
        default:
            throw ExpressionFailure("operator '\(op.rawValue)' cannot combine Int and Int", at: range)
        }
        guard !result.overflow else {
            throw ExpressionFailure("integer overflow: \(a) \(op.rawValue) \(b) does not fit in 64 bits", at: range)
        }
        return .int(result.partialValue)
    }

    private func doubleArithmetic(_ op: BinaryOperator, _ a: Double, _ b: Double, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw ExpressionFailure("float division by zero", at: range) }
            return .double(a / b)
        case .modulo:
            guard b != 0 else { throw ExpressionFailure("float modulo", at: range) }
            // CPython's float_rem: fmod, then moved to the divisor's sign.
            var mod = a.truncatingRemainder(dividingBy: b)
            if mod != 0 {
                if (b < 0) != (mod < 0) { mod += b }
            } else {
                mod = Double(signOf: b, magnitudeOf: 0)
            }
            return .double(mod)
        default:
            throw ExpressionFailure("operator '\(op.rawValue)' cannot combine Double and Double", at: range)
        }
    }

    // MARK: - Tensors

    private func tensorBinary(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        guard let a = try tensorOperand(left, at: range), let b = try tensorOperand(right, at: range) else {
            throw ExpressionFailure(
                "operator '\(op.rawValue)' cannot combine \(left.typeDescription) and \(right.typeDescription)", at: range)
        }
        try chargeWork(a.count + b.count, at: range)
        let result: Tensor
        if let comparison = ComparisonOperator(rawValue: op.rawValue) {
            result = try kernelCall(at: range) { () throws(KernelError) in try a.comparing(comparison, b) }
        } else if let arithmetic = ArithmeticOperator(rawValue: op.rawValue) {
            result = try kernelCall(at: range) { () throws(KernelError) in try a.applying(arithmetic, b) }
        } else {
            throw ExpressionFailure("operator '\(op.rawValue)' is not supported on tensors", at: range)
        }
        try chargeWork(result.count, at: range)
        return .tensor(result)
    }

    /// A tensor operand: tensors as they are, scalars as 0-d tensors, anything else nil.
    private func tensorOperand(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) -> Tensor? {
        if case .tensor(let t) = value { return t }
        guard let scalar = value.scalar else { return nil }
        return try kernelCall(at: range) { () throws(KernelError) in Tensor(scalar) }
    }

    // MARK: - Comparisons

    func compare(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch op {
        case .equal: return .bool(try pyEqual(left, right, at: range))
        case .notEqual: return .bool(!(try pyEqual(left, right, at: range)))
        default:
            if number(left).isNaN && left.scalar != nil || number(right).isNaN && right.scalar != nil {
                return .bool(false)  // every ordering comparison with NaN is false
            }
            guard let order = try pyOrder(left, right, at: range) else {
                throw ExpressionFailure(
                    "operator '\(op.rawValue)' cannot compare \(left.typeDescription) and \(right.typeDescription)", at: range)
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    /// Python `==`: numbers by value (`1 == 1.0`, `True == 1`), sequences elementwise, other kinds unequal.
    func pyEqual(_ a: Value, _ b: Value, at range: Range<Int>) throws(ExpressionFailure) -> Bool {
        if a.isNumPy || b.isNumPy { return try pyEqual(a.asPython, b.asPython, at: range) }
        switch (a, b) {
        case (.range(let p, let q), .range(let r, let t)): return (p == r && q == t) || (q <= p && t <= r)
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double), (.bool, .int), (.int, .bool), (.bool, .double), (.double, .bool):
            return number(a) == number(b)
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.tuple(let x, _), .tuple(let y, _)), (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !(try pyEqual(p, q, at: range)) { return false }
            return true
        case (.record(let n, let f), .record(let m, let g)):
            guard n == m, f.count == g.count else { return false }
            for (p, q) in zip(f, g) {
                guard p.name == q.name, try pyEqual(p.value, q.value, at: range) else { return false }
            }
            return true
        case (.tensor, _), (_, .tensor):
            throw ExpressionFailure("tensors inside tuples, lists or records cannot be compared with '=='; compare them directly",
                                    at: range)
        default:
            return false
        }
    }

    /// Python ordering: -1, 0, 1, or nil when the values cannot be ordered.
    func pyOrder(_ a: Value, _ b: Value, at range: Range<Int>) throws(ExpressionFailure) -> Int? {
        if a.isNumPy || b.isNumPy { return try pyOrder(a.asPython, b.asPython, at: range) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.int, .double), (.double, .int), (.double, .double), (.bool, .bool), (.bool, .int), (.int, .bool),
             (.bool, .double), (.double, .bool):
            let x = number(a), y = number(b)
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            let p = Array(x.unicodeScalars.map(\.value)), q = Array(y.unicodeScalars.map(\.value))
            return p.lexicographicallyPrecedes(q) ? -1 : (p == q ? 0 : 1)
        case (.tuple(let x, _), .tuple(let y, _)), (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) where !(try pyEqual(p, q, at: range)) { return try pyOrder(p, q, at: range) }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default:
            return nil
        }
    }
}

// MARK: - NumPy scalars

extension Interpreter {
    /// Arithmetic and comparison with a NumPy scalar on either side, as NumPy 2 (NEP 50) does it:
    /// the result is a NumPy scalar whose kind is the larger of the operands' kinds (bool < int64 <
    /// float64; a Python number never widens a NumPy scalar beyond its own kind), comparisons give
    /// `np.bool_`, and division by zero gives `inf`/`nan` (and `0` for int64 `%`) instead of failing.
    ///
    ///     np.int64(3) / 2        np.float64(1.5)
    ///     np.int64(3) + 2.5      np.float64(5.5)
    ///     np.True_ + 1           np.int64(2)
    ///     np.float64(1) / 0      np.float64(inf)
    func numpyBinary(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        guard let a = left.scalar, let b = right.scalar else {
            throw ExpressionFailure(
                "operator '\(op.rawValue)' cannot combine \(left.typeDescription) and \(right.typeDescription)", at: range)
        }
        if op.isComparison {
            return .numpy(.bool(try compare(op, Value(a), Value(b), at: range).truth ?? false))
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)):
            switch op {
            case .add: return .numpy(.bool(x || y))
            case .multiply: return .numpy(.bool(x && y))
            case .subtract:
                throw ExpressionFailure("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                                        + "the `^` operator, or the logical_xor function instead.", at: range)
            default: break
            }
        default: break
        }
        let x = a.promotedFromBool, y = b.promotedFromBool
        switch (op, x, y) {
        case (.divide, _, _) where y.double == 0:
            let n = x.double
            return .numpy(.float(n == 0 || n.isNaN ? .nan : (n > 0) == (y.double.sign == .plus) ? .infinity : -.infinity))
        case (.modulo, .int, .int(0)):
            return .numpy(.int(0))
        case (.modulo, _, _) where y.double == 0:
            return .numpy(.float(.nan))
        default:
            return try binary(op, Value(x), Value(y), at: range).asNumPy
        }
    }

    /// Python's ordering of two values, for `sorted`, `min`, `max` and `contains`: -1, 0 or 1.
    func order(_ a: Value, _ b: Value, at range: Range<Int>, equalityOnly: Bool = false) throws(ExpressionFailure) -> Int {
        let x = a.asPython, y = b.asPython
        if equalityOnly { return try pyEqual(x, y, at: range) ? 0 : 1 }
        guard let c = try pyOrder(x, y, at: range) else {
            throw ExpressionFailure("cannot order \(a.typeDescription) and \(b.typeDescription)", at: range)
        }
        return c
    }
}

extension Scalar {
    /// A bool as the int64 NumPy computes with (True + 1 is 2); other scalars unchanged.
    var promotedFromBool: Scalar {
        if case .bool(let b) = self { .int(b ? 1 : 0) } else { self }
    }
}

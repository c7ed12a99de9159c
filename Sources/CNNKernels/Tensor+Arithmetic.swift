/// An elementwise binary operator, with NumPy broadcasting and type promotion.
public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    /// Python's floor modulo (`np.remainder`), see `remainder(_:_:)`.
    case remainder = "%"
}

extension ArithmeticOperator {
    /// NumPy's ufunc name, used in messages.
    var ufuncName: String {
        switch self {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "true_divide"
        case .remainder: "remainder"
        }
    }
}

extension Tensor {
    /// `self op other` with NumPy broadcasting and promotion.
    ///
    /// Promotion: any float64 operand gives float64; `/` always gives float64 (true division);
    /// bool with bool gives bool for `+` (logical or) and `*` (logical and); bool with int gives int.
    /// Integer overflow throws "integer overflow in add" instead of wrapping (a deliberate
    /// deviation from NumPy). Float division by zero gives ±inf or nan, as in NumPy.
    ///
    ///     Tensor(shape: [2], ints: [1, 2]).applying(.divide, Tensor(.int(4)))   // [0.25, 0.5]
    public func applying(_ op: ArithmeticOperator, _ other: Tensor) throws(KernelError) -> Tensor {
        if op == .remainder { return try remainder(self, other) }
        let pair = try BroadcastPair(shape, other.shape)
        if case .bool(let x) = storage, case .bool(let y) = other.storage {
            switch op {
            case .add: return Tensor(shape: pair.shape, bools: try pair.map(x, y) { $0 || $1 })
            case .multiply: return Tensor(shape: pair.shape, bools: try pair.map(x, y) { $0 && $1 })
            case .subtract:
                throw KernelError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            case .divide, .remainder: break
            }
        }
        if op != .divide, let x = intsOrNil, let y = other.intsOrNil {
            let name = op.ufuncName
            let values = try pair.map(x, y) { (a: Int, b: Int) throws(KernelError) -> Int in
                let (r, overflow): (Int, Bool)
                switch op {
                case .add: (r, overflow) = a.addingReportingOverflow(b)
                case .subtract: (r, overflow) = a.subtractingReportingOverflow(b)
                default: (r, overflow) = a.multipliedReportingOverflow(by: b)
                }
                guard !overflow else { throw KernelError("integer overflow in \(name): \(a) and \(b) do not fit in int64") }
                return r
            }
            return Tensor(shape: pair.shape, ints: values)
        }
        let x = doubles, y = other.doubles
        let values: [Double]
        switch op {
        case .add: values = try pair.map(x, y) { $0 + $1 }
        case .subtract: values = try pair.map(x, y) { $0 - $1 }
        case .multiply: values = try pair.map(x, y) { $0 * $1 }
        case .divide, .remainder: values = try pair.map(x, y) { $0 / $1 }
        }
        return Tensor(shape: pair.shape, doubles: values)
    }

    /// `-x`. Throws for bool (as NumPy does) and on `-Int.min`.
    public func negated() throws(KernelError) -> Tensor {
        switch storage {
        case .bool:
            throw KernelError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
        case .int64(let v):
            var out = [Int]()
            out.reserveCapacity(v.count)
            for a in v {
                guard a != Int.min else { throw KernelError("integer overflow in negative: -(\(a)) does not fit in int64") }
                out.append(-a)
            }
            return Tensor(shape: shape, ints: out)
        case .float64(let v):
            return Tensor(shape: shape, doubles: v.map { -$0 })
        }
    }

    /// `np.logical_not(x)` / `~x` for a bool tensor.
    public func logicalNot() throws(KernelError) -> Tensor {
        guard case .bool(let v) = storage else {
            throw KernelError("logical not needs a bool array, not \(dtype.rawValue)")
        }
        return Tensor(shape: shape, bools: v.map { !$0 })
    }
}

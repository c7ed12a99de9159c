/// A comparison operator; the result is a bool tensor.
public enum ComparisonOperator: String, Sendable { case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=" }

extension ComparisonOperator {
    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessEqual: a <= b
        case .greater: a > b
        case .greaterEqual: a >= b
        }
    }
}

extension Tensor {
    /// `self op other` elementwise with broadcasting, giving a bool tensor. Ints are compared
    /// exactly; if either side is float64 both are compared as float64 (NaN compares unequal).
    ///
    ///     Tensor(shape: [3], ints: [1, 2, 3]).comparing(.greater, Tensor(.int(1)))  // [False, True, True]
    public func comparing(_ op: ComparisonOperator, _ other: Tensor) throws(KernelError) -> Tensor {
        let pair = try BroadcastPair(shape, other.shape)
        if let x = intsOrNil, let y = other.intsOrNil {
            return Tensor(shape: pair.shape, bools: try pair.map(x, y) { op.holds($0, $1) })
        }
        return Tensor(shape: pair.shape, bools: try pair.map(doubles, other.doubles) { op.holds($0, $1) })
    }
}

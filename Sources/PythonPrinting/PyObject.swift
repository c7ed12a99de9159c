/// A Python value as a listing would hold it, for printing exactly as Python prints it.
///
/// Lessons compute in Swift but show Python, so every value is rendered through this
/// model: `str` is what `print(v)` writes, `repr` what the REPL echoes.
///
///     PyObject.tuple([.int(1), .int(1)]).str         // "(1, 1)"
///     PyObject.list([.float(-0.114), .float(2.112)]).str   // "[-0.114, 2.112]"
///     PyObject.float(1e-05).str                       // "1e-05"
///     PyObject.array(t).str                           // NumPy's str(array)
public indirect enum PyObject: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([PyObject])
    case list([PyObject])
    /// An ordered mapping, printed as a Python dict: `{'name': 'conv', 'field': 3}`.
    case dict([(key: String, value: PyObject)])
    /// A NumPy array, printed as NumPy prints it.
    case array(Tensor)
    /// A NumPy scalar as NumPy 2 prints it: `str` like the Python number (`0.3`), `repr`
    /// `np.float64(0.3)`, `np.int64(3)`, `np.True_` (also inside tuples, lists and dicts).
    case numpyScalar(Scalar)
    /// Python's `range(lower, upper)`.
    case range(Int, Int)

    public static func == (lhs: PyObject, rhs: PyObject) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.float(a), .float(b)): a == b || (a.isNaN && b.isNaN)
        case let (.str(a), .str(b)): a == b
        case let (.tuple(a), .tuple(b)), let (.list(a), .list(b)): a == b
        case let (.dict(a), .dict(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.array(a), .array(b)): a == b
        case let (.numpyScalar(a), .numpyScalar(b)): PyObject(a) == PyObject(b)
        case let (.range(a, b), .range(c, d)): a == c && b == d
        default: false
        }
    }
}

extension PyObject {
    /// The Python number a NumPy scalar equals: `np.float64(0.3)` → `0.3`.
    public init(_ scalar: Scalar) {
        switch scalar {
        case .bool(let flag): self = .bool(flag)
        case .int(let value): self = .int(value)
        case .float(let value): self = .float(value)
        }
    }
}

import CNNKernels
import PythonPrinting

extension Value {
    /// The Python object this value stands for (tensors as NumPy arrays, records as dicts).
    ///
    ///     Value.tuple([.int(1), .int(1)]).pyObject.str   // "(1, 1)"
    public var pyObject: PyObject {
        switch self {
        case .int(let i): .int(i)
        case .double(let d): .float(d)
        case .bool(let b): .bool(b)
        case .string(let s): .str(s)
        case .tensor(let t): .array(t)
        case .tuple(let items, _): .tuple(items.map(\.pyObject))
        case .list(let items): .list(items.map(\.pyObject))
        case .record(_, let fields): .dict(fields.map { (key: $0.name, value: $0.value.pyObject) })
        case .numpy(let s): .numpyScalar(s)
        case .range(let lower, let upper): .range(lower, upper)
        case .function(let f): .str("<function \(f.name)>")
        case .figure(let figure): .str("<\(figure.kindName) figure>")
        }
    }

    /// What Python's `print(v)` writes.
    public var printed: String { pyObject.str }

    /// Python's `format(v, spec)`: `Value.int(38535424).formatted(",")` is `"38,535,424"`.
    public func formatted(_ spec: String) throws(KernelError) -> String { try pyObject.formatted(spec) }

    /// The value's type for messages: "Int", "Double", "Bool", "String",
    /// "tensor of shape (2, 2) and dtype float64", "tuple", "list", "record ReceptiveFieldStep".
    public var typeDescription: String {
        switch self {
        case .tensor(let t): "tensor of shape \(shapeDescription(t.shape)) and dtype \(t.dtype.rawValue)"
        default: kindName
        }
    }
}

/// A shape as Python prints the tuple: `(2, 2)`, `(3,)`, `()`.
func shapeDescription(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

import CNNKernels

/// A value of the lesson's expression language. Never `Any`.
///
///     3                        .int(3)
///     0.05                     .double(0.05)
///     [[1, 2], [3, 4]]         .tensor(int64, shape (2, 2))
///     (1, 2)                   .tuple([.int(1), .int(2)])
///     (row: 1, col: 2)         .tuple([.int(1), .int(2)], labels: ["row", "col"])
///     pooled                   .record(typeName: "MaxPoolResult", fields: values, winners)
public indirect enum Value: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case tensor(Tensor)
    /// A tuple; Swift's element labels (`(row: 1, col: 2)`, read back with `.row`) are kept beside
    /// the elements and take no part in printing (Python has none) or equality (as in Swift).
    case tuple([Value], labels: TupleLabels = TupleLabels())
    case list([Value])
    /// A record with named fields in order (e.g. a receptive-field step, a pool result).
    case record(typeName: String, fields: [Field])
    /// A NumPy scalar (`np.float64(0.3)`, `np.int64(3)`, `np.True_`): what tensor reductions and
    /// element access give. Prints like a Python number by `str`, as `np.float64(0.3)` by `repr`.
    case numpy(Scalar)
    /// A range of Ints, `lower..<upper` (`a...b` is `a..<(b + 1)`); prints as Python's `range(a, b)`.
    case range(lower: Int, upper: Int)
    /// A function: a built-in, a `func` or a closure. Functions are values, but never shown.
    case function(Function)
    /// A computed figure (`heatmap(x)`, `image(x)`, ...), shown by `{figure}`.
    case figure(Figure)

    /// The element labels of a tuple, `nil` for an unlabeled element; empty when none has one.
    /// Equal to any other, so `(row: 1, col: 2) == (1, 2)` as in Swift.
    public struct TupleLabels: Sendable, Equatable {
        public var names: [String?]
        public init(_ names: [String?] = []) { self.names = names.contains { $0 != nil } ? names : [] }
        public static func == (_: TupleLabels, _: TupleLabels) -> Bool { true }

        /// The position of the element labelled `name`.
        func index(of name: String) -> Int? { names.firstIndex(of: name) }
    }

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: Value
        public init(name: String, value: Value) { self.name = name; self.value = value }
    }
}

extension Value {
    /// A short type name for messages: "Int", "Double", "tensor", "list", "record MaxPoolResult".
    var kindName: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .string: "String"
        case .tensor: "tensor"
        case .tuple: "tuple"
        case .list: "list"
        case .record(let typeName, _): "record \(typeName)"
        case .numpy(let s): "np." + s.numpyTypeName
        case .range: "range"
        case .function: "function"
        case .figure(let figure): "figure (\(figure.kindName))"
        }
    }

    /// The value of field `name` of a record, if it is one and has that field.
    func field(_ name: String) -> Value? {
        guard case .record(_, let fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }

    /// A record value built from `(name, value)` pairs.
    static func record(_ typeName: String, _ fields: KeyValuePairs<String, Value>) -> Value {
        .record(typeName: typeName, fields: fields.map { Field(name: $0.key, value: $0.value) })
    }

    /// A tensor element as a value: `Scalar.int` → `.int`, `.float` → `.double`, `.bool` → `.bool`.
    init(_ scalar: Scalar) {
        switch scalar {
        case .int(let i): self = .int(i)
        case .float(let d): self = .double(d)
        case .bool(let b): self = .bool(b)
        }
    }

    /// Levels of tuples, lists and records: 0 for a scalar, tensor or string.
    var nestingDepth: Int {
        switch self {
        case .tuple(let items, _), .list(let items): 1 + (items.map(\.nestingDepth).max() ?? 0)
        case .record(_, let fields): 1 + (fields.map(\.value.nestingDepth).max() ?? 0)
        default: 0
        }
    }

    /// Tensor elements held by this value, including inside tuples, lists and records.
    var tensorElements: Int {
        switch self {
        case .tensor(let t): t.count
        case .tuple(let items, _), .list(let items): items.reduce(0) { $0 + $1.tensorElements }
        case .record(_, let fields): fields.reduce(0) { $0 + $1.value.tensorElements }
        case .figure(let figure): figure.elementCount
        default: 0
        }
    }

    /// A scalar value as a tensor element, or nil for non-scalars.
    var scalar: Scalar? {
        switch self {
        case .int(let i): .int(i)
        case .double(let d): .float(d)
        case .bool(let b): .bool(b)
        case .numpy(let s): s
        default: nil
        }
    }

    /// The value as a NumPy scalar (plain numbers become NumPy scalars; anything else unchanged).
    var asNumPy: Value {
        switch self {
        case .int, .double, .bool: scalar.map(Value.numpy) ?? self
        default: self
        }
    }

    /// The value with a NumPy scalar turned into the Python number it equals (`Int(x)`-like).
    var asPython: Value {
        if case .numpy(let s) = self { Value(s) } else { self }
    }

    /// True for a Python Int.
    var isInt: Bool {
        if case .int = self { true } else { false }
    }

    /// True for a NumPy scalar.
    var isNumPy: Bool {
        if case .numpy = self { true } else { false }
    }

    /// The Bool of a condition: Python's `bool` or NumPy's `np.bool_`.
    var truth: Bool? {
        switch self {
        case .bool(let b), .numpy(.bool(let b)): b
        default: nil
        }
    }
}

extension Scalar {
    /// NumPy's name of the scalar type: `float64`, `int64`, `bool`.
    var numpyTypeName: String {
        switch self {
        case .int: "int64"
        case .float: "float64"
        case .bool: "bool"
        }
    }
}

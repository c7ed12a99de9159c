import CNNKernels

/// A value of the lesson's expression language. Never `Any`.
///
///     3                        .int(3)
///     0.05                     .double(0.05)
///     [[1, 2], [3, 4]]         .tensor(int64, shape (2, 2))
///     (1, 2)                   .tuple([.int(1), .int(2)])
///     pooled                   .record(typeName: "MaxPoolResult", fields: values, winners)
public indirect enum Value: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case tensor(Tensor)
    case tuple([Value])
    case list([Value])
    /// A record with named fields in order (e.g. a receptive-field step, a pool result).
    case record(typeName: String, fields: [Field])
    /// A computed figure (`heatmap(x)`, `image(x)`, ...), shown by `{figure}`.
    case figure(Figure)

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
        case .tuple(let items), .list(let items): 1 + (items.map(\.nestingDepth).max() ?? 0)
        case .record(_, let fields): 1 + (fields.map(\.value.nestingDepth).max() ?? 0)
        default: 0
        }
    }

    /// Tensor elements held by this value, including inside tuples, lists and records.
    var tensorElements: Int {
        switch self {
        case .tensor(let t): t.count
        case .tuple(let items), .list(let items): items.reduce(0) { $0 + $1.tensorElements }
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
        default: nil
        }
    }
}

extension PyObject {
    /// Python's `format(v, spec)`; throws for a malformed spec or one that does not fit the
    /// type, with Python's own message (e.g. "Unknown format code 'd' for object of type 'float'").
    ///
    ///     try PyObject.float(2.675).formatted(".2f")     // "2.67" (exact binary value, half-even)
    ///     try PyObject.int(38535424).formatted(",")      // "38,535,424"
    ///     try PyObject.str("conv").formatted("9s")       // "conv     "
    public func formatted(_ spec: String) throws(KernelError) -> String {
        switch self {
        case .none:
            return try Self.plain(self, spec, typeName: "NoneType")
        case .bool(let flag):
            if spec.isEmpty { return flag ? "True" : "False" }
            return try Self.formatInt(flag ? 1 : 0, spec, typeName: "bool")
        case .int(let value):
            return try Self.formatInt(value, spec, typeName: "int")
        case .float(let value):
            return try Self.formatFloat(value, spec)
        case .str(let text):
            return try Self.formatString(text, spec)
        case .tuple: return try Self.plain(self, spec, typeName: "tuple")
        case .list: return try Self.plain(self, spec, typeName: "list")
        case .dict: return try Self.plain(self, spec, typeName: "dict")
        case .numpyScalar(let scalar):
            return try PyObject(scalar).formatted(spec)
        case .range: return try Self.plain(self, spec, typeName: "range")
        case .array(let tensor):
            if tensor.rank == 0 && tensor.count == 1 {
                switch tensor.scalar(at: 0) {
                case .bool(let flag): return try PyObject.bool(flag).formatted(spec)
                case .int(let value): return try PyObject.int(value).formatted(spec)
                case .float(let value): return try PyObject.float(value).formatted(spec)
                }
            }
            return try Self.plain(self, spec, typeName: "numpy.ndarray")
        }
    }

    /// `object.__format__`: only the empty spec is allowed, giving `str(v)`.
    private static func plain(_ value: PyObject, _ spec: String, typeName: String) throws(KernelError) -> String {
        guard spec.isEmpty else { throw KernelError("unsupported format string passed to \(typeName).__format__") }
        return value.str
    }

    private static func formatString(_ text: String, _ spec: String) throws(KernelError) -> String {
        if spec.isEmpty { return text }
        let format = try FormatSpec(spec, typeName: "str", defaultType: "s", defaultAlign: "<")
        guard format.type == "s" else {
            throw KernelError("Unknown format code \(FormatSpec.quoted(format.type)) for object of type 'str'")
        }
        if format.sign == " " { throw KernelError("Space not allowed in string format specifier") }
        if format.sign != nil { throw KernelError("Sign not allowed in string format specifier") }
        if format.noNegativeZero { throw KernelError("Negative zero coercion (z) not allowed in string format specifier") }
        if format.alternate { throw KernelError("Alternate form (#) not allowed in string format specifier") }
        if format.align == "=" { throw KernelError("'=' alignment not allowed in string format specifier") }
        var scalars = Array(text.unicodeScalars)
        if format.precision >= 0 && scalars.count > format.precision { scalars = Array(scalars[..<format.precision]) }
        let padding = max(0, format.width - scalars.count)
        let left: Int
        switch format.align {
        case ">": left = padding
        case "^": left = padding / 2
        default: left = 0
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(format.fill, count: left))
        out.append(contentsOf: scalars)
        out.append(contentsOf: repeatElement(format.fill, count: padding - left))
        return String(out)
    }

    private static func formatInt(_ value: Int, _ spec: String, typeName: String) throws(KernelError) -> String {
        if spec.isEmpty { return String(value) }
        let format = try FormatSpec(spec, typeName: typeName, defaultType: "d", defaultAlign: ">")
        let base: Int, prefix: String
        switch format.type {
        case "b": (base, prefix) = (2, "0b")
        case "o": (base, prefix) = (8, "0o")
        case "x": (base, prefix) = (16, "0x")
        case "X": (base, prefix) = (16, "0X")
        case "d", "n": (base, prefix) = (10, "")
        case "c":
            (base, prefix) = (0, "")
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(value), format)
        default:
            throw KernelError("Unknown format code \(FormatSpec.quoted(format.type)) for object of type '\(typeName)'")
        }
        if format.precision != -1 { throw KernelError("Precision not allowed in integer format specifier") }
        if format.noNegativeZero { throw KernelError("Negative zero coercion (z) not allowed in integer format specifier") }
        var spec = format
        if format.type == "n" { spec.grouping = .none }
        if base == 0 {
            if format.sign != nil { throw KernelError("Sign not allowed with integer format specifier 'c'") }
            if format.alternate { throw KernelError("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard value >= 0 && value <= 0x10ffff else { throw KernelError("%c arg not in range(0x110000)") }
            let scalar = Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}"
            return NumberLayout.layout(body: [scalar], negative: false, prefix: "", spec: spec, isInteger: true, isCharacter: true)
        }
        var digits = String(value.magnitude, radix: base)
        if format.type == "X" { digits = digits.uppercased() }
        return NumberLayout.layout(
            body: Array(digits.unicodeScalars), negative: value < 0,
            prefix: format.alternate ? prefix : "", spec: spec, isInteger: true)
    }

    private static func formatFloat(_ value: Double, _ spec: String) throws(KernelError) -> String {
        if spec.isEmpty { return PythonFloatText.repr(value) }
        let format = try FormatSpec(spec, typeName: "float", defaultType: nil, defaultAlign: ">")
        return try formatFloat(value, format)
    }

    /// CPython's `format_float_internal`.
    private static func formatFloat(_ value: Double, _ format: FormatSpec) throws(KernelError) -> String {
        var type: Character
        var precision = format.precision
        var defaultPrecision = 6
        var addDotZero = false
        var number = value
        var percent = false
        var spec = format
        switch format.type {
        case nil:
            type = "r"; defaultPrecision = 0; addDotZero = true
        case "n":
            type = "g"; spec.grouping = .none
        case let code? where "eEfFgG".unicodeScalars.contains(code):
            type = Character(code)
        case "%":
            type = "f"; number *= 100; percent = true
        default:
            throw KernelError("Unknown format code \(FormatSpec.quoted(format.type)) for object of type 'float'")
        }
        if precision < 0 {
            precision = defaultPrecision
        } else if type == "r" {
            type = "g"
        }
        var text = PythonFloatText.format(
            number, type: type, precision: precision, addDotZero: addDotZero,
            alternate: format.alternate, noNegativeZero: format.noNegativeZero)
        if percent { text += "%" }
        var body = Array(text.unicodeScalars)
        var negative = false
        if body.first == "-" { negative = true; body.removeFirst() }
        return NumberLayout.layout(body: body, negative: negative, prefix: "", spec: spec, isInteger: false)
    }
}

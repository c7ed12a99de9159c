import CNNKernels
import PythonPrinting

extension Builtins {
    /// `repr`, `str`, `lines`, `literal`: text for listings, outputs and prose.
    static let formattingFunctions: [Builtin] = [
        Builtin("repr", "_value") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            try call.charge(value.tensorElements)
            return try call.checked(value.pyObject.repr)
        },
        Builtin("str", "_value") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            try call.charge(value.tensorElements)
            return try call.checked(value.pyObject.str)
        },
        Builtin("lines", "_records _template") { call throws(ExpressionFailure) in
            let value = try call.value(0), template = try call.string(1)
            guard case .list(let items) = value else { throw call.mismatch(0, "a list of records", value) }
            var output: [String] = []
            var length = 0
            for (index, item) in items.enumerated() {
                guard case .record(_, let fields) = item else {
                    throw ExpressionFailure(
                        "lines(_:_:) needs a list of records; element \(index) is \(item.typeDescription)", at: call.range(0))
                }
                let line = try kernelCall(at: call.range(1)) { () throws(KernelError) in
                    try pythonFormat(template) { name in fields.first { $0.name == name }?.value.pyObject }
                }
                length += line.utf8.count + 1
                guard length <= call.limits.maxStringLength + 1 else { break }
                output.append(line)
            }
            return try call.checked(length > call.limits.maxStringLength + 1
                ? String(repeating: " ", count: call.limits.maxStringLength + 1) : output.joined(separator: "\n"))
        },
        Builtin("literal", "_value format?") { call throws(ExpressionFailure) in
            var value = try call.value(0)
            try call.charge(value.tensorElements)
            let format = try call.optionalString(1)
            if let format {
                try checkFormattedSize(value.tensorElements, format: format, limit: call.limits.maxStringLength, at: call.range(1))
            }
            if case .tensor(let t) = value {
                guard t.count <= call.limits.maxListElements else {
                    throw ExpressionFailure(
                        "literal(_:format:) of \(t.count) elements is too large (limit \(call.limits.maxListElements))", at: call.range)
                }
                value = nestedList(t)
            }
            let text = try kernelCall(at: call.range(1)) { () throws(KernelError) in try pythonLiteral(value, format: format) }
            return try call.checked(text)
        },
    ]

    /// A value as a Python literal for listings: flat lists inline, lists of lists one row per
    /// line with 4-space indentation and trailing commas; elements as `repr` or `format(e, spec)`.
    ///
    ///     [[0.05, 0.08], [0.12, 0.92]]  →  "[\n    [0.05, 0.08],\n    [0.12, 0.92],\n]"
    static func pythonLiteral(_ value: Value, format: String?, indent: String = "") throws(KernelError) -> String {
        guard case .list(let items) = value else {
            if let format { return try value.pyObject.formatted(format) }
            return value.pyObject.repr
        }
        let nested = items.contains { if case .list = $0 { true } else { false } }
        if !nested {
            var parts: [String] = []
            for item in items { parts.append(try pythonLiteral(item, format: format)) }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        let inner = indent + "    "
        var text = "[\n"
        for item in items {
            text += inner + (try pythonLiteral(item, format: format, indent: inner)) + ",\n"
        }
        return text + indent + "]"
    }
}

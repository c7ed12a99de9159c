/// Python's `template.format(**fields)` for templates such as
/// `"{name:9s} receptive field={field:2d}, jump={jump}"`: literal text, `{{` and `}}`,
/// named fields with optional `!r` / `!s` / `!a` conversion and a format spec.
///
/// Positional (`{}`, `{0}`), attribute (`{a.b}`), index (`{a[0]}`) and nested (`{x:{w}}`)
/// fields are not supported and throw.
///
///     try pythonFormat("{name!r:>8}|{n:03d}", fields: { $0 == "name" ? .str("a") : .int(7) })
///     // "     'a'|007"
public func pythonFormat(_ template: String, fields: (String) -> PyObject?) throws(KernelError) -> String {
    try PythonFormatString.render(template) { name throws(KernelError) in
        guard let value = fields(name) else { throw KernelError("no field named '\(name)'") }
        return value
    }
}

/// `pythonFormat` over an ordered list of fields; an unknown name's error lists the known ones.
///
///     try pythonFormat("{a}-{b}", fields: [(key: "a", value: .int(1)), (key: "b", value: .float(0.5))])  // "1-0.5"
public func pythonFormat(_ template: String, fields: [(key: String, value: PyObject)]) throws(KernelError) -> String {
    try PythonFormatString.render(template) { name throws(KernelError) in
        guard let value = fields.first(where: { $0.key == name })?.value else {
            throw KernelError("no field named '\(name)' (fields: \(fields.map(\.key).joined(separator: ", ")))")
        }
        return value
    }
}

/// The parser behind `pythonFormat` (CPython's `MarkupIterator` in unicode_format.h).
enum PythonFormatString {
    static func render(_ template: String, lookup: (String) throws(KernelError) -> PyObject) throws(KernelError) -> String {
        let chars = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                guard i + 1 < chars.count, chars[i + 1] == "}" else {
                    throw KernelError("Single '}' encountered in format string")
                }
                out.append("}")
                i += 2
                continue
            }
            if c != "{" {
                out.append(c)
                i += 1
                continue
            }
            if i + 1 < chars.count && chars[i + 1] == "{" {
                out.append("{")
                i += 2
                continue
            }
            // A replacement field: find its closing brace. The character after `!` is the
            // conversion (even a brace); after `:` nested braces are counted.
            var depth = 1
            var inSpec = false
            var j = i + 1
            while j < chars.count {
                let d = chars[j]
                if !inSpec && (d == "!" || d == ":") {
                    inSpec = true
                    j += d == "!" ? 2 : 1
                    continue
                }
                if d == "{" { depth += 1 }
                if d == "}" { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < chars.count else {
                if i + 1 == chars.count { throw KernelError("Single '{' encountered in format string") }
                throw KernelError(inSpec ? "unmatched '{' in format spec" : "expected '}' before end of string")
            }
            let field = Array(chars[(i + 1)..<j])
            out.append(contentsOf: try replacement(field, lookup: lookup).unicodeScalars)
            i = j + 1
        }
        return String(out)
    }

    private static func replacement(_ field: [Unicode.Scalar], lookup: (String) throws(KernelError) -> PyObject) throws(KernelError) -> String {
        var nameEnd = 0
        while nameEnd < field.count && field[nameEnd] != ":" && field[nameEnd] != "!" { nameEnd += 1 }
        let name = String(String.UnicodeScalarView(field[..<nameEnd]))
        var conversion: Unicode.Scalar?
        var specStart = nameEnd
        if nameEnd < field.count && field[nameEnd] == "!" {
            guard nameEnd + 1 < field.count else {
                throw KernelError("end of string while looking for conversion specifier")
            }
            conversion = field[nameEnd + 1]
            specStart = nameEnd + 2
            if specStart < field.count && field[specStart] != ":" {
                throw KernelError("expected ':' after conversion specifier")
            }
        }
        let spec = specStart < field.count ? String(String.UnicodeScalarView(field[(specStart + 1)...])) : ""
        if name.isEmpty || name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            throw KernelError("positional field '{\(name)}' is not supported; name every field")
        }
        if name.unicodeScalars.contains(where: { $0 == "." || $0 == "[" }) {
            throw KernelError("field '\(name)': attribute and index lookups are not supported")
        }
        if spec.unicodeScalars.contains("{") {
            throw KernelError("field '\(name)': nested fields in a format spec are not supported")
        }
        var value = try lookup(name)
        switch conversion {
        case nil: break
        case "r": value = .str(value.repr)
        case "s": value = .str(value.str)
        case "a": value = .str(asciiEscaped(value.repr))
        case let other?:
            throw KernelError("Unknown conversion specifier \(Character(other))")
        }
        return try value.formatted(spec)
    }

    /// `ascii()`: the repr with every non-ASCII character escaped.
    private static func asciiEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let (prefix, width) = scalar.value < 0x100 ? ("x", 2) : scalar.value < 0x10000 ? ("u", 4) : ("U", 8)
            out += "\\" + prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex
        }
        return out
    }
}

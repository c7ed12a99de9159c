/// A parsed Python format spec (the mini-language of `format(v, spec)` and f-strings):
///
///     [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
///
/// Parsing follows CPython 3.11's `parse_internal_render_format_spec`, including its
/// error messages, so `try FormatSpec(",.2f", ...)` accepts what Python accepts.
///
///     let spec = try FormatSpec("*^+10,.2f", typeName: "float", defaultType: nil, defaultAlign: ">")
///     spec.fill == "*"; spec.align == "^"; spec.sign == "+"; spec.width == 10
struct FormatSpec: Sendable {
    enum Grouping: Sendable { case none, comma, underscore, underscoreFour }

    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    var sign: Unicode.Scalar? = nil
    var noNegativeZero = false
    var alternate = false
    /// -1 when not given.
    var width = -1
    var grouping = Grouping.none
    /// -1 when not given.
    var precision = -1
    /// nil when the spec has no type character.
    var type: Unicode.Scalar?

    /// The largest width or precision accepted; larger ones would only allocate.
    static let maxField = 100_000

    /// Parses `spec` for a value of Python type `typeName` (used in error messages).
    init(_ spec: String, typeName: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar) throws(KernelError) {
        let chars = Array(spec.unicodeScalars)
        var pos = 0
        align = defaultAlign
        type = defaultType
        func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }
        var fillGiven = false, alignGiven = false
        if chars.count >= 2 && isAlign(chars[1]) {
            fill = chars[0]; align = chars[1]; fillGiven = true; alignGiven = true; pos = 2
        } else if chars.count >= 1 && isAlign(chars[0]) {
            align = chars[0]; alignGiven = true; pos = 1
        }
        if pos < chars.count && (chars[pos] == "+" || chars[pos] == "-" || chars[pos] == " ") {
            sign = chars[pos]; pos += 1
        }
        if pos < chars.count && chars[pos] == "z" { noNegativeZero = true; pos += 1 }
        if pos < chars.count && chars[pos] == "#" { alternate = true; pos += 1 }
        if !fillGiven && pos < chars.count && chars[pos] == "0" {
            fill = "0"
            if !alignGiven && defaultAlign == ">" { align = "=" }
            pos += 1
        }
        func integer() throws(KernelError) -> Int? {
            var value = 0, count = 0
            while pos < chars.count, let digit = chars[pos].properties.numericType == .decimal
                ? chars[pos].properties.numericValue.map(Int.init) : nil {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                if o1 || o2 { throw KernelError("Too many decimal digits in format string") }
                value = sum; count += 1; pos += 1
            }
            return count == 0 ? nil : value
        }
        if let w = try integer() { width = w }
        if pos < chars.count && chars[pos] == "," { grouping = .comma; pos += 1 }
        if pos < chars.count && chars[pos] == "_" {
            if grouping != .none { throw KernelError("Cannot specify both ',' and '_'.") }
            grouping = .underscore; pos += 1
        }
        if pos < chars.count && chars[pos] == "," && grouping == .underscore {
            throw KernelError("Cannot specify both ',' and '_'.")
        }
        if pos < chars.count && chars[pos] == "." {
            pos += 1
            guard let p = try integer() else { throw KernelError("Format specifier missing precision") }
            precision = p
        }
        if chars.count - pos > 1 {
            throw KernelError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if pos < chars.count { type = chars[pos] }
        if grouping != .none {
            switch type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
            case "b", "o", "x", "X":
                guard grouping == .underscore else { fallthrough }
                grouping = .underscoreFour
            default:
                let separator = grouping == .comma ? "," : "_"
                throw KernelError("Cannot specify '\(separator)' with \(Self.quoted(type)).")
            }
        }
        if width > Self.maxField || precision > Self.maxField {
            throw KernelError("format width or precision above \(Self.maxField) in '\(spec)'")
        }
    }

    /// `'c'` as Python quotes a type character in messages (`'\x1'` for unprintables).
    static func quoted(_ type: Unicode.Scalar?) -> String {
        guard let type else { return "'\\x0'" }
        if type.value > 32 && type.value < 128 { return "'\(Character(type))'" }
        return "'\\x\(String(type.value, radix: 16))'"
    }
}

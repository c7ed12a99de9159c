/// CPython's `calc_number_widths` + `fill_number` + `_PyUnicode_InsertThousandsGrouping`:
/// places the sign, an `0x`-style prefix, padding and grouped digits of a formatted number.
///
/// The body is `digits[.remainder]`: leading decimal digits (grouped), then an optional
/// point and the rest (fraction, exponent, `%`). With fill `0` and align `=`, the digits
/// are zero-extended (through the grouping) to the width, as in `format(1234, "010,")`
/// == `"00,001,234"`.
enum NumberLayout {
    /// - Parameters:
    ///   - body: the unsigned number text, e.g. `"1234.5e+01"`, `"ff"`, `"inf"`.
    ///   - negative: whether the value carries a minus sign.
    ///   - prefix: `0x`, `0b`, `0o` (alternate form) or empty.
    ///   - isInteger: the body is all digits (any base); otherwise digits end at the first
    ///     character that is not 0-9, as in a float body.
    ///   - isCharacter: the `c` type, whose body is never grouped or zero-extended.
    static func layout(
        body: [Unicode.Scalar], negative: Bool, prefix: String, spec: FormatSpec,
        isInteger: Bool, isCharacter: Bool = false
    ) -> String {
        var digitCount = 0
        if isInteger {
            digitCount = isCharacter ? 0 : body.count
        } else {
            while digitCount < body.count, ("0"..."9").contains(body[digitCount]) { digitCount += 1 }
        }
        let hasDecimal = digitCount < body.count && body[digitCount] == "."
        let remainder = Array(body[(digitCount + (hasDecimal ? 1 : 0))...])

        var signText: Unicode.Scalar?
        switch spec.sign {
        case "+": signText = negative ? "-" : "+"
        case " ": signText = negative ? "-" : " "
        default: signText = negative ? "-" : nil
        }
        let nonDigit = (signText == nil ? 0 : 1) + prefix.unicodeScalars.count + (hasDecimal ? 1 : 0) + remainder.count
        let minWidth = spec.fill == "0" && spec.align == "=" ? spec.width - nonDigit : 0

        var groupSize = 0
        var separator: Unicode.Scalar? = nil
        switch spec.grouping {
        case .none: break
        case .comma: groupSize = 3; separator = ","
        case .underscore: groupSize = 3; separator = "_"
        case .underscoreFour: groupSize = 4; separator = "_"
        }
        let grouped = digitCount == 0 ? [] : group(Array(body[..<digitCount]), minWidth: minWidth, size: groupSize, separator: separator)

        let padding = spec.width - (nonDigit + grouped.count)
        var left = 0, inner = 0, right = 0
        if padding > 0 {
            switch spec.align {
            case "<": right = padding
            case "^": left = padding / 2; right = padding - left
            case "=": inner = padding
            default: left = padding
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(spec.fill, count: left))
        if let signText { out.append(signText) }
        out.append(contentsOf: prefix.unicodeScalars)
        out.append(contentsOf: repeatElement(spec.fill, count: inner))
        out.append(contentsOf: grouped)
        if hasDecimal { out.append(".") }
        out.append(contentsOf: remainder)
        out.append(contentsOf: repeatElement(spec.fill, count: right))
        return String(out)
    }

    /// Inserts a separator every `size` digits from the right (no grouping when `size` is 0),
    /// zero-extending on the left until the result is at least `minWidth` long.
    static func group(_ digits: [Unicode.Scalar], minWidth: Int, size: Int, separator: Unicode.Scalar?) -> [Unicode.Scalar] {
        var chunks: [[Unicode.Scalar]] = []
        var remaining = digits.count
        var minWidth = minWidth
        var end = digits.count
        func take(_ length: Int) {
            let zeros = max(0, length - remaining)
            let count = max(0, min(remaining, length))
            chunks.append(Array(repeating: "0", count: zeros) + digits[(end - count)..<end])
            end -= count
            remaining -= count
        }
        if size > 0 && separator != nil {
            while true {
                let length = min(size, max(remaining, minWidth, 1))
                take(length)
                minWidth -= length
                if remaining <= 0 && minWidth <= 0 { break }
                minWidth -= 1
            }
        } else {
            take(max(remaining, minWidth, 1))
        }
        var out: [Unicode.Scalar] = []
        for (index, chunk) in chunks.reversed().enumerated() {
            if index > 0, let separator { out.append(separator) }
            out.append(contentsOf: chunk)
        }
        return out
    }
}

/// CPython's `PyOS_double_to_string` (Python/pystrtod.c `format_float_short`) on top of
/// exact Dragon4 digits: the text of `repr(x)` and of `format(x, spec)` before padding.
///
/// Digits come as Gay's `_Py_dg_dtoa` returns them: mode 0 shortest round-trip,
/// mode 2 `n` significant digits, mode 3 `n` digits past the point, all correctly
/// rounded half-to-even on the exact binary value, trailing zeros stripped.
///
///     PythonFloatText.repr(1e-05)                       // "1e-05"
///     PythonFloatText.repr(123456789012345.0)           // "123456789012345.0"
///     PythonFloatText.format(2.675, type: "f", precision: 2)   // "2.67"
enum PythonFloatText {
    /// `repr(x)` / `str(x)`: shortest round-trip digits, exponent form when the decimal
    /// exponent is below -4 or at least 16, and always a `.0` on integral values.
    static func repr(_ x: Double) -> String {
        format(x, type: "r", precision: 0, addDotZero: true)
    }

    /// `type` is one of `e f g r` (or uppercase `E F G`); `precision` as CPython passes it.
    static func format(
        _ x: Double, type: Character, precision: Int, addDotZero: Bool = false,
        alternate: Bool = false, noNegativeZero: Bool = false
    ) -> String {
        let upper = type.isUppercase
        let code = Character(type.lowercased())
        if x.isNaN { return upper ? "NAN" : "nan" }
        var negative = x.sign == .minus
        if x.isInfinite { return (negative ? "-" : "") + (upper ? "INF" : "inf") }

        var precision = precision
        var digits: [UInt8]
        var decpt: Int
        switch code {
        case "e":
            precision += 1
            (digits, decpt) = dtoa(x, mode: 2, count: precision)
        case "f":
            (digits, decpt) = dtoa(x, mode: 3, count: precision)
        case "g":
            if precision == 0 { precision = 1 }
            (digits, decpt) = dtoa(x, mode: 2, count: precision)
        default:
            (digits, decpt) = dtoa(x, mode: 0, count: 0)
        }
        if noNegativeZero && negative && (digits.isEmpty || digits == [0]) { negative = false }

        // Lay out vdigits[start..<end] of the digit string padded with zeros both ways.
        var useExponent = false
        var end = digits.count
        switch code {
        case "e":
            useExponent = true
            end = precision
        case "f":
            end = decpt + precision
        case "g":
            if decpt <= -4 || decpt > (addDotZero ? precision - 1 : precision) { useExponent = true }
            if alternate { end = precision }
        default:
            if decpt <= -4 || decpt > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = decpt - 1
            decpt = 1
        }
        let start = decpt <= 0 ? decpt - 1 : 0
        if !useExponent && addDotZero {
            end = max(end, decpt + 1)
        } else {
            end = max(end, decpt)
        }

        var out: [UInt8] = []
        out.reserveCapacity(end - start + 8)
        if negative { out.append(UInt8(ascii: "-")) }
        let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
        if decpt <= 0 {
            out.append(contentsOf: repeatElement(zero, count: decpt - start))
            out.append(point)
            out.append(contentsOf: repeatElement(zero, count: -decpt))
        } else {
            out.append(contentsOf: repeatElement(zero, count: -start))
        }
        if decpt > 0 && decpt <= digits.count {
            out.append(contentsOf: digits[..<decpt].map { $0 + zero })
            out.append(point)
            out.append(contentsOf: digits[decpt...].map { $0 + zero })
        } else {
            out.append(contentsOf: digits.map { $0 + zero })
        }
        if digits.count < decpt {
            out.append(contentsOf: repeatElement(zero, count: decpt - digits.count))
            out.append(point)
            out.append(contentsOf: repeatElement(zero, count: end - decpt))
        } else {
            out.append(contentsOf: repeatElement(zero, count: end - digits.count))
        }
        if out.last == point && !alternate { out.removeLast() }
        if useExponent {
            out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = String(abs(exponent))
            if magnitude.count < 2 { out.append(zero) }
            out.append(contentsOf: magnitude.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Gay's `_Py_dg_dtoa(|x|, mode, count)`: digits without trailing zeros and the
    /// position of the decimal point (`0.d1d2… × 10^decpt`). Zero gives `([0], 1)`; a
    /// mode-3 result that rounds to zero gives `([], -count)`.
    static func dtoa(_ x: Double, mode: Int, count: Int) -> (digits: [UInt8], decpt: Int) {
        if x == 0 { return ([0], 1) }
        var result: (digits: [UInt8], exponent: Int)
        switch mode {
        case 2: result = Dragon4.digits(x, mode: .exact, cutoff: .total(max(count, 1)))
        case 3: result = Dragon4.digits(x, mode: .exact, cutoff: .fraction(count))
        default: result = Dragon4.digits(x, mode: .unique)
        }
        var digits = result.digits
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        if digits == [0] { return ([], -count) }
        return (digits, result.exponent + 1)
    }
}

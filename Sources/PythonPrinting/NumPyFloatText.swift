/// NumPy's `dragon4_positional` / `dragon4_scientific` (the C functions behind
/// `np.format_float_positional` / `np.format_float_scientific`), with the options
/// `array2string` uses: digit mode, precision, `min_digits`, trim mode and padding.
///
///     NumPyFloatText.positional(0.5, precision: 8, trim: .dot)               // "0.5"
///     NumPyFloatText.positional(2, precision: 8, trim: .dot, padRight: 3)    // "2.   "
///     NumPyFloatText.scientific(1e-5, precision: 8, trim: .dot)              // "1.e-05"
enum NumPyFloatText {
    /// NumPy's `trim` argument.
    enum Trim {
        /// `'k'`: keep trailing zeros and the point.
        case keep
        /// `'.'`: drop trailing zeros, keep the point.
        case dot
        /// `'0'`: drop trailing zeros but leave one after the point.
        case leaveOneZero
        /// `'-'`: drop trailing zeros and the point.
        case dropPoint
    }

    /// Positional notation, `precision` counting digits after the point (`fractional=True`).
    /// A negative `precision`, `minDigits`, `padLeft` or `padRight` means "not given".
    static func positional(
        _ x: Double, precision: Int, unique: Bool = true, minDigits: Int = -1, trim: Trim,
        sign: Bool = false, padLeft: Int = -1, padRight: Int = -1
    ) -> String {
        var out: [UInt8] = []
        var hasSign = 0
        if x.sign == .minus { out.append(UInt8(ascii: "-")); hasSign = 1 } else if sign { out.append(UInt8(ascii: "+")); hasSign = 1 }
        let (digits, printExponent) = Dragon4.digits(
            x, mode: unique ? .unique : .exact,
            cutoff: precision >= 0 ? .fraction(precision) : .none,
            minimum: minDigits >= 0 ? .fraction(minDigits) : .none)
        var wholeDigits: Int
        var fractionDigits = 0
        if printExponent >= 0 {
            wholeDigits = printExponent + 1
            if digits.count <= wholeDigits {
                out.append(contentsOf: digits.map { $0 + 48 })
                out.append(contentsOf: repeatElement(48, count: wholeDigits - digits.count))
            } else {
                out.append(contentsOf: digits[..<wholeDigits].map { $0 + 48 })
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[wholeDigits...].map { $0 + 48 })
                fractionDigits = digits.count - wholeDigits
            }
        } else {
            let zeros = -(printExponent + 1)
            out.append(contentsOf: [48, UInt8(ascii: ".")])
            out.append(contentsOf: repeatElement(48, count: zeros))
            out.append(contentsOf: digits.map { $0 + 48 })
            fractionDigits = zeros + digits.count
            wholeDigits = 1
        }
        if trim != .dropPoint && fractionDigits == 0 { out.append(UInt8(ascii: ".")) }
        let wanted = max(unique ? minDigits : precision, 0)
        if trim == .leaveOneZero {
            if fractionDigits == 0 { out.append(48); fractionDigits += 1 }
        } else if trim == .keep && wanted > fractionDigits {
            out.append(contentsOf: repeatElement(48, count: wanted - fractionDigits))
            fractionDigits = wanted
        }
        if trim != .keep && fractionDigits > 0 {
            while out.last == 48 { out.removeLast(); fractionDigits -= 1 }
            if out.last == UInt8(ascii: ".") {
                if trim == .leaveOneZero { out.append(48); fractionDigits += 1 } else if trim == .dropPoint { out.removeLast() }
            }
        }
        if padRight >= fractionDigits {
            if trim == .dropPoint && fractionDigits == 0 { out.append(32) }
            out.append(contentsOf: repeatElement(32, count: padRight - fractionDigits))
        }
        if padLeft > wholeDigits + hasSign {
            out.insert(contentsOf: repeatElement(32, count: padLeft - wholeDigits - hasSign), at: 0)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scientific notation `d.ddde±XX`, `precision` counting digits after the point;
    /// the exponent has at least `exponentDigits` digits (2 when not given).
    static func scientific(
        _ x: Double, precision: Int, unique: Bool = true, minDigits: Int = -1, trim: Trim,
        sign: Bool = false, padLeft: Int = -1, exponentDigits: Int = -1
    ) -> String {
        var out: [UInt8] = []
        let signChar: UInt8? = x.sign == .minus ? UInt8(ascii: "-") : (sign ? UInt8(ascii: "+") : nil)
        let leftChars = 1 + (signChar == nil ? 0 : 1)
        if padLeft > leftChars { out.append(contentsOf: repeatElement(32, count: padLeft - leftChars)) }
        if let signChar { out.append(signChar) }
        let (digits, printExponent) = Dragon4.digits(
            x, mode: unique ? .unique : .exact,
            cutoff: precision >= 0 ? .total(precision + 1) : .none,
            minimum: minDigits >= 0 ? .total(minDigits + 1) : .none)
        out.append(digits[0] + 48)
        var fractionDigits = digits.count - 1
        if fractionDigits > 0 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[1...].map { $0 + 48 })
        }
        if trim != .dropPoint && fractionDigits == 0 { out.append(UInt8(ascii: ".")) }
        let wanted = max(unique ? minDigits : precision, 0)
        if trim == .leaveOneZero {
            if fractionDigits == 0 { out.append(48); fractionDigits += 1 }
        } else if trim == .keep && wanted > fractionDigits {
            out.append(contentsOf: repeatElement(48, count: wanted - fractionDigits))
            fractionDigits = wanted
        }
        if trim != .keep && fractionDigits > 0 {
            while out.last == 48 { out.removeLast(); fractionDigits -= 1 }
            if trim == .leaveOneZero && out.last == UInt8(ascii: ".") { out.append(48) }
        }
        var exponent = printExponent
        out.append(UInt8(ascii: "e"))
        if exponent >= 0 { out.append(UInt8(ascii: "+")) } else { out.append(UInt8(ascii: "-")); exponent = -exponent }
        // Five digits, leading zeros dropped down to `exponentDigits` (so 0 digits can
        // print nothing at all, as NumPy does for exp_digits=0 and a zero exponent).
        var exponentText = Array(String(exponent).utf8)
        exponentText.insert(contentsOf: repeatElement(48, count: max(0, 5 - exponentText.count)), at: 0)
        let width = exponentDigits < 0 ? 2 : min(exponentDigits, 5)
        while exponentText.count > width && exponentText.first == 48 { exponentText.removeFirst() }
        out.append(contentsOf: exponentText)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Python's `repr(str)` (`unicode_repr` in Objects/unicodeobject.c).
///
/// Quotes with `'` unless the text contains `'` and no `"`; escapes the chosen quote,
/// `\\`, `\t`, `\n`, `\r`, other control characters as `\xHH`, and non-printable
/// non-ASCII characters as `\xHH`, `\uHHHH` or `\UHHHHHHHH`.
///
///     PythonStringRepr.repr("a\tb")     // "'a\\tb'"
///     PythonStringRepr.repr("it's")     // "\"it's\""
enum PythonStringRepr {
    static func repr(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let hasSingle = scalars.contains("'")
        let hasDouble = scalars.contains("\"")
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in scalars {
            switch scalar {
            case quote, "\\":
                out.append("\\")
                out.append(scalar)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out.append(contentsOf: hexEscape(scalar.value, prefix: "x", width: 2).unicodeScalars)
                } else if scalar.value < 0x7f || isPrintable(scalar) {
                    out.append(scalar)
                } else if scalar.value < 0x100 {
                    out.append(contentsOf: hexEscape(scalar.value, prefix: "x", width: 2).unicodeScalars)
                } else if scalar.value < 0x10000 {
                    out.append(contentsOf: hexEscape(scalar.value, prefix: "u", width: 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hexEscape(scalar.value, prefix: "U", width: 8).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// Python's `str.isprintable` for one character: not in categories Cc, Cf, Cs, Co,
    /// Cn, Zl, Zp, and not a separator other than the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hexEscape(_ value: UInt32, prefix: String, width: Int) -> String {
        let hex = String(value, radix: 16)
        return "\\" + prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }
}

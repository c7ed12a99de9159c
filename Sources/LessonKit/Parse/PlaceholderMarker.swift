/// The private-use markers that stand in for expressions and directives while cmark-gfm
/// parses and renders, so that Markdown never sees an expression's characters.
///
///     expression 3  ->  U+E000 "3" U+E001
///     directive 2   ->  U+E000 "D2" U+E001
///     reference 1   ->  U+E000 "R1" U+E001     (an empty link `[](#name)`)
///
/// A source that already holds U+E000 or U+E001 is rejected before parsing.
enum PlaceholderMarker {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    /// UTF-8 of U+E000 (`EE 80 80`) and U+E001 (`EE 80 81`).
    static let openBytes: [UInt8] = [0xEE, 0x80, 0x80]
    static let closeBytes: [UInt8] = [0xEE, 0x80, 0x81]

    static func expression(_ index: Int) -> String { "\(open)\(index)\(close)" }
    static func directive(_ index: Int) -> String { "\(open)D\(index)\(close)" }
    static func reference(_ index: Int) -> String { "\(open)R\(index)\(close)" }

    /// What a marker stands for.
    enum Hole: Equatable {
        case expression(Int)
        case directive(Int)
        case reference(Int)
    }

    /// Every marker in `bytes`, with its byte range, in order.
    static func holes(in bytes: [UInt8]) -> [(range: Range<Int>, hole: Hole)] {
        var result: [(range: Range<Int>, hole: Hole)] = []
        var index = 0
        while index + 2 < bytes.count {
            guard bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 else {
                index += 1
                continue
            }
            var cursor = index + 3
            let tag = cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "D") || bytes[cursor] == UInt8(ascii: "R"))
                ? bytes[cursor] : nil
            if tag != nil { cursor += 1 }
            var number = 0
            let digitsStart = cursor
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]),
                  cursor - digitsStart < 9 {
                number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            if cursor > digitsStart, cursor + 2 < bytes.count, Array(bytes[cursor...(cursor + 2)]) == closeBytes {
                let hole: Hole = switch tag {
                case UInt8(ascii: "D"): .directive(number)
                case UInt8(ascii: "R"): .reference(number)
                default: .expression(number)
                }
                result.append((index..<(cursor + 3), hole))
                index = cursor + 3
            } else {
                index += 3
            }
        }
        return result
    }

    /// The first reserved scalar in `text` and its byte offset, if any.
    static func firstReserved(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == open || scalar == close { return (scalar, offset) }
            offset += UTF8.width(scalar)
        }
        return nil
    }
}

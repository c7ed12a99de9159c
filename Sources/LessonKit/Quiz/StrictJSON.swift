/// A strict RFC 8259 JSON reader that keeps where every value starts, for responses files.
///
/// Foundation's `JSONSerialization` accepts a trailing comma (`{"q1": 1,}`), lets a duplicate key
/// win silently and reports errors without a position. This reader rejects both, and every error
/// carries the 1-based line and column (in Unicode scalars; lines end at LF), at the same place
/// Python's `json` module reports it:
///
///     StrictJSON.parse(#"{"q1": "112",}"#)
///     // Failure(line: 1, column: 14, "expected a \"quoted\" key after `,` (no trailing commas in JSON)")
///
/// Bounds: nesting deeper than `maxDepth` is an error (no unbounded recursion); numbers keep their
/// text (`1e-5` stays `"1e-5"`). `NaN`, `Infinity`, comments and lone surrogates are errors.
enum StrictJSON {
    struct Position: Sendable, Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "\(line):\(column)" }
    }

    /// One value and where it starts.
    struct Node: Sendable, Equatable {
        enum Value: Sendable, Equatable {
            case null
            case bool(Bool)
            /// The number as written (`-0.5e3`).
            case number(String)
            case string(String)
            case array([Node])
            /// Members in file order; keys are unique.
            case object([Member])
        }
        var value: Value
        var position: Position
    }

    struct Member: Sendable, Equatable {
        var key: String
        var keyPosition: Position
        var value: Node
    }

    struct Failure: Error, Sendable, Equatable {
        var position: Position
        var message: String
    }

    static let maxDepth = 64

    static func parse(_ text: String) throws(Failure) -> Node {
        var reader = Reader(Array(text.unicodeScalars))
        if reader.peek == "\u{FEFF}" { reader.advance() }
        reader.skipSpace()
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.peek != nil { throw reader.failure("extra text after the JSON value") }
        return node
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        var position: Position { Position(line: line, column: column) }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        func failure(_ message: String, at position: Position? = nil) -> Failure {
            Failure(position: position ?? self.position, message: message)
        }

        mutating func skipSpace() {
            while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
        }

        mutating func value(depth: Int) throws(Failure) -> Node {
            let start = position
            guard let c = peek else { throw failure("expected a value, found the end of the file") }
            switch c {
            case "{":
                return Node(value: try object(depth: depth + 1), position: start)
            case "[":
                return Node(value: try array(depth: depth + 1), position: start)
            case "\"":
                return Node(value: .string(try string()), position: start)
            case "-", "0"..."9":
                return Node(value: .number(try number()), position: start)
            case "t", "f", "n":
                for (word, value) in [("true", Node.Value.bool(true)), ("false", .bool(false)), ("null", .null)] where matches(word) {
                    for _ in word.unicodeScalars { advance() }
                    return Node(value: value, position: start)
                }
                throw failure("expected a value (a string, number, object, array, true, false or null)")
            default:
                throw failure("expected a value (a string, number, object, array, true, false or null)")
            }
        }

        func matches(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            return index + w.count <= scalars.count && Array(scalars[index..<index + w.count]) == w
        }

        mutating func object(depth: Int) throws(Failure) -> Node.Value {
            guard depth <= StrictJSON.maxDepth else { throw failure("nested deeper than \(StrictJSON.maxDepth) levels") }
            advance()  // {
            var members: [Member] = []
            var firstSeen: [String: Position] = [:]
            skipSpace()
            if peek == "}" {
                advance()
                return .object([])
            }
            while true {
                skipSpace()
                let keyPosition = position
                guard peek == "\"" else {
                    throw failure(members.isEmpty ? "expected a \"quoted\" key or `}`"
                                  : "expected a \"quoted\" key after `,` (no trailing commas in JSON)")
                }
                let key = try string()
                if let first = firstSeen[key] {
                    throw failure("duplicate key \"\(key)\" (first at line \(first.line), column \(first.column))", at: keyPosition)
                }
                firstSeen[key] = keyPosition
                skipSpace()
                guard peek == ":" else { throw failure("expected `:` after the key") }
                advance()
                skipSpace()
                let node = try value(depth: depth)
                members.append(Member(key: key, keyPosition: keyPosition, value: node))
                skipSpace()
                switch peek {
                case ",": advance()
                case "}":
                    advance()
                    return .object(members)
                default: throw failure("expected `,` or `}`")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> Node.Value {
            guard depth <= StrictJSON.maxDepth else { throw failure("nested deeper than \(StrictJSON.maxDepth) levels") }
            advance()  // [
            var items: [Node] = []
            skipSpace()
            if peek == "]" {
                advance()
                return .array([])
            }
            while true {
                skipSpace()
                if peek == "]" { throw failure("expected a value after `,` (no trailing commas in JSON)") }
                items.append(try value(depth: depth))
                skipSpace()
                switch peek {
                case ",": advance()
                case "]":
                    advance()
                    return .array(items)
                default: throw failure("expected `,` or `]`")
                }
            }
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, read greedily as Python does: `01` reads `0`.
        mutating func number() throws(Failure) -> String {
            var text = String.UnicodeScalarView()
            func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
            let start = position
            if peek == "-" {
                text.append("-")
                advance()
            }
            guard isDigit(peek) else { throw failure("expected a value (a string, number, object, array, true, false or null)", at: start) }
            if peek == "0" {
                text.append("0")
                advance()
            } else {
                while isDigit(peek) { text.append(peek!); advance() }
            }
            if peek == ".", index + 1 < scalars.count, isDigit(scalars[index + 1]) {
                text.append("."); advance()
                while isDigit(peek) { text.append(peek!); advance() }
            }
            if peek == "e" || peek == "E" {
                var look = index + 1
                if look < scalars.count, scalars[look] == "+" || scalars[look] == "-" { look += 1 }
                if look < scalars.count, isDigit(scalars[look]) {
                    while index < look { text.append(peek!); advance() }
                    while isDigit(peek) { text.append(peek!); advance() }
                }
            }
            return String(text)
        }

        mutating func string() throws(Failure) -> String {
            let start = position
            advance()  // "
            var out = String.UnicodeScalarView()
            while true {
                guard let c = peek else { throw failure("a string is not closed (it starts here)", at: start) }
                switch c {
                case "\"":
                    advance()
                    return String(out)
                case "\\":
                    let escape = position
                    advance()
                    guard let e = peek else { throw failure("a string is not closed (it starts here)", at: start) }
                    let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}",
                                                                     "f": "\u{C}", "n": "\n", "r": "\r", "t": "\t"]
                    if let s = simple[e] {
                        out.append(s)
                        advance()
                    } else if e == "u" {
                        let u = position  // Python reports a bad \u escape at the `u`
                        advance()
                        var unit = try hex4(u)
                        if (0xD800...0xDBFF).contains(unit) {
                            guard peek == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" else {
                                throw failure("\\u escape is half a surrogate pair", at: u)
                            }
                            advance(); advance()
                            let low = try hex4(u)
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("\\u escape is half a surrogate pair", at: u) }
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(unit) else { throw failure("\\u escape is half a surrogate pair", at: u) }
                        out.append(scalar)
                    } else {
                        throw failure("invalid escape in a string (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)", at: escape)
                    }
                default:
                    guard c.value >= 0x20 else { throw failure("a control character inside a string (write it as an escape, e.g. \\n)") }
                    out.append(c)
                    advance()
                }
            }
        }

        mutating func hex4(_ escape: Position) throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let c = peek, c.isASCII, let digit = UInt32(String(c), radix: 16) else {
                    throw failure("invalid \\u escape (four hex digits expected)", at: escape)
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }
    }
}

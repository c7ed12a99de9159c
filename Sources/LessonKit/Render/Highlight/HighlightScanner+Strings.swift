/// String literals: Python's prefixed and triple-quoted strings, Swift's `"…"`, `"""…"""`
/// and raw `#"…"#` strings with `\(…)` interpolations.
extension HighlightScanner {
    // MARK: - Python strings

    /// The length of a string prefix (`r`, `b`, `f`, `u`, `rb`, `fr`, …, any case) when a
    /// string starts here (0: no prefix); nil otherwise.
    func pythonStringPrefixLength() -> Int? {
        var length = 0
        while length < 2, isPrefixLetter(at(index + length)) { length += 1 }
        let quote = at(index + length)
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
            let first = at(index)
            return first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") ? 0 : nil
        }
        guard length == 2 else { return length }
        // Two letters: only `br`, `rb`, `fr`, `rf` in any case.
        let pair = (at(index) | 0x20, at(index + 1) | 0x20)
        switch pair {
        case (UInt8(ascii: "b"), UInt8(ascii: "r")), (UInt8(ascii: "r"), UInt8(ascii: "b")),
             (UInt8(ascii: "f"), UInt8(ascii: "r")), (UInt8(ascii: "r"), UInt8(ascii: "f")):
            return 2
        default:
            return nil
        }
    }

    private func isPrefixLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "r"), UInt8(ascii: "R"), UInt8(ascii: "b"), UInt8(ascii: "B"),
             UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    mutating func scanPythonString() {
        guard index < count else { return }
        let quote = bytes[index]
        let triple = at(index + 1) == quote && at(index + 2) == quote
        index += triple ? 3 : 1
        while index < count {
            let next = bytes[index]
            if next == UInt8(ascii: "\\") {
                // The backslash and the scalar after it (its bytes are never syntax).
                index = min(index + 2, count)
            } else if next == quote, !triple || (at(index + 1) == quote && at(index + 2) == quote) {
                index += triple ? 3 : 1
                return
            } else if next == UInt8(ascii: "\n"), !triple {
                return
            } else {
                index += 1
            }
        }
    }

    // MARK: - Swift strings

    func isRawStringStart() -> Bool {
        var offset = 0
        while at(index + offset) == UInt8(ascii: "#") { offset += 1 }
        return at(index + offset) == UInt8(ascii: "\"")
    }

    /// `"…"`, `"""…"""`, `#"…"#` with `\(…)` interpolations (which may hold strings).
    mutating func scanSwiftString() {
        var hashes = 0
        while at(index) == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        let quote = UInt8(ascii: "\"")
        let triple = at(index + 1) == quote && at(index + 2) == quote
        index += triple ? 3 : 1
        while index < count {
            let next = bytes[index]
            if next == UInt8(ascii: "\\"), hasHashes(hashes, at: index + 1) {
                index += 1 + hashes
                if at(index) == UInt8(ascii: "(") {
                    scanInterpolation()
                } else if index < count {
                    index += 1
                }
            } else if next == quote, !triple || (at(index + 1) == quote && at(index + 2) == quote),
                      hasHashes(hashes, at: index + (triple ? 3 : 1)) {
                index += (triple ? 3 : 1) + hashes
                return
            } else if next == UInt8(ascii: "\n"), !triple {
                return
            } else {
                index += 1
            }
        }
    }

    func hasHashes(_ hashCount: Int, at position: Int) -> Bool {
        var offset = 0
        while offset < hashCount {
            guard at(position + offset) == UInt8(ascii: "#") else { return false }
            offset += 1
        }
        return true
    }

    /// From `(` to its matching `)`, skipping nested strings.
    mutating func scanInterpolation() {
        var depth = 0
        while index < count {
            let next = bytes[index]
            if next == UInt8(ascii: "\"") {
                scanSwiftString()
                continue
            }
            index += 1
            if next == UInt8(ascii: "(") { depth += 1 }
            if next == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
            if next == UInt8(ascii: "\n") { return }
        }
    }
}

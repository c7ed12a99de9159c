/// String literals: Python's prefixed and triple-quoted strings, Swift's `"…"`, `"""…"""`
/// and raw `#"…"#` strings with `\(…)` interpolations.
extension HighlightScanner {
    // MARK: - Python strings

    /// The length of a string prefix (`r`, `b`, `f`, `u`, `rb`, `fr`, …) plus zero when a
    /// string starts here; nil otherwise.
    func pythonStringPrefixLength() -> Int? {
        var length = 0
        while let next = peek(length), "rRbBuUfF".unicodeScalars.contains(next), length < 2 { length += 1 }
        guard let quote = peek(length), quote == "'" || quote == "\"" else {
            return peek() == "'" || peek() == "\"" ? 0 : nil
        }
        let prefix = slice(index, index + length).lowercased()
        return ["", "r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(prefix) ? length : nil
    }

    mutating func scanPythonString() {
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        index += triple ? 3 : 1
        while let next = peek() {
            if next == "\\" {
                index = min(index + 2, scalars.count)
            } else if next == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                index += triple ? 3 : 1
                return
            } else if next == "\n", !triple {
                return
            } else {
                index += 1
            }
        }
    }

    // MARK: - Swift strings

    func isRawStringStart() -> Bool {
        var offset = 0
        while peek(offset) == "#" { offset += 1 }
        return peek(offset) == "\""
    }

    /// `"…"`, `"""…"""`, `#"…"#` with `\(…)` interpolations (which may hold strings).
    mutating func scanSwiftString() {
        var hashes = 0
        while peek() == "#" {
            hashes += 1
            index += 1
        }
        let triple = peek(1) == "\"" && peek(2) == "\""
        index += triple ? 3 : 1
        while let next = peek() {
            if next == "\\", hasHashes(hashes, at: index + 1) {
                index += 1 + hashes
                if peek() == "(" {
                    scanInterpolation()
                } else if peek() != nil {
                    index += 1
                }
            } else if next == "\"", !triple || (peek(1) == "\"" && peek(2) == "\""), hasHashes(hashes, at: index + (triple ? 3 : 1)) {
                index += (triple ? 3 : 1) + hashes
                return
            } else if next == "\n", !triple {
                return
            } else {
                index += 1
            }
        }
    }

    func hasHashes(_ count: Int, at position: Int) -> Bool {
        (0..<count).allSatisfy { position + $0 < scalars.count && scalars[position + $0] == "#" }
    }

    /// From `(` to its matching `)`, skipping nested strings.
    mutating func scanInterpolation() {
        var depth = 0
        while let next = peek() {
            if next == "\"" {
                scanSwiftString()
                continue
            }
            index += 1
            if next == "(" { depth += 1 }
            if next == ")" {
                depth -= 1
                if depth == 0 { return }
            }
            if next == "\n" { return }
        }
    }
}

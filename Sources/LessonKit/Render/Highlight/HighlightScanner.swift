/// A token found by `HighlightScanner`: its kind (nil: plain text) and its UTF-8 byte range.
struct HighlightSpan {
    var kind: HighlightKind?
    var start: Int
    var end: Int
}

/// The tokenizer behind `SyntaxHighlighter`: one left-to-right pass over the source's UTF-8
/// bytes that recognises comments, strings (with prefixes, triple quotes, Swift raw strings
/// and interpolation), numbers, identifiers and operator runs. It never fails: whatever it does
/// not recognise is plain text, and every byte of the source ends up in exactly one span.
/// Consecutive plain text is one span.
///
/// Every decision is the same as on Unicode scalars: the syntax is ASCII, and no byte of a
/// multi-byte UTF-8 sequence is ASCII; only identifiers decode non-ASCII scalars (to ask
/// `isAlphabetic` / `numericType`), and every span ends on a scalar boundary.
///
/// - Complexity: O(n) in the number of bytes.
struct HighlightScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let language: HighlightLanguage
    var index = 0
    private var spans: [HighlightSpan] = []
    /// Where the current run of plain text started, or -1.
    private var plainStart = -1
    /// The previous identifier or keyword, to mark the name after `def`, `class`, `func`.
    private var previousWord = 0..<0

    init(_ bytes: UnsafeBufferPointer<UInt8>, language: HighlightLanguage) {
        self.bytes = bytes
        count = bytes.count
        self.language = language
    }

    /// Cuts the whole source into spans.
    mutating func scan() -> [HighlightSpan] {
        spans.reserveCapacity(count / 3 + 1)
        while index < count {
            let start = index
            let kind = scanToken()
            if index == start { index += scalarLength(at: index) }
            if let kind {
                flushPlain(upTo: start)
                spans.append(HighlightSpan(kind: kind, start: start, end: index))
            } else if plainStart < 0 {
                plainStart = start
            }
        }
        flushPlain(upTo: count)
        return spans
    }

    private mutating func flushPlain(upTo end: Int) {
        if plainStart >= 0 {
            spans.append(HighlightSpan(kind: nil, start: plainStart, end: end))
            plainStart = -1
        }
    }

    /// The byte at `position`, or 0 past the end (0 is never compared against).
    @inline(__always)
    func at(_ position: Int) -> UInt8 {
        position < count ? bytes[position] : 0
    }

    /// The length in bytes of the UTF-8 sequence starting at `position`.
    @inline(__always)
    func scalarLength(at position: Int) -> Int {
        let lead = bytes[position]
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The scalar starting at `position` (which must be `< count`).
    func scalar(at position: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[position])
        var value: UInt32
        switch scalarLength(at: position) {
        case 1: return Unicode.Scalar(UInt8(lead))
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        var cursor = position + 1
        while cursor < count, bytes[cursor] & 0xC0 == 0x80 {
            value = value << 6 | UInt32(bytes[cursor] & 0x3F)
            cursor += 1
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    // MARK: - Dispatch

    /// Advances past one token and returns its kind (nil: plain text).
    private mutating func scanToken() -> HighlightKind? {
        let byte = bytes[index]
        switch language.syntax {
        case .python:
            if byte == UInt8(ascii: "#") { return scanLineComment() }
            if let prefixLength = pythonStringPrefixLength() {
                index += prefixLength
                scanPythonString()
                return .string
            }
            if isDigit(byte) || (byte == UInt8(ascii: ".") && isDigit(at(index + 1))) {
                scanNumber(allowLeadingPoint: true, swift: false)
                return .number
            }
            if byte == UInt8(ascii: "@"), atLineStart, isIdentifierStart(at: index + 1) {
                index += 1
                scanDottedName()
                return .decorator
            }
        case .swift:
            if byte == UInt8(ascii: "/"), at(index + 1) == UInt8(ascii: "/") { return scanLineComment() }
            if byte == UInt8(ascii: "/"), at(index + 1) == UInt8(ascii: "*") {
                scanBlockComment()
                return .comment
            }
            if byte == UInt8(ascii: "\"") || (byte == UInt8(ascii: "#") && isRawStringStart()) {
                scanSwiftString()
                return .string
            }
            if isDigit(byte) {
                scanNumber(allowLeadingPoint: false, swift: true)
                return .number
            }
            if byte == UInt8(ascii: "@"), isIdentifierStart(at: index + 1) {
                index += 1
                scanIdentifier()
                return .decorator
            }
            if byte == UInt8(ascii: "#"), isIdentifierStart(at: index + 1) {
                index += 1
                scanIdentifier()
                return .keyword
            }
            if byte == UInt8(ascii: "."), at(index + 1) == UInt8(ascii: "."),
               at(index + 2) == UInt8(ascii: ".") || at(index + 2) == UInt8(ascii: "<") {
                index += 3
                return .operation
            }
        }
        if isIdentifierStart(at: index) { return scanWord() }
        if byte < 0x80, language.asciiOperator[Int(byte)] {
            index += 1
            while index < count, bytes[index] < 0x80, language.asciiOperator[Int(bytes[index])] { index += 1 }
            return .operation
        }
        return nil
    }

    // MARK: - Words

    private mutating func scanWord() -> HighlightKind? {
        let start = index
        let previous = previousSignificant(before: start)
        scanIdentifier()
        let word = start..<index
        defer { previousWord = word }
        let role = self.role(of: word)
        if role == .keyword { return .keyword }
        let calls = at(index) == UInt8(ascii: "(")
        if previous == UInt8(ascii: ".") { return calls ? .function : nil }
        if language.syntax == .swift, at(index) == UInt8(ascii: ":") { return nil }  // an argument label
        if role == .builtin { return .builtin }
        if calls || previousWordDefines { return .function }
        return nil
    }

    /// Keyword, builtin or neither, with `String` equality (canonical equivalence) for
    /// non-ASCII words, exactly as `Set<String>.contains` decides.
    private func role(of word: Range<Int>) -> HighlightWordTable.Role? {
        if isASCII(word) { return language.words.role(bytes, word) }
        let text = string(word)
        if language.keywords.contains(text) { return .keyword }
        if language.builtins.contains(text) { return .builtin }
        return nil
    }

    /// Whether the previous word is `def`, `class` or `func`.
    private var previousWordDefines: Bool {
        let word = previousWord
        guard isASCII(word) else { return ["def", "class", "func"].contains(string(word)) }
        switch word.count {
        case 3: return matches(word, "def")
        case 4: return matches(word, "func")
        case 5: return matches(word, "class")
        default: return false
        }
    }

    private func matches(_ range: Range<Int>, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { expected in
            expected.count == range.count && expected.indices.allSatisfy { expected[$0] == bytes[range.lowerBound + $0] }
        }
    }

    private func isASCII(_ range: Range<Int>) -> Bool {
        for position in range where bytes[position] >= 0x80 { return false }
        return true
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private mutating func scanIdentifier() {
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard isASCIIIdentifierContinue(byte) else { return }
                index += 1
            } else {
                let scalar = scalar(at: index)
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return }
                index += scalarLength(at: index)
            }
        }
    }

    private mutating func scanDottedName() {
        scanIdentifier()
        while at(index) == UInt8(ascii: "."), isIdentifierStart(at: index + 1) {
            index += 1
            scanIdentifier()
        }
    }

    private func previousSignificant(before position: Int) -> UInt8? {
        var cursor = position - 1
        while cursor >= 0, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor -= 1 }
        return cursor >= 0 ? bytes[cursor] : nil
    }

    private var atLineStart: Bool {
        var cursor = index - 1
        while cursor >= 0, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor -= 1 }
        return cursor < 0 || bytes[cursor] == UInt8(ascii: "\n")
    }

    // MARK: - Comments

    private mutating func scanLineComment() -> HighlightKind {
        while index < count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        return .comment
    }

    /// A Swift `/* … */` comment; they nest.
    private mutating func scanBlockComment() {
        var depth = 0
        while index < count {
            let next = bytes[index]
            if next == UInt8(ascii: "/"), at(index + 1) == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if next == UInt8(ascii: "*"), at(index + 1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
    }

    // MARK: - Numbers

    /// Python's and Swift's numeric literals: `0x1F`, `1_000`, `3.14`, `.5`, `1e-4`, `2j`;
    /// Swift also has `p` exponents and no imaginary suffix.
    private mutating func scanNumber(allowLeadingPoint: Bool, swift: Bool) {
        if at(index) == UInt8(ascii: "0") {
            switch at(index + 1) {
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "b"), UInt8(ascii: "B"):
                index += 2
                while index < count, isHexDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
                return
            default: break
            }
        }
        scanDigits()
        if at(index) == UInt8(ascii: "."), allowLeadingPoint || isDigit(at(index + 1)) {
            index += 1
            scanDigits()
        }
        let marker = at(index)
        let isExponent = marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E")
            || (swift && (marker == UInt8(ascii: "p") || marker == UInt8(ascii: "P")))
        if isExponent {
            let signed = at(index + 1) == UInt8(ascii: "+") || at(index + 1) == UInt8(ascii: "-")
            if isDigit(at(index + (signed ? 2 : 1))) {
                index += signed ? 2 : 1
                scanDigits()
            }
        }
        if !swift, at(index) == UInt8(ascii: "j") || at(index) == UInt8(ascii: "J") { index += 1 }
    }

    private mutating func scanDigits() {
        while index < count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
    }

    // MARK: - Characters

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    @inline(__always)
    private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    @inline(__always)
    private func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    /// `_` or an alphabetic scalar starts at `position` (false past the end).
    func isIdentifierStart(at position: Int) -> Bool {
        guard position < count else { return false }
        let byte = bytes[position]
        if byte < 0x80 { return isASCIILetter(byte) || byte == UInt8(ascii: "_") }
        return scalar(at: position).properties.isAlphabetic
    }
}

/// The tokenizer behind `SyntaxHighlighter`: one left-to-right pass that recognises comments,
/// strings (with prefixes, triple quotes, Swift raw strings and interpolation), numbers,
/// identifiers and operator runs. It never fails: whatever it does not recognise is plain text,
/// and every scalar of the source ends up in exactly one token.
///
/// - Complexity: O(n) in the number of Unicode scalars.
struct HighlightScanner {
    let scalars: [Unicode.Scalar]
    private let language: HighlightLanguage
    var index = 0
    private var tokens: [HighlightToken] = []
    private var plain = ""
    /// The previous identifier or keyword, to mark the name after `def`, `class`, `func`.
    private var previousWord = ""

    init(_ source: String, language: HighlightLanguage) {
        scalars = Array(source.unicodeScalars)
        self.language = language
    }

    /// Cuts the whole source into tokens.
    mutating func scan() -> [HighlightToken] {
        while index < scalars.count {
            let start = index
            let kind = scanToken()
            if index == start { index += 1 }
            let text = slice(start, index)
            if let kind {
                flushPlain()
                tokens.append(HighlightToken(kind: kind, text: text))
            } else {
                plain += text
            }
        }
        flushPlain()
        return tokens
    }

    private mutating func flushPlain() {
        if !plain.isEmpty {
            tokens.append(HighlightToken(kind: nil, text: plain))
            plain = ""
        }
    }

    func slice(_ start: Int, _ end: Int) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        return text
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    // MARK: - Dispatch

    /// Advances past one token and returns its kind (nil: plain text).
    private mutating func scanToken() -> HighlightKind? {
        guard let scalar = peek() else { return nil }
        switch language.syntax {
        case .python:
            if scalar == "#" { return scanLineComment() }
            if let prefixLength = pythonStringPrefixLength() {
                index += prefixLength
                scanPythonString()
                return .string
            }
            if isDigit(scalar) || (scalar == "." && peek(1).map(isDigit) == true) {
                scanNumber(allowLeadingPoint: true, exponents: "eE", imaginary: true)
                return .number
            }
            if scalar == "@", atLineStart, let next = peek(1), isIdentifierStart(next) {
                index += 1
                scanDottedName()
                return .decorator
            }
        case .swift:
            if scalar == "/", peek(1) == "/" { return scanLineComment() }
            if scalar == "/", peek(1) == "*" {
                scanBlockComment()
                return .comment
            }
            if scalar == "\"" || (scalar == "#" && isRawStringStart()) {
                scanSwiftString()
                return .string
            }
            if isDigit(scalar) {
                scanNumber(allowLeadingPoint: false, exponents: "eEpP", imaginary: false)
                return .number
            }
            if scalar == "@", let next = peek(1), isIdentifierStart(next) {
                index += 1
                scanIdentifier()
                return .decorator
            }
            if scalar == "#", let next = peek(1), isIdentifierStart(next) {
                index += 1
                scanIdentifier()
                return .keyword
            }
            if scalar == ".", peek(1) == ".", peek(2) == "." || peek(2) == "<" {
                index += 3
                return .operation
            }
        }
        if isIdentifierStart(scalar) { return scanWord() }
        if language.operatorCharacters.contains(scalar) {
            while let next = peek(), language.operatorCharacters.contains(next) { index += 1 }
            return .operation
        }
        return nil
    }

    // MARK: - Words

    private mutating func scanWord() -> HighlightKind? {
        let start = index
        let previous = previousSignificant(before: start)
        scanIdentifier()
        let word = slice(start, index)
        defer { previousWord = word }
        if language.keywords.contains(word) { return .keyword }
        let calls = peek() == "("
        if previous == "." { return calls ? .function : nil }
        if language.syntax == .swift, peek() == ":" { return nil }  // an argument label
        if language.builtins.contains(word) { return .builtin }
        if calls || ["def", "class", "func"].contains(previousWord) { return .function }
        return nil
    }

    private mutating func scanIdentifier() {
        while let next = peek(), isIdentifierContinue(next) { index += 1 }
    }

    private mutating func scanDottedName() {
        scanIdentifier()
        while peek() == ".", let next = peek(1), isIdentifierStart(next) {
            index += 1
            scanIdentifier()
        }
    }

    private func previousSignificant(before position: Int) -> Unicode.Scalar? {
        var cursor = position - 1
        while cursor >= 0, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor -= 1 }
        return cursor >= 0 ? scalars[cursor] : nil
    }

    private var atLineStart: Bool {
        var cursor = index - 1
        while cursor >= 0, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor -= 1 }
        return cursor < 0 || scalars[cursor] == "\n"
    }

    // MARK: - Comments

    private mutating func scanLineComment() -> HighlightKind {
        while let next = peek(), next != "\n", next != "\r" { index += 1 }
        return .comment
    }

    /// A Swift `/* … */` comment; they nest.
    private mutating func scanBlockComment() {
        var depth = 0
        while let next = peek() {
            if next == "/", peek(1) == "*" {
                depth += 1
                index += 2
            } else if next == "*", peek(1) == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
    }

    // MARK: - Numbers

    /// Python's and Swift's numeric literals: `0x1F`, `1_000`, `3.14`, `.5`, `1e-4`, `2j`.
    private mutating func scanNumber(allowLeadingPoint: Bool, exponents: String, imaginary: Bool) {
        if peek() == "0", let radix = peek(1), "xXoObB".unicodeScalars.contains(radix) {
            index += 2
            while let next = peek(), next.properties.isASCIIHexDigit || next == "_" { index += 1 }
            return
        }
        scanDigits()
        if peek() == ".", allowLeadingPoint || peek(1).map(isDigit) == true {
            index += 1
            scanDigits()
        }
        if let marker = peek(), exponents.unicodeScalars.contains(marker) {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let digit = peek(signed ? 2 : 1), isDigit(digit) {
                index += signed ? 2 : 1
                scanDigits()
            }
        }
        if imaginary, let suffix = peek(), suffix == "j" || suffix == "J" { index += 1 }
    }

    private mutating func scanDigits() {
        while let next = peek(), isDigit(next) || next == "_" { index += 1 }
    }

    // MARK: - Characters

    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || scalar.properties.numericType != nil
    }
}

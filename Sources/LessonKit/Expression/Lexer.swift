/// Splits expression-language source into tokens, in one pass over its UTF-8 bytes.
///
/// Line breaks end statements only outside brackets and parentheses and not after a
/// binary operator, comma or `=`, so an expression may continue over several lines:
///
///     let total = a +
///         b                       // one statement
///     let m = [[1, 2],
///              [3, 4]]            // one statement
///
/// A `let` or `assert(` at the start of a line always begins a new statement, so an unclosed
/// bracket or a dangling operator costs one error, not the rest of the block. A `;` outside
/// brackets separates statements on one line, as in Swift. Unreadable input becomes an
/// `.invalid` token that the parser reports; the lexer itself never fails.
///
/// `//` always starts a comment, as in Swift. Because Python's `a // b` (floor division) would
/// silently lose its right side, a comment that follows an operand on the same line and whose
/// text lexes as a floor-division operand is reported instead. That is a rule on the comment's
/// tokens alone (the lexer never calls the parser): the text up to the line's end (or the next
/// `//`) must be only numbers, names, `.`, parentheses and `+ - * / %`, with parentheses
/// balanced and no two operands in a row (prose has words side by side), and it must be one
/// number, or start with `(`, or hold an operator:
///
///     let w = (n - k) // 2             error: Python's floor division   (one number)
///     let w = n // (k - 1)             error                            (starts with `(`)
///     let w = n // stride + 1          error                            (holds an operator)
///     let w = n // the output width    a comment                        (words side by side)
///     let w = n // stride              a comment                        (one name: a note)
///
/// - Complexity: O(n) in the length of the source.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [Token] = []
    /// The brackets open at this point: `(`, `[` or `{`. Line breaks end statements only when none
    /// is open or the innermost is a `{`.
    private var open: [Token.Punctuation] = []
    private var lineStart = true

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// The tokens of `source`, ending with `.end`.
    static func tokenize(_ source: String) -> [Token] {
        var lexer = Lexer(source)
        return lexer.run()
    }

    private mutating func run() -> [Token] {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                if (open.last ?? .leftBrace) == .leftBrace && !continuesLine { add(.newline, from: position, to: position + 1) }
                position += 1
                lineStart = true
                continue
            case UInt8(ascii: ";") where (open.last ?? .leftBrace) == .leftBrace:
                // Swift's statement separator: the same as a line break here.
                if let last = tokens.last, last.kind != .newline, !last.is(.leftBrace) { add(.newline, from: position, to: position + 1) }
                position += 1
                lineStart = true
                continue
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                let start = position
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
                if !lineStart, let last = tokens.last, last.endsOperand,
                   Self.readsAsFloorDivision(bytes[(start + 2)..<position]) {
                    add(.invalid(message: "'//' starts a comment here, so the rest of the line is ignored; "
                                 + "Python's a // b is floor(a / b) (put a comment on its own line)"),
                        from: start, to: start + 2)
                }
            default:
                lexToken()
                lineStart = false
            }
        }
        add(.end, from: bytes.count, to: bytes.count)
        return tokens
    }

    /// True when a trailing comment's text is itself a floor-division operand such as `2`,
    /// `(k - 1)` or `stride + 1` (the rule in the type's documentation): the author most likely
    /// meant Python's `a // b`, not a comment. Lexes the text once, so O(length).
    static func readsAsFloorDivision(_ text: ArraySlice<UInt8>) -> Bool {
        var end = text.startIndex
        while end < text.endIndex, !(text[end] == UInt8(ascii: "/") && end + 1 < text.endIndex && text[end + 1] == UInt8(ascii: "/")) {
            end += 1
        }
        let tokens = Lexer.tokenize(String(decoding: text[text.startIndex..<end], as: UTF8.self)).dropLast()  // `.end`
        guard let first = tokens.first else { return false }
        var balance = 0
        var previousWasOperand = false
        var hasOperator = false
        for token in tokens {
            var isOperand = false
            switch token.kind {
            case .integer, .double, .identifier: isOperand = true
            case .punctuation(.leftParen): balance += 1
            case .punctuation(.rightParen):
                balance -= 1
                if balance < 0 { return false }
            case .punctuation(.dot): break
            case .punctuation(.plus), .punctuation(.minus), .punctuation(.star), .punctuation(.slash), .punctuation(.percent):
                hasOperator = true
            default: return false
            }
            if isOperand && previousWasOperand { return false }
            previousWasOperand = isOperand
        }
        guard balance == 0 else { return false }
        switch first.kind {
        case .integer, .double: return tokens.count == 1 || hasOperator
        case .punctuation(.leftParen): return true
        default: return hasOperator
        }
    }

    /// True when the last token cannot end a statement, so a line break continues it.
    private var continuesLine: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .newline: return true
        case .punctuation(let p):
            switch p {
            case .rightParen, .rightBracket, .rightBrace, .halfOpenRange, .closedRange: return false
            default: return true
            }
        default: return false
        }
    }

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func add(_ kind: Token.Kind, from start: Int, to end: Int) {
        tokens.append(Token(kind: kind, range: start..<end))
    }

    private mutating func lexToken() {
        let start = position
        let byte = bytes[position]
        if isDigit(byte) {
            lexNumber()
        } else if isIdentifierStart(byte) {
            lexIdentifier()
        } else if byte == UInt8(ascii: "\"") {
            lexString()
        } else if byte == UInt8(ascii: "$"), let next = peek(1), isDigit(next) {
            position += 1
            while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            add(.identifier(String(decoding: bytes[start..<position], as: UTF8.self)), from: start, to: position)
        } else if byte == UInt8(ascii: "."), peek(1) == UInt8(ascii: "."), peek(2) != UInt8(ascii: "."), peek(2) != UInt8(ascii: "<") {
            position += 2
            add(.invalid(message: "'..' is not an operator; write '..<' (half-open) or '...' (closed, or a whole axis)"),
                from: start, to: position)
        } else if let punctuation = matchPunctuation() {
            position += punctuation.rawValue.utf8.count
            switch punctuation {
            case .leftParen, .leftBracket, .leftBrace: open.append(punctuation)
            case .rightParen, .rightBracket, .rightBrace: if !open.isEmpty { open.removeLast() }
            default: break
            }
            add(.punctuation(punctuation), from: start, to: position)
        } else {
            let length = utf8SequenceLength(byte)
            let end = min(bytes.count, start + length)
            let character = String(decoding: bytes[start..<end], as: UTF8.self)
            position = end
            add(.invalid(message: "unexpected character '\(character)'"), from: start, to: end)
        }
    }

    private func matchPunctuation() -> Token.Punctuation? {
        for length in [3, 2, 1] where position + length <= bytes.count {
            let text = String(decoding: bytes[position..<(position + length)], as: UTF8.self)
            if let p = Token.Punctuation(rawValue: text) { return p }
        }
        return nil
    }

    private mutating func lexIdentifier() {
        let start = position
        while position < bytes.count && (isIdentifierStart(bytes[position]) || isDigit(bytes[position])) {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        if let keyword = Token.Keyword(rawValue: name) {
            if keyword.beginsStatement && lineStart { beginStatement(at: start) }
            add(.keyword(keyword), from: start, to: position)
        } else {
            if name == "assert" && lineStart && nextNonBlank() == UInt8(ascii: "(") { beginStatement(at: start) }
            add(.identifier(name), from: start, to: position)
        }
    }

    /// Ends the previous statement at a line that starts a new one, even when that statement left
    /// a bracket open or ended with an operator.
    private mutating func beginStatement(at offset: Int) {
        let unclosed = open.last.map { $0 != .leftBrace } ?? false
        while let last = open.last, last != .leftBrace { open.removeLast() }
        guard unclosed || continuesLine, let last = tokens.last, last.kind != .newline, !last.is(.leftBrace) else { return }
        add(.newline, from: offset, to: offset)
    }

    private func nextNonBlank() -> UInt8? {
        var i = position
        while i < bytes.count && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }

    /// `3`, `0.05`, `1e-4`, `1_000`. After a `.` only digits are read, so `t.0.1` is two members.
    private mutating func lexNumber() {
        let start = position
        let afterDot = tokens.last?.is(.dot) ?? false
        skipDigits()
        var isDouble = false
        if !afterDot, position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            isDouble = true
            position += 1
            skipDigits()
        }
        if !afterDot, position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var i = position + 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            if i < bytes.count && isDigit(bytes[i]) {
                isDouble = true
                position = i
                skipDigits()
            } else {
                position = i
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                add(.invalid(message: "malformed number '\(text)'"), from: start, to: position)
                return
            }
        }
        if position < bytes.count && isIdentifierStart(bytes[position]) {
            while position < bytes.count && (isIdentifierStart(bytes[position]) || isDigit(bytes[position])) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            add(.invalid(message: "malformed number '\(text)'"), from: start, to: position)
            return
        }
        let text = String(decoding: bytes[start..<position].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if isDouble {
            if let value = Double(text), value.isFinite {
                add(.double(value), from: start, to: position)
            } else {
                add(.invalid(message: "number '\(text)' is too large for a Double"), from: start, to: position)
            }
        } else if let value = Int(text) {
            add(.integer(value), from: start, to: position)
        } else {
            add(.invalid(message: "integer literal '\(text)' is too large (limit \(Int.max))"), from: start, to: position)
        }
    }

    private mutating func skipDigits() {
        while position < bytes.count && (isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_")) { position += 1 }
    }

    /// `"text"` with the escapes `\"`, `\\`, `\n`, `\t`; a string ends on its line.
    private mutating func lexString() {
        let start = position
        position += 1
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                add(.string(String(decoding: content, as: UTF8.self)), from: start, to: position)
                return
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                guard let next = peek(1) else { break }
                switch next {
                case UInt8(ascii: "\""): content.append(next)
                case UInt8(ascii: "\\"): content.append(next)
                case UInt8(ascii: "n"): content.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): content.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "("):
                    add(.invalid(message: "the lesson language has no string interpolation '\\(...)'; "
                                 + "join strings with '+': \"n = \" + str(n)"), from: position, to: position + 2)
                    skipRestOfString()
                    return
                default:
                    let length = utf8SequenceLength(next)
                    let end = min(bytes.count, position + 1 + length)
                    let escape = String(decoding: bytes[position..<end], as: UTF8.self)
                    add(.invalid(message: "unknown escape '\(escape)' in string"), from: position, to: end)
                    skipRestOfString()
                    return
                }
                position += 2
                continue
            }
            content.append(byte)
            position += 1
        }
        add(.invalid(message: "unterminated string"), from: start, to: position)
    }

    private mutating func skipRestOfString() {
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") {
            if bytes[position] == UInt8(ascii: "\\") { position += 1 }
            else if bytes[position] == UInt8(ascii: "\"") { position += 1; return }
            position += 1
        }
        position = min(position, bytes.count)
    }
}

private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

private func isIdentifierStart(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        || b == UInt8(ascii: "_")
}

/// The length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
private func utf8SequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: 4
    case 0xE0...: 3
    case 0xC0...: 2
    default: 1
    }
}

/// One lexical token of the expression language with its UTF-8 byte range in the source.
///
///     conv2d(x, stride: 2)
///     identifier("conv2d") ( identifier("x") , identifier("stride") : integer(2) )
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case integer(Int)
        case double(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case punctuation(Punctuation)
        /// The end of a statement: a line break outside brackets and not after an operator.
        case newline
        /// A character sequence the lexer could not read; the parser reports `message` here.
        case invalid(message: String)
        case end
    }

    enum Keyword: String, Sendable {
        case `let`, `var`, `true`, `false`, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, `return`, `func`, `import`

        /// Keywords that begin a statement at the start of a line, closing any bracket left open above.
        var beginsStatement: Bool { self == .let || self == .var || self == .func }
    }

    enum Punctuation: String, Sendable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case comma = ",", colon = ":", dot = ".", assign = "="
        case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", bang = "!"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case and = "&&", or = "||"
        case halfOpenRange = "..<", closedRange = "..."
        case leftBrace = "{", rightBrace = "}", arrow = "->", question = "?"
        case addAssign = "+=", subtractAssign = "-=", multiplyAssign = "*=", divideAssign = "/="

        /// `+` for `+=`, …; nil for other punctuation.
        var compoundOperator: BinaryOperator? {
            switch self {
            case .addAssign: .add
            case .subtractAssign: .subtract
            case .multiplyAssign: .multiply
            case .divideAssign: .divide
            default: nil
            }
        }
    }

    var kind: Kind
    /// Byte offsets of the token in the source text.
    var range: Range<Int>

    /// True for a punctuation token `p`.
    func `is`(_ p: Punctuation) -> Bool { kind == .punctuation(p) }

    /// True for a token that can end an operand: a literal, a name, `)` or `]`.
    var endsOperand: Bool {
        switch kind {
        case .integer, .double, .string, .identifier: true
        case .keyword(let k): k == .true || k == .false
        case .punctuation(let p): p == .rightParen || p == .rightBracket || p == .rightBrace
        default: false
        }
    }

    /// The token as an author would name it in a message: `')'`, `end of line`, `'stride'`.
    var description: String {
        switch kind {
        case .integer(let i): "'\(i)'"
        case .double(let d): "'\(d)'"
        case .string: "a string"
        case .identifier(let name): "'\(name)'"
        case .keyword(let k): "'\(k.rawValue)'"
        case .punctuation(let p): "'\(p.rawValue)'"
        case .newline: "end of line"
        case .invalid(let message): message
        case .end: "end of input"
        }
    }
}

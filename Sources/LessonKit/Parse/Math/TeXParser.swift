/// A recursive-descent parser for the TeX subset of `{math}`, producing a `MathNode` list.
///
/// Grammar (spaces ignored outside `\text{}`):
///
///     list     := item*                          (until `}`, `\right`, `]` or the end)
///     item     := atom? (('^' | '_') argument)*  (at most one of each)
///     argument := '{' list '}' | atom            (an atom takes one digit: `x^23` is x²3)
///     atom     := number | letter | operator | '{' list '}' | command …
///
/// Errors carry the UTF-8 offset of the token that caused them.
struct TeXParser {
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 64

    private let tokens: [TeXToken]
    let display: Bool
    private var position = 0
    var depth = 0

    init(_ source: String, display: Bool) throws(MathError) {
        tokens = try TeXLexer.tokenize(source)
        self.display = display
    }

    /// Parses the whole formula.
    mutating func parseFormula() throws(MathError) -> [MathNode] {
        let nodes = try parseList(stopAtBracket: false)
        let token = current
        switch token.kind {
        case .end:
            return nodes
        case .closeBrace:
            throw MathError(message: "'}' has no matching '{'", offset: token.offset)
        default:
            throw MathError(message: "\\right has no matching \\left", offset: token.offset)
        }
    }

    // MARK: - Token access

    var current: TeXToken { tokens[min(position, tokens.count - 1)] }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    mutating func skipSpaces() {
        while current.kind == .space { advance() }
    }

    mutating func enter(at offset: Int) throws(MathError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw MathError(message: "formula is nested more than \(Self.maximumDepth) levels deep", offset: offset)
        }
    }

    // MARK: - Lists and scripts

    mutating func parseList(stopAtBracket: Bool) throws(MathError) -> [MathNode] {
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            switch current.kind {
            case .end, .closeBrace, .command("right"):
                return nodes
            case .character("]") where stopAtBracket:
                return nodes
            default:
                nodes.append(contentsOf: try parseItem())
            }
        }
    }

    /// An atom followed by its sub- and superscripts; an operator name adds U+2061 after them.
    private mutating func parseItem() throws(MathError) -> [MathNode] {
        var atom = Atom(node: .row([]))
        if current.kind != .superscript && current.kind != .subscript {
            atom = try parseAtom(singleDigit: false)
        }
        var sub: MathNode?
        var sup: MathNode?
        while true {
            skipSpaces()
            let token = current
            if token.kind == .superscript {
                guard sup == nil else { throw MathError(message: "double superscript: use braces, as in x^{ab}", offset: token.offset) }
                advance()
                sup = try parseArgument(of: "^", at: token.offset)
            } else if token.kind == .subscript {
                guard sub == nil else { throw MathError(message: "double subscript: use braces, as in x_{ij}", offset: token.offset) }
                advance()
                sub = try parseArgument(of: "_", at: token.offset)
            } else {
                break
            }
        }
        var nodes = [atom.node]
        if sub != nil || sup != nil {
            nodes = [.scripts(base: atom.node, sub: sub, sup: sup, limits: atom.limits && display)]
        }
        if let trailing = atom.trailing { nodes.append(trailing) }
        return nodes
    }

    /// A braced group or a single atom, as taken by `^`, `_`, `\frac` and `\sqrt`.
    mutating func parseArgument(of command: String, at offset: Int) throws(MathError) -> MathNode {
        skipSpaces()
        switch current.kind {
        case .end, .closeBrace, .superscript, .subscript, .command("right"):
            throw MathError(message: "\(command) is missing its argument", offset: offset)
        case .openBrace:
            return try parseGroup()
        default:
            return try parseAtom(singleDigit: true).node
        }
    }

    mutating func parseGroup() throws(MathError) -> MathNode {
        let open = current
        try enter(at: open.offset)
        advance()
        let nodes = try parseList(stopAtBracket: false)
        let close = current
        switch close.kind {
        case .closeBrace:
            advance()
        case .command("right"):
            throw MathError(message: "\\right has no matching \\left", offset: close.offset)
        default:
            throw MathError(message: "missing '}' to close this '{'", offset: open.offset)
        }
        depth -= 1
        return .row(nodes)
    }

    // MARK: - Atoms

    /// What one atom became: its node, whether display style sets its scripts as limits, and
    /// a node that follows its scripts.
    struct Atom {
        var node: MathNode
        var limits = false
        var trailing: MathNode?
    }

    private mutating func parseAtom(singleDigit: Bool) throws(MathError) -> Atom {
        let token = current
        switch token.kind {
        case .openBrace:
            return Atom(node: try parseGroup())
        case .character(let scalar):
            return Atom(node: try parseCharacter(scalar, at: token.offset, singleDigit: singleDigit))
        case .command(let name):
            advance()
            return try parseCommand(name, at: token.offset)
        case .closeBrace:
            throw MathError(message: "'}' has no matching '{'", offset: token.offset)
        case .superscript, .subscript, .space, .end:
            throw MathError(message: "expected a symbol here", offset: token.offset)
        }
    }

    private mutating func parseCharacter(_ scalar: Unicode.Scalar, at offset: Int, singleDigit: Bool) throws(MathError) -> MathNode {
        if isDigit(scalar) || (scalar == "." && nextIsDigit) {
            return .number(scanNumber(singleDigit: singleDigit))
        }
        advance()
        if scalar.properties.isAlphabetic {
            return .identifier(String(scalar), upright: false)
        }
        if let symbol = TeXSymbols.operatorCharacters[scalar] {
            return .operation(symbol, TeXSymbols.fenceCharacters.contains(symbol) ? .fixedFence : .normal)
        }
        switch scalar {
        case "~":
            return .space(width: "0.3333em")
        case "&":
            throw MathError(message: "'&' (alignment) is not supported in {math}", offset: offset)
        case "#", "$":
            throw MathError(message: "'\(scalar)' is not allowed in {math}; write \\\(scalar) for the symbol", offset: offset)
        default:
            return .operation(String(scalar), .normal)
        }
    }

    private var nextIsDigit: Bool {
        guard position + 1 < tokens.count, case .character(let next) = tokens[position + 1].kind else { return false }
        return isDigit(next)
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Digits with an optional `.digits` part; one digit only when `singleDigit`.
    private mutating func scanNumber(singleDigit: Bool) -> String {
        var text = ""
        var seenPoint = false
        while case .character(let scalar) = current.kind {
            if isDigit(scalar) {
                text.unicodeScalars.append(scalar)
                advance()
                if singleDigit { break }
            } else if scalar == ".", !seenPoint, !singleDigit, nextIsDigit {
                seenPoint = true
                text.unicodeScalars.append(scalar)
                advance()
            } else {
                break
            }
        }
        return text
    }
}

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
    private let display: Bool
    private var position = 0
    private var depth = 0

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

    private var current: TeXToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private mutating func skipSpaces() {
        while current.kind == .space { advance() }
    }

    private mutating func enter(at offset: Int) throws(MathError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw MathError(message: "formula is nested more than \(Self.maximumDepth) levels deep", offset: offset)
        }
    }

    // MARK: - Lists and scripts

    private mutating func parseList(stopAtBracket: Bool) throws(MathError) -> [MathNode] {
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
    private mutating func parseArgument(of command: String, at offset: Int) throws(MathError) -> MathNode {
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

    private mutating func parseGroup() throws(MathError) -> MathNode {
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
    private struct Atom {
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

    // MARK: - Commands

    private mutating func parseCommand(_ name: String, at offset: Int) throws(MathError) -> Atom {
        if let letter = TeXSymbols.lowercaseGreek[name] ?? TeXSymbols.identifiers[name] {
            return Atom(node: .identifier(letter, upright: false))
        }
        if let letter = TeXSymbols.uppercaseGreek[name] {
            return Atom(node: .identifier(letter, upright: true))
        }
        if let symbol = TeXSymbols.operators[name] {
            return Atom(node: .operation(symbol, TeXSymbols.fenceCharacters.contains(symbol) ? .fixedFence : .normal))
        }
        if let symbol = TeXSymbols.largeOperators[name] {
            return Atom(node: .operation(symbol, .largeOperator), limits: symbol != "∫")
        }
        if let limits = TeXSymbols.functionNames[name] {
            return Atom(node: .identifier(name, upright: false), limits: limits, trailing: .operation("\u{2061}", .functionApplication))
        }
        if let width = TeXSymbols.spaces[name] {
            return Atom(node: .space(width: width))
        }
        switch name {
        case " ":
            return Atom(node: .space(width: "0.3333em"))
        case "_", "%", "&", "#", "$":
            return Atom(node: .operation(name, .normal))
        case "frac", "dfrac", "tfrac":
            let numerator = try parseArgument(of: "\\\(name)", at: offset)
            let denominator = try parseArgument(of: "\\\(name)", at: offset)
            return Atom(node: .fraction(numerator: numerator, denominator: denominator))
        case "sqrt":
            return Atom(node: try parseRoot(at: offset))
        case "text", "textrm", "mbox":
            return Atom(node: .text(try parseRawText(of: name, at: offset, keepSpaces: true)))
        case "mathrm":
            let text = try parseRawText(of: name, at: offset, keepSpaces: false)
            return Atom(node: .identifier(text, upright: text.unicodeScalars.count == 1))
        case "operatorname":
            let text = try parseRawText(of: name, at: offset, keepSpaces: false)
            return Atom(node: .identifier(text, upright: text.unicodeScalars.count == 1),
                        trailing: .operation("\u{2061}", .functionApplication))
        case "left":
            return Atom(node: try parseFenced(at: offset))
        default:
            throw MathError(message: "unknown command '\\\(name)' in {math}", offset: offset)
        }
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    private mutating func parseRoot(at offset: Int) throws(MathError) -> MathNode {
        skipSpaces()
        guard current.kind == .character("[") else {
            return .squareRoot(try parseArgument(of: "\\sqrt", at: offset))
        }
        let open = current
        try enter(at: open.offset)
        advance()
        let index = try parseList(stopAtBracket: true)
        guard current.kind == .character("]") else {
            throw MathError(message: "missing ']' to close the index of \\sqrt", offset: open.offset)
        }
        advance()
        depth -= 1
        let radicand = try parseArgument(of: "\\sqrt", at: offset)
        return .root(radicand: radicand, index: .row(index))
    }

    /// `\left D … \right D`, with stretchy fences.
    private mutating func parseFenced(at offset: Int) throws(MathError) -> MathNode {
        try enter(at: offset)
        let open = try parseDelimiter(after: "\\left", at: offset)
        let body = try parseList(stopAtBracket: false)
        let right = current
        guard right.kind == .command("right") else {
            throw MathError(message: "\\left has no matching \\right", offset: offset)
        }
        advance()
        let close = try parseDelimiter(after: "\\right", at: right.offset)
        depth -= 1
        var nodes: [MathNode] = []
        if !open.isEmpty { nodes.append(.operation(open, .openingFence)) }
        nodes += body
        if !close.isEmpty { nodes.append(.operation(close, .closingFence)) }
        return .fenced(nodes)
    }

    private mutating func parseDelimiter(after command: String, at offset: Int) throws(MathError) -> String {
        skipSpaces()
        guard let symbol = TeXSymbols.delimiter(current) else {
            throw MathError(message: "\(command) must be followed by a delimiter such as ( [ | . \\lfloor or \\lceil",
                            offset: current.kind == .end ? offset : current.offset)
        }
        advance()
        return symbol
    }

    /// The literal text of `\text{…}`, `\mathrm{…}` or `\operatorname{…}`; nested braces group
    /// without printing, `\{ \} \_ \% \& \$ \#` print their character.
    private mutating func parseRawText(of command: String, at offset: Int, keepSpaces: Bool) throws(MathError) -> String {
        skipSpaces()
        let open = current
        guard open.kind == .openBrace else {
            throw MathError(message: "\\\(command) needs a braced argument, as in \\\(command){field}", offset: offset)
        }
        advance()
        var text = ""
        var braces = 1
        while true {
            let token = current
            switch token.kind {
            case .end:
                throw MathError(message: "missing '}' to close this '{'", offset: open.offset)
            case .openBrace:
                braces += 1
            case .closeBrace:
                braces -= 1
                if braces == 0 {
                    advance()
                    return text
                }
            case .space:
                if keepSpaces { text += " " }
            case .character(let scalar):
                text.unicodeScalars.append(scalar)
            case .superscript:
                text += "^"
            case .subscript:
                text += "_"
            case .command(let name):
                if ["{", "}", "_", "%", "&", "$", "#"].contains(name) {
                    text += name
                } else if name == " " {
                    text += " "
                } else {
                    throw MathError(message: "commands are not supported inside \\\(command){…}", offset: token.offset)
                }
            }
            advance()
        }
    }
}

/// Backslash commands: symbols, `\frac`, `\sqrt`, `\text`-like commands and `\left … \right`.
extension TeXParser {
    // MARK: - Commands

    mutating func parseCommand(_ name: String, at offset: Int) throws(MathError) -> Atom {
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
    mutating func parseRoot(at offset: Int) throws(MathError) -> MathNode {
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
    mutating func parseFenced(at offset: Int) throws(MathError) -> MathNode {
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

    mutating func parseDelimiter(after command: String, at offset: Int) throws(MathError) -> String {
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
    mutating func parseRawText(of command: String, at offset: Int, keepSpaces: Bool) throws(MathError) -> String {
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

/// A recursive-descent parser from tokens to statements and expressions.
///
/// Precedence, loosest first (Swift's order; comparisons do not chain):
///
///     ||   &&   == != < <= > >=   + -   * / %   unary - !   postfix call . []
///
/// Nesting (parentheses, brackets, unary chains) is capped at `EvaluationLimits.maxNesting`
/// and the height of the tree at `maxTreeHeight`, so no input can exhaust the stack.
struct Parser {
    private let tokens: [Token]
    private let limits: EvaluationLimits
    private var current = 0
    private var depth = 0

    init(_ source: String, limits: EvaluationLimits) {
        tokens = Lexer.tokenize(source)
        self.limits = limits
    }

    // MARK: - Entry points

    /// All statements of a block; a statement that fails to parse becomes `.invalid` and
    /// parsing resumes at the next line.
    mutating func parseBlock() -> [Statement] {
        var statements: [Statement] = []
        while true {
            skipNewlines()
            if peek.kind == .end { return statements }
            var poisons: (name: String, range: Range<Int>)?
            depth = 0
            do {
                statements.append(try parseStatement(poisons: &poisons))
            } catch {
                statements.append(.invalid(error, poisons: poisons))
                skipToLineEnd()
            }
        }
    }

    /// One expression filling the whole source (blank lines around it allowed).
    mutating func parseStandaloneExpression() throws(ExpressionFailure) -> Expr {
        skipNewlines()
        let expr = try parseExpression()
        skipNewlines()
        guard peek.kind == .end else { throw unexpected(peek, expecting: "end of expression") }
        return expr
    }

    // MARK: - Statements

    private mutating func parseStatement(poisons: inout (name: String, range: Range<Int>)?) throws(ExpressionFailure) -> Statement {
        let statement: Statement
        if peek.kind == .keyword(.let) {
            advance()
            guard case .identifier(let name) = peek.kind else {
                throw unexpected(peek, expecting: "a name after 'let'")
            }
            let nameRange = advance().range
            poisons = (name, nameRange)
            guard peek.is(.assign) else { throw unexpected(peek, expecting: "'=' after 'let \(name)'") }
            advance()
            statement = .binding(name: name, nameRange: nameRange, value: try parseExpression())
        } else if case .identifier(let name) = peek.kind, tokens[current + 1].is(.assign) {
            poisons = (name, peek.range)
            throw ExpressionFailure("bind a name with 'let \(name) = ...' (a name is bound once per lesson)", at: peek.range)
        } else if peek.kind == .identifier("assert") && tokens[current + 1].is(.leftParen) {
            advance()
            advance()
            let condition = try parseExpression()
            var message: Expr?
            if peek.is(.comma) {
                advance()
                message = try parseExpression()
            }
            try expect(.rightParen, "')' to close 'assert('")
            statement = .assertion(condition: condition, message: message)
        } else {
            statement = .expression(try parseExpression())
        }
        guard peek.kind == .newline || peek.kind == .end else {
            throw unexpected(peek, expecting: "end of line (one statement per line)")
        }
        return statement
    }

    // MARK: - Expressions

    mutating func parseExpression() throws(ExpressionFailure) -> Expr {
        try parseBinary(level: 0)
    }

    private static let levels: [[Token.Punctuation]] = [
        [.or], [.and], [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual],
        [.plus, .minus], [.star, .slash, .percent],
    ]

    private mutating func parseBinary(level: Int) throws(ExpressionFailure) -> Expr {
        guard level < Self.levels.count else { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        while case .punctuation(let p) = peek.kind, Self.levels[level].contains(p),
              let op = BinaryOperator(rawValue: p.rawValue) {
            let opToken = advance()
            let right = try parseBinary(level: level + 1)
            left = try make(.binary(op, left, right, operatorRange: opToken.range), left.range.lowerBound..<right.range.upperBound)
            if op.isComparison, case .punctuation(let next) = peek.kind, let nextOp = BinaryOperator(rawValue: next.rawValue),
               nextOp.isComparison {
                throw ExpressionFailure("comparisons cannot be chained; combine them with '&&'", at: peek.range)
            }
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionFailure) -> Expr {
        if case .punctuation(let p) = peek.kind, let op = UnaryOperator(rawValue: p.rawValue) {
            let opToken = advance()
            try nest(at: opToken.range)
            defer { depth -= 1 }
            let operand = try parseUnary()
            return try make(.unary(op, operand), opToken.range.lowerBound..<operand.range.upperBound)
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(ExpressionFailure) -> Expr {
        var expr = try parsePrimary()
        while true {
            if peek.is(.leftParen) {
                expr = try parseCall(expr)
            } else if peek.is(.dot) {
                advance()
                let nameToken = advance()
                let name: String
                switch nameToken.kind {
                case .identifier(let n): name = n
                case .integer(let i): name = String(i)
                case .keyword(let k): name = k.rawValue
                default: throw unexpected(nameToken, expecting: "a member name after '.'")
                }
                expr = try make(.member(expr, name: name, nameRange: nameToken.range),
                                expr.range.lowerBound..<nameToken.range.upperBound)
            } else if peek.is(.leftBracket) {
                let open = advance()
                try nest(at: open.range)
                defer { depth -= 1 }
                var indices: [Expr.SubscriptIndex] = []
                repeat {
                    if !indices.isEmpty { advance() }
                    indices.append(try parseIndex())
                } while peek.is(.comma)
                if peek.is(.colon) {
                    throw ExpressionFailure("slices are written as ranges: 'a..<b' (not 'a:b'), '..<b', 'a...'", at: peek.range)
                }
                let close = try expect(.rightBracket, "']' to close the subscript")
                expr = try make(.subscripted(expr, indices), expr.range.lowerBound..<close.range.upperBound)
            } else {
                return expr
            }
        }
    }

    private mutating func parseCall(_ callee: Expr) throws(ExpressionFailure) -> Expr {
        let open = advance()
        try nest(at: open.range)
        defer { depth -= 1 }
        var arguments: [Expr.Argument] = []
        while !peek.is(.rightParen) {
            if !arguments.isEmpty {
                try expect(.comma, "',' or ')' in the argument list")
                if peek.is(.rightParen) { break }
            }
            if case .identifier(let label) = peek.kind, tokens[current + 1].is(.assign) {
                throw ExpressionFailure("arguments are labeled Swift-style: write '\(label): ...' instead of '\(label)=...'",
                                        at: tokens[current + 1].range)
            }
            if case .identifier(let label) = peek.kind, tokens[current + 1].is(.colon) {
                let labelToken = advance()
                advance()
                arguments.append(Expr.Argument(label: label, labelRange: labelToken.range, value: try parseExpression()))
            } else {
                arguments.append(Expr.Argument(label: nil, labelRange: nil, value: try parseExpression()))
            }
        }
        let close = advance()
        return try make(.call(callee: callee, arguments: arguments, closeRange: close.range),
                        callee.range.lowerBound..<close.range.upperBound)
    }

    private mutating func parseIndex() throws(ExpressionFailure) -> Expr.SubscriptIndex {
        let start = peek.range.lowerBound
        if peek.is(.halfOpenRange) || peek.is(.closedRange) {
            let op = advance()
            let closed = op.is(.closedRange)
            if closed && (peek.is(.comma) || peek.is(.rightBracket)) {
                return .range(lower: nil, upper: nil, closed: true, range: op.range)
            }
            let upper = try parseExpression()
            return .range(lower: nil, upper: upper, closed: closed, range: start..<upper.range.upperBound)
        }
        let lower = try parseExpression()
        if peek.is(.halfOpenRange) {
            advance()
            let upper = try parseExpression()
            return .range(lower: lower, upper: upper, closed: false, range: start..<upper.range.upperBound)
        }
        if peek.is(.closedRange) {
            let op = advance()
            if peek.is(.comma) || peek.is(.rightBracket) {
                return .range(lower: lower, upper: nil, closed: true, range: start..<op.range.upperBound)
            }
            let upper = try parseExpression()
            return .range(lower: lower, upper: upper, closed: true, range: start..<upper.range.upperBound)
        }
        return .position(lower)
    }

    private mutating func parsePrimary() throws(ExpressionFailure) -> Expr {
        let token = peek
        switch token.kind {
        case .integer(let i): advance(); return Expr(.integer(i), token.range)
        case .double(let d): advance(); return Expr(.double(d), token.range)
        case .string(let s): advance(); return Expr(.string(s), token.range)
        case .keyword(.true): advance(); return Expr(.bool(true), token.range)
        case .keyword(.false): advance(); return Expr(.bool(false), token.range)
        case .identifier(let name): advance(); return Expr(.name(name), token.range)
        case .punctuation(.leftParen): return try parseParenthesized()
        case .punctuation(.leftBracket): return try parseArray()
        case .punctuation(.dot):
            if case .integer(let i) = tokens[current + 1].kind {
                throw ExpressionFailure("a number cannot start with '.'; write 0.\(i)", at: token.range)
            }
            throw unexpected(token, expecting: "an expression")
        default:
            throw unexpected(token, expecting: "an expression")
        }
    }

    private mutating func parseParenthesized() throws(ExpressionFailure) -> Expr {
        let open = advance()
        try nest(at: open.range)
        defer { depth -= 1 }
        var items: [Expr] = []
        var sawComma = false
        while !peek.is(.rightParen) {
            if !items.isEmpty {
                try expect(.comma, "',' or ')'")
                sawComma = true
                if peek.is(.rightParen) { break }
            }
            items.append(try parseExpression())
        }
        let close = advance()
        let range = open.range.lowerBound..<close.range.upperBound
        if items.count == 1 && !sawComma {
            var inner = items[0]
            inner.range = range
            return inner
        }
        return try make(.tuple(items), range)
    }

    private mutating func parseArray() throws(ExpressionFailure) -> Expr {
        let open = advance()
        try nest(at: open.range)
        defer { depth -= 1 }
        var items: [Expr] = []
        while !peek.is(.rightBracket) {
            if !items.isEmpty {
                try expect(.comma, "',' or ']' in the array")
                if peek.is(.rightBracket) { break }
            }
            items.append(try parseExpression())
        }
        let close = advance()
        return try make(.array(items), open.range.lowerBound..<close.range.upperBound)
    }

    // MARK: - Helpers

    private var peek: Token { tokens[current] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[current]
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    @discardableResult
    private mutating func expect(_ p: Token.Punctuation, _ what: String) throws(ExpressionFailure) -> Token {
        guard peek.is(p) else { throw unexpected(peek, expecting: what) }
        return advance()
    }

    private func unexpected(_ token: Token, expecting what: String) -> ExpressionFailure {
        if case .invalid(let message) = token.kind { return ExpressionFailure(message, at: token.range) }
        if case .identifier(let word) = token.kind, let swift = ["and": "&&", "or": "||", "not": "!"][word] {
            return ExpressionFailure("use '\(swift)' instead of Python's '\(word)'", at: token.range)
        }
        if token.is(.star), current > 0, tokens[current - 1].is(.star) {
            return ExpressionFailure("'**' is not supported; write the product out (x * x)", at: tokens[current - 1].range)
        }
        return ExpressionFailure("expected \(what), found \(token.description)", at: token.range)
    }

    private mutating func nest(at range: Range<Int>) throws(ExpressionFailure) {
        depth += 1
        guard depth <= limits.maxNesting else {
            throw ExpressionFailure("expression nests too deeply (limit \(limits.maxNesting))", at: range, kind: .limit)
        }
    }

    private func make(_ node: Expr.Node, _ range: Range<Int>) throws(ExpressionFailure) -> Expr {
        let expr = Expr(node, range)
        guard expr.height <= limits.maxTreeHeight else {
            throw ExpressionFailure("expression is too long (more than \(limits.maxTreeHeight) operations deep)", at: range, kind: .limit)
        }
        return expr
    }

    private mutating func skipNewlines() {
        while peek.kind == .newline { advance() }
    }

    private mutating func skipToLineEnd() {
        while peek.kind != .newline && peek.kind != .end { advance() }
    }
}

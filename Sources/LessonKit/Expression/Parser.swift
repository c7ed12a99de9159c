/// A recursive-descent parser from tokens to statements and expressions.
///
/// Precedence, loosest first (Swift's order; comparisons do not chain):
///
///     ?:   ||   &&   == != < <= > >=   ..< ...   + -   * / %   unary - !   postfix call . [] {closure}
///
/// Nesting (parentheses, brackets, braces, unary chains) is capped at `EvaluationLimits.maxNesting`
/// and the height of the tree at `maxTreeHeight`, so no input can exhaust the stack.
struct Parser {
    private let tokens: [Token]
    /// The source's UTF-8 bytes, for quoting the author's own text in a suggestion.
    private let source: [UInt8]
    private let limits: EvaluationLimits
    private var current = 0
    private var depth = 0
    /// Loops around the statement being parsed, inside the innermost function or closure.
    private var loopDepth = 0
    /// Functions and closures around the statement being parsed.
    private var functionDepth = 0
    /// Braces around the statement being parsed (0 at the top level of a block).
    private var blockDepth = 0
    /// True while parsing an `if`/`while` condition or a `for` sequence, where `{` opens the body.
    private var noTrailingClosure = false
    /// The token index of a `{` found never closed: it swallowed the rest of the block.
    private var unclosedBrace: Int?

    init(_ source: String, limits: EvaluationLimits) {
        tokens = Lexer.tokenize(source)
        self.source = Array(source.utf8)
        self.limits = limits
    }

    // MARK: - Entry points

    /// All statements of a block; a statement that fails to parse becomes `.invalid` and
    /// parsing resumes after it (at the next line outside the braces it opened).
    /// Parsing stops one statement past `limits.maxStatements` (the interpreter reports that one,
    /// located), so a block of 40,000 lines costs no more than the limit allows; the names the
    /// rest would bind are still found (`unparsedBindings`) so that their uses are cascades.
    mutating func parseBlock() -> [Statement] {
        var statements: [Statement] = []
        while true {
            skipNewlines()
            if peek.kind == .end { return statements }
            if statements.count > limits.maxStatements { return statements + unparsedBindings() }
            var poisons: (name: String, range: Range<Int>)?
            depth = 0; loopDepth = 0; functionDepth = 0; blockDepth = 0; noTrailingClosure = false; unclosedBrace = nil
            let start = current
            do throws(ExpressionFailure) {
                if peek.is(.rightBrace) {
                    throw ExpressionFailure("unmatched '}'", at: peek.range)
                }
                statements.append(try parseStatement(poisons: &poisons))
            } catch {
                var names = poisons.map { [$0] } ?? []
                if let open = unclosedBrace {
                    names += declarations(in: open..<(tokens.count - 1))
                    unclosedBrace = nil
                }
                statements.append(.invalid(error, poisons: names))
                skipStatement(from: start)
            }
        }
    }

    /// `let NAME` / `var NAME` in the tokens not parsed, each as an invalid statement that poisons
    /// NAME: one linear pass over tokens already read.
    private func unparsedBindings() -> [Statement] {
        var found: [Statement] = []
        var index = current
        while index + 1 < tokens.count {
            if case .keyword(let keyword) = tokens[index].kind, keyword == .let || keyword == .var,
               case .identifier(let name) = tokens[index + 1].kind {
                let range = tokens[index + 1].range
                found.append(.invalid(ExpressionFailure("not parsed: past the statement limit", at: range, kind: .cascade),
                                      poisons: [(name: name, range: range)]))
            }
            index += 1
        }
        return found
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
        let statement = try parseStatementBody(poisons: &poisons)
        guard peek.kind == .newline || peek.kind == .end || peek.is(.rightBrace) else {
            if peek.is(.colon) {
                throw ExpressionFailure("Swift puts a body in braces, not after ':'", at: peek.range)
            }
            if peek.is(.plus), tokens[current + 1].is(.plus) {
                throw ExpressionFailure("Swift has no '++'; write 'x += 1'", at: peek.range)
            }
            throw unexpected(peek, expecting: "end of line (one statement per line)")
        }
        return statement
    }

    private mutating func parseStatementBody(poisons: inout (name: String, range: Range<Int>)?) throws(ExpressionFailure) -> Statement {
        switch peek.kind {
        case .keyword(.let), .keyword(.var):
            return try parseBinding(poisons: &poisons)
        case .keyword(.func):
            return .function(try parseFunction(poisons: &poisons))
        case .keyword(.if):
            return try parseIf()
        case .keyword(.for):
            return try parseFor()
        case .keyword(.while):
            let keyword = advance()
            let condition = try parseCondition()
            let body = try parseBody(isLoop: true)
            return .whileLoop(condition: condition, body: body, keywordRange: keyword.range)
        case .keyword(.break), .keyword(.continue):
            let token = advance()
            let isBreak = token.kind == .keyword(.break)
            guard loopDepth > 0 else {
                throw ExpressionFailure("'\(isBreak ? "break" : "continue")' is only allowed inside a 'for' or 'while' loop",
                                        at: token.range)
            }
            return isBreak ? .breakLoop(range: token.range) : .continueLoop(range: token.range)
        case .keyword(.return):
            let token = advance()
            guard functionDepth > 0 else {
                throw ExpressionFailure(
                    "'return' is only allowed inside a func or closure; at the top level bind the value with 'let name = ...'",
                    at: token.range)
            }
            if peek.kind == .newline || peek.kind == .end || peek.is(.rightBrace) { return .returnValue(nil, range: token.range) }
            let value = try parseExpression()
            return .returnValue(value, range: token.range.lowerBound..<value.range.upperBound)
        case .keyword(.import):
            let token = advance()
            guard functionDepth == 0 && blockDepth == 0 else {
                throw ExpressionFailure("'import' is only allowed at the top level of an {eval} block", at: token.range)
            }
            guard case .string(let path) = peek.kind else {
                throw unexpected(peek, expecting: "a quoted file name after 'import', e.g. import \"_shared.md\"")
            }
            let pathToken = advance()
            return .importFile(path: path, range: pathToken.range)
        case .keyword(.else):
            throw ExpressionFailure("'else' must follow the '}' of an 'if'", at: peek.range)
        case .identifier(let word) where Self.pythonStatements[word] != nil && !tokens[current + 1].is(.assign):
            throw ExpressionFailure(Self.pythonStatements[word]!, at: peek.range)
        case .identifier("assert") where tokens[current + 1].is(.leftParen):
            advance()
            advance()
            let condition = try parseExpression()
            var message: Expr?
            if peek.is(.comma) {
                advance()
                message = try parseExpression()
            }
            try expect(.rightParen, "')' to close 'assert('")
            return .assertion(condition: condition, message: message)
        default:
            let expr = try parseExpression()
            if case .punctuation(let p) = peek.kind, p == .assign || p.compoundOperator != nil {
                let opToken = advance()
                try checkAssignable(expr)
                if case .name(let name) = expr.node { poisons = (name, expr.range) }
                let value = try parseExpression()
                return .assignment(target: expr, op: p.compoundOperator, value: value, operatorRange: opToken.range)
            }
            return .expression(expr)
        }
    }

    /// The names that `let`, `var` and `func` declare among `tokens[range]` (also `let (a, b)`).
    private func declarations(in range: Range<Int>) -> [(name: String, range: Range<Int>)] {
        var names: [(name: String, range: Range<Int>)] = []
        for i in range where tokens[i].kind == .keyword(.let) || tokens[i].kind == .keyword(.var) || tokens[i].kind == .keyword(.func) {
            var j = i + 1
            if tokens[j].is(.leftParen) { j += 1 }
            while j < range.upperBound, case .identifier(let name) = tokens[j].kind {
                names.append((name, tokens[j].range))
                guard tokens[j + 1].is(.comma) else { break }
                j += 2
            }
        }
        return names
    }

    /// Python statements an author may reach for, with what to write instead.
    private static let pythonStatements: [String: String] = [
        "def": "use 'func name(_ x: Double) -> Double { ... }' instead of Python's 'def'",
        "elif": "write 'else if' instead of Python's 'elif'",
        "lambda": "write a closure '{ x in x * 2 }' instead of Python's 'lambda'",
        "pass": "an empty body is written '{ }'; Swift has no 'pass'",
        // Swift statements outside the lesson language.
        "guard": "the lesson language has no 'guard'; write 'if !(condition) { return ... }'",
        "switch": "the lesson language has no 'switch'; write 'if x == a { ... } else if x == b { ... } else { ... }'",
        "repeat": "the lesson language has no 'repeat { } while'; write 'while condition { ... }'",
        "struct": "a lesson cannot declare types; group values in a tuple with labels, e.g. (row: 1, col: 2)",
        "class": "a lesson cannot declare types; group values in a tuple with labels, e.g. (row: 1, col: 2)",
        "enum": "a lesson cannot declare types; group values in a tuple with labels, e.g. (row: 1, col: 2)",
        "do": "the lesson language has no 'do'/'catch'; attempt(EXPR) gives a failure's message as a String",
    ]

    /// Only names and their elements can be assigned: `x = 1`, `grid[i, j] = 0.5`.
    private func checkAssignable(_ target: Expr) throws(ExpressionFailure) {
        switch target.node {
        case .name: return
        case .subscripted(let base, _): try checkAssignable(base)
        case .member(_, let name, let nameRange):
            throw ExpressionFailure("'\(name)' cannot be assigned; build a new value with 'let'", at: nameRange)
        default:
            throw ExpressionFailure("only a 'var' name or its elements can be assigned (x = ..., x[i, j] = ...)", at: target.range)
        }
    }

    /// `let name = v`, `var name: T = v`, `let (a, b) = v`.
    private mutating func parseBinding(poisons: inout (name: String, range: Range<Int>)?) throws(ExpressionFailure) -> Statement {
        let keyword = advance()
        let isVar = keyword.kind == .keyword(.var)
        let word = isVar ? "var" : "let"
        if peek.is(.leftParen) {
            advance()
            var names: [(String, Range<Int>)] = []
            repeat {
                if !names.isEmpty { advance() }
                guard case .identifier(let name) = peek.kind else { throw unexpected(peek, expecting: "a name in '\(word) (a, b) = ...'") }
                names.append((name, advance().range))
            } while peek.is(.comma)
            try expect(.rightParen, "')' after the names")
            guard peek.is(.assign) else { throw unexpected(peek, expecting: "'=' after '\(word) (...)'") }
            advance()
            return .destructuring(names: names, value: try parseExpression(), isVar: isVar)
        }
        guard case .identifier(let name) = peek.kind else {
            throw unexpected(peek, expecting: "a name after '\(word)'")
        }
        let nameRange = advance().range
        poisons = (name, nameRange)
        var type: TypeAnnotation?
        if peek.is(.colon) {
            advance()
            type = try parseType()
        }
        guard peek.is(.assign) else {
            if peek.kind == .newline || peek.kind == .end {
                throw ExpressionFailure("'\(word) \(name)' needs a value: \(word) \(name) = ...", at: nameRange)
            }
            throw unexpected(peek, expecting: "'=' after '\(word) \(name)'")
        }
        advance()
        return .binding(name: name, nameRange: nameRange, value: try parseExpression(), isVar: isVar, type: type)
    }

    /// `func name(_ a: T, label b: T = d) -> T { … }`.
    private mutating func parseFunction(poisons: inout (name: String, range: Range<Int>)?) throws(ExpressionFailure) -> FunctionDeclaration {
        advance()
        guard case .identifier(let name) = peek.kind else { throw unexpected(peek, expecting: "a function name after 'func'") }
        let nameRange = advance().range
        poisons = (name, nameRange)
        try expect(.leftParen, "'(' and the parameters after 'func \(name)'")
        var parameters: [FunctionDeclaration.Parameter] = []
        while !peek.is(.rightParen) {
            if !parameters.isEmpty {
                try expect(.comma, "',' or ')' in the parameter list")
            }
            guard case .identifier(let first) = peek.kind else { throw unexpected(peek, expecting: "a parameter name") }
            let firstToken = advance()
            var label: String? = first
            var parameterName = first
            var range = firstToken.range
            if case .identifier(let second) = peek.kind {
                let secondToken = advance()
                label = first == "_" ? nil : first
                parameterName = second
                range = secondToken.range
            } else if first == "_" {
                throw unexpected(peek, expecting: "a parameter name after '_'")
            }
            if parameters.contains(where: { $0.name == parameterName }) {
                throw ExpressionFailure("parameter '\(parameterName)' is declared twice", at: range)
            }
            var type: TypeAnnotation?
            if peek.is(.colon) {
                advance()
                type = try parseType()
            }
            var defaultValue: Expr?
            if peek.is(.assign) {
                advance()
                defaultValue = try parseExpression()
            }
            parameters.append(.init(label: label, name: parameterName, range: range, type: type, defaultValue: defaultValue))
        }
        advance()
        var result: TypeAnnotation?
        if peek.is(.arrow) {
            advance()
            result = try parseType()
        }
        let savedLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        defer { loopDepth = savedLoops; functionDepth -= 1 }
        let body = try parseBody(isLoop: false)
        return FunctionDeclaration(name: name, nameRange: nameRange, parameters: parameters, result: result, body: body)
    }

    /// `Int`, `[Double]`, `(Int, Int)`.
    private mutating func parseType() throws(ExpressionFailure) -> TypeAnnotation {
        let start = peek.range
        if peek.is(.leftBracket) {
            advance()
            let element = try parseType()
            let close = try expect(.rightBracket, "']' to close the list type")
            return .list(element, range: start.lowerBound..<close.range.upperBound)
        }
        if peek.is(.leftParen) {
            advance()
            var items: [TypeAnnotation] = []
            while !peek.is(.rightParen) {
                if !items.isEmpty { try expect(.comma, "',' or ')' in the tuple type") }
                if case .identifier = peek.kind, tokens[current + 1].is(.colon) { advance(); advance() }  // a label
                items.append(try parseType())
            }
            let close = advance()
            return .tuple(items, range: start.lowerBound..<close.range.upperBound)
        }
        guard case .identifier(let name) = peek.kind else { throw unexpected(peek, expecting: "a type such as Int or Double") }
        let token = advance()
        guard TypeAnnotation.known.contains(name) else {
            var message = "unknown type '\(name)'; the types are Int, Double, Bool, String, Tensor, Function, Any, [T] and (T, U)"
            if let hint = ["float": "Double", "Float": "Double", "int": "Int", "bool": "Bool", "str": "String", "list": "[T]"][name] {
                message += "; write '\(hint)'"
            }
            throw ExpressionFailure(message, at: token.range)
        }
        return .named(name, range: token.range)
    }

    /// `if c { … } else if d { … } else { … }`.
    private mutating func parseIf() throws(ExpressionFailure) -> Statement {
        var branches: [(condition: Expr, body: Block)] = []
        var otherwise: Block?
        advance()
        while true {
            let condition = try parseCondition()
            branches.append((condition, try parseBody(isLoop: false)))
            let save = current
            skipNewlines()
            guard peek.kind == .keyword(.else) else {
                current = save
                break
            }
            advance()
            if peek.kind == .keyword(.if) {
                advance()
                continue
            }
            otherwise = try parseBody(isLoop: false)
            break
        }
        return .conditional(branches: branches, otherwise: otherwise)
    }

    /// `for x in seq { … }`, `for (i, x) in seq.enumerated() { … }`.
    private mutating func parseFor() throws(ExpressionFailure) -> Statement {
        let keyword = advance()
        var names: [(String, Range<Int>)] = []
        var isTuple = false
        if peek.is(.leftParen) {
            isTuple = true
            advance()
            repeat {
                if !names.isEmpty { advance() }
                guard case .identifier(let name) = peek.kind else { throw unexpected(peek, expecting: "a name in 'for (a, b) in'") }
                names.append((name, advance().range))
            } while peek.is(.comma)
            try expect(.rightParen, "')' after the loop names")
        } else {
            guard case .identifier(let name) = peek.kind else { throw unexpected(peek, expecting: "a name after 'for'") }
            names.append((name, advance().range))
            if peek.is(.comma) {
                throw ExpressionFailure("write the names in parentheses: for (i, x) in seq.enumerated()", at: peek.range)
            }
        }
        guard peek.kind == .keyword(.in) else { throw unexpected(peek, expecting: "'in' after the loop name") }
        advance()
        let sequence = try parseCondition()
        let body = try parseBody(isLoop: true)
        return .loop(pattern: names, isTuple: isTuple, sequence: sequence, body: body, keywordRange: keyword.range)
    }

    /// An expression before a body's `{`: trailing closures are not read here.
    private mutating func parseCondition() throws(ExpressionFailure) -> Expr {
        let saved = noTrailingClosure
        noTrailingClosure = true
        defer { noTrailingClosure = saved }
        return try parseExpression()
    }

    /// `{ statements }` of an `if`, a loop or a function.
    private mutating func parseBody(isLoop: Bool) throws(ExpressionFailure) -> Block {
        guard peek.is(.leftBrace) else {
            if peek.is(.colon) {
                throw ExpressionFailure("Swift puts a body in braces: write '{ ... }' instead of ':'", at: peek.range)
            }
            throw unexpected(peek, expecting: "'{' to open the body")
        }
        if isLoop { loopDepth += 1 }
        defer { if isLoop { loopDepth -= 1 } }
        return try parseBraced()
    }

    /// The statements from `{` to its `}`.
    private mutating func parseBraced() throws(ExpressionFailure) -> Block {
        let openIndex = current
        let open = advance()
        try nest(at: open.range)
        blockDepth += 1
        let savedCondition = noTrailingClosure
        noTrailingClosure = false
        defer { depth -= 1; blockDepth -= 1; noTrailingClosure = savedCondition }
        var statements: [Statement] = []
        while true {
            skipNewlines()
            if peek.is(.rightBrace) { break }
            if peek.kind == .end {
                unclosedBrace = openIndex
                throw ExpressionFailure("'{' is never closed; add '}'", at: open.range)
            }
            var ignored: (name: String, range: Range<Int>)?
            statements.append(try parseStatement(poisons: &ignored))
        }
        let close = advance()
        return Block(statements: statements, range: open.range.lowerBound..<close.range.upperBound)
    }

    /// `{ a, b in … }`, `{ (a, b) in … }` or `{ $0 * 2 }`.
    private mutating func parseClosure() throws(ExpressionFailure) -> Expr {
        let openIndex = current
        var parameters: [(String, Range<Int>)] = []
        var look = current + 1
        while tokens[look].kind == .newline { look += 1 }
        let parenthesized = tokens[look].is(.leftParen)
        if parenthesized { look += 1 }
        var names: [(String, Range<Int>)] = []
        while case .identifier(let name) = tokens[look].kind {
            names.append((name, tokens[look].range))
            look += 1
            if tokens[look].is(.comma) { look += 1 } else { break }
        }
        if parenthesized && tokens[look].is(.rightParen) { look += 1 }
        let hasParameters = tokens[look].kind == .keyword(.in) && (!names.isEmpty || parenthesized)
        if hasParameters { parameters = names }
        let savedLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        defer { loopDepth = savedLoops; functionDepth -= 1 }
        var body: Block
        if hasParameters {
            // Parse the body from after `in` as if it followed the `{`.
            let open = tokens[openIndex]
            current = look
            body = try parseBraced()
            body.range = open.range.lowerBound..<body.range.upperBound
        } else {
            body = try parseBraced()
        }
        return try make(.closure(Expr.Closure(parameters: parameters, body: body)), body.range)
    }

    /// Skips the rest of a statement that failed to parse: to the next line break outside the
    /// braces the statement opened.
    private mutating func skipStatement(from start: Int) {
        var balance = 0
        for token in tokens[start..<current] {
            if token.is(.leftBrace) { balance += 1 } else if token.is(.rightBrace) { balance -= 1 }
        }
        while peek.kind != .end {
            if peek.kind == .newline && balance <= 0 { return }
            if peek.is(.leftBrace) { balance += 1 } else if peek.is(.rightBrace) { balance -= 1 }
            advance()
        }
    }

    // MARK: - Expressions

    mutating func parseExpression() throws(ExpressionFailure) -> Expr {
        let condition = try parseBinary(level: 0)
        if peek.kind == .keyword(.if) { throw pythonConditional(after: condition) }
        guard peek.is(.question) else { return condition }
        let question = advance()
        try nest(at: question.range)
        defer { depth -= 1 }
        let whenTrue = try parseExpression()
        try expect(.colon, "':' in 'condition ? a : b'")
        let whenFalse = try parseExpression()
        return try make(.ternary(condition, whenTrue, whenFalse), condition.range.lowerBound..<whenFalse.range.upperBound)
    }

    /// Python's `a if c else b`, read far enough to say the Swift spelling: `c ? a : b`.
    private mutating func pythonConditional(after value: Expr) -> ExpressionFailure {
        let keyword = advance()
        let generic = ExpressionFailure("Swift writes a conditional value as 'condition ? a : b', not Python's 'a if condition else b'",
                                        at: keyword.range)
        guard let condition = try? parseBinary(level: 0), peek.kind == .keyword(.else) else { return generic }
        advance()
        guard let other = try? parseBinary(level: 0) else { return generic }
        let source = self.source
        let text = { (e: Expr) in String(decoding: source[e.range.clamped(to: 0..<source.count)], as: UTF8.self) }
        return ExpressionFailure("Swift writes a conditional value as 'condition ? a : b': write '\(text(condition)) ? \(text(value)) : "
                                 + "\(text(other))' instead of Python's 'a if condition else b'", at: keyword.range)
    }

    private static let levels: [[Token.Punctuation]] = [
        [.or], [.and], [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual],
        [.halfOpenRange, .closedRange], [.plus, .minus], [.star, .slash, .percent],
    ]

    /// The level of the range operators `..<` and `...`.
    private static let rangeLevel = 3

    private mutating func parseBinary(level: Int) throws(ExpressionFailure) -> Expr {
        guard level < Self.levels.count else { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        if level == Self.rangeLevel {
            guard peek.is(.halfOpenRange) || peek.is(.closedRange) else { return left }
            // `a...` closing a subscript is a one-sided range, read by parseIndex.
            let after = tokens[current + 1]
            if peek.is(.closedRange) && (after.is(.comma) || after.is(.rightBracket) || after.is(.rightParen)) { return left }
            let op = advance()
            let right = try parseBinary(level: level + 1)
            if peek.is(.halfOpenRange) || peek.is(.closedRange) {
                throw ExpressionFailure("ranges cannot be chained", at: peek.range)
            }
            return try make(.range(left, right, closed: op.is(.closedRange)), left.range.lowerBound..<right.range.upperBound)
        }
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
            } else if peek.is(.leftBrace) && !noTrailingClosure {
                // A trailing closure: `xs.map { $0 * 2 }`, `xs.reduce(0) { $0 + $1 }`.
                let closure = try parseClosure()
                let argument = Expr.Argument(label: nil, labelRange: nil, value: closure, isTrailingClosure: true)
                if case .call(let callee, let arguments, let closeRange) = expr.node {
                    expr = try make(.call(callee: callee, arguments: arguments + [argument], closeRange: closeRange),
                                    expr.range.lowerBound..<closure.range.upperBound)
                } else {
                    expr = try make(.call(callee: expr, arguments: [argument], closeRange: closure.range),
                                    expr.range.lowerBound..<closure.range.upperBound)
                }
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
        let savedCondition = noTrailingClosure
        noTrailingClosure = false
        defer { depth -= 1; noTrailingClosure = savedCondition }
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
        if case .range(let a, let b, let closed) = lower.node {
            return .range(lower: a, upper: b, closed: closed, range: lower.range)
        }
        if peek.is(.closedRange) {
            let op = advance()
            return .range(lower: lower, upper: nil, closed: true, range: start..<op.range.upperBound)
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
        case .identifier("attempt") where tokens[current + 1].is(.leftParen):
            advance()
            let open = advance()
            try nest(at: open.range)
            defer { depth -= 1 }
            if peek.is(.rightParen) { throw ExpressionFailure("attempt(_:) needs an expression: attempt(EXPR)", at: peek.range) }
            let inner = try parseExpression()
            if peek.is(.comma) { throw ExpressionFailure("attempt(_:) takes one expression", at: peek.range) }
            let close = try expect(.rightParen, "')' to close 'attempt('")
            return try make(.attempt(inner), token.range.lowerBound..<close.range.upperBound)
        case .identifier(let name): advance(); return Expr(.name(name), token.range)
        case .punctuation(.leftBrace): return try parseClosure()
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
        let savedCondition = noTrailingClosure
        noTrailingClosure = false
        defer { depth -= 1; noTrailingClosure = savedCondition }
        var items: [Expr] = []
        var labels: [String?] = []
        var sawComma = false
        while !peek.is(.rightParen) {
            if !items.isEmpty {
                try expect(.comma, "',' or ')'")
                sawComma = true
                if peek.is(.rightParen) { break }
            }
            // `(row: 1, col: 2)`: a Swift tuple label.
            if case .identifier(let label) = peek.kind, tokens[current + 1].is(.colon) {
                if labels.contains(label) { throw ExpressionFailure("the tuple has two elements labelled '\(label)'", at: peek.range) }
                labels.append(label)
                advance()
                advance()
            } else {
                labels.append(nil)
            }
            items.append(try parseExpression())
        }
        let close = advance()
        let range = open.range.lowerBound..<close.range.upperBound
        if items.count == 1 && !sawComma && labels[0] == nil {
            var inner = items[0]
            inner.range = range
            return inner
        }
        return try make(.tuple(items, labels: labels.contains { $0 != nil } ? labels : []), range)
    }

    private mutating func parseArray() throws(ExpressionFailure) -> Expr {
        let open = advance()
        try nest(at: open.range)
        let savedCondition = noTrailingClosure
        noTrailingClosure = false
        defer { depth -= 1; noTrailingClosure = savedCondition }
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
        if token.is(.plus), current > 0, tokens[current - 1].is(.plus) {
            return ExpressionFailure("Swift has no '++'; write 'x += 1'", at: tokens[current - 1].range)
        }
        if token.is(.question), current > 0, tokens[current - 1].is(.question) {
            return ExpressionFailure("lesson values are never nil, so Swift's '??' is not needed; write the value itself",
                                     at: tokens[current - 1].range)
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

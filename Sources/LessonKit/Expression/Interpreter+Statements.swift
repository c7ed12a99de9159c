import CNNKernels

/// How a statement finished: normally, or by `return`, `break` or `continue`, which the
/// enclosing function or loop consumes.
enum Completion {
    case normal
    case returned(Value)
    case breakLoop
    case continueLoop
}

extension Interpreter {
    /// Runs statements in the current scope; `func`s among them are visible to the whole list.
    func execute(_ statements: [Statement], bytes: [UInt8]) throws(ExpressionFailure) -> Completion {
        for statement in statements {
            if case .function(let declaration) = statement { try declareFunction(declaration) }
        }
        for statement in statements {
            if case .function = statement { continue }
            let completion = try execute(statement, bytes: bytes)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    /// Runs a `{ … }` body in a new scope nested in the current one.
    func execute(_ block: Block, bytes: [UInt8]) throws(ExpressionFailure) -> Completion {
        let saved = scope
        scope = Scope(parent: saved)
        defer { scope = saved }
        return try execute(block.statements, bytes: bytes)
    }

    func execute(_ statement: Statement, bytes: [UInt8]) throws(ExpressionFailure) -> Completion {
        try step(at: statement.range)
        switch statement {
        case .binding(let name, let nameRange, let valueExpr, let isVar, let type):
            try bind(name, nameRange, valueExpr, isVar: isVar, type: type)
        case .destructuring(let names, let valueExpr, let isVar):
            try destructure(names, valueExpr, isVar: isVar)
        case .assignment(let target, let op, let valueExpr, let operatorRange):
            try assign(target, op: op, valueExpr, operatorRange: operatorRange)
        case .assertion(let condition, let message):
            try check(condition, message: message, bytes: bytes)
        case .expression(let expr):
            try evaluateForEffect(expr)
        case .conditional(let branches, let otherwise):
            for branch in branches where try condition(branch.condition, in: "if") {
                return try execute(branch.body, bytes: bytes)
            }
            if let otherwise { return try execute(otherwise, bytes: bytes) }
        case .loop(let pattern, let isTuple, let sequenceExpr, let body, let keywordRange):
            return try runFor(pattern, isTuple: isTuple, sequenceExpr, body, keywordRange: keywordRange, bytes: bytes)
        case .whileLoop(let conditionExpr, let body, let keywordRange):
            return try runWhile(conditionExpr, body, keywordRange: keywordRange, bytes: bytes)
        case .breakLoop: return .breakLoop
        case .continueLoop: return .continueLoop
        case .returnValue(let valueExpr, _):
            guard let valueExpr else { return .returned(.tuple([])) }
            return .returned(try eval(valueExpr))
        case .function(let declaration):
            try declareFunction(declaration)
        case .importFile(let path, let range):
            try importFile(path, at: range)
        case .invalid(let failure, _):
            throw failure
        }
        return .normal
    }

    /// `let name: T = value` / `var name = value`.
    @inline(never)
    private func bind(_ name: String, _ nameRange: Range<Int>, _ valueExpr: Expr, isVar: Bool,
                      type: TypeAnnotation?) throws(ExpressionFailure) {
        var value = try eval(valueExpr)
        try requireValue(value, at: valueExpr.range, isVar: isVar)
        if let type {
            guard let admitted = type.admit(value) else {
                throw ExpressionFailure("'\(name)' is declared \(type) but the value is \(value.typeDescription)"
                                        + conversionHint(for: type, value), at: valueExpr.range)
            }
            value = admitted
        }
        try declare(name, value, at: nameRange, valueRange: valueExpr.range, isVar: isVar)
    }

    /// `let (a, b) = value`.
    @inline(never)
    private func destructure(_ names: [(String, Range<Int>)], _ valueExpr: Expr, isVar: Bool) throws(ExpressionFailure) {
        let value = try eval(valueExpr)
        guard case .tuple(let items, _) = value, items.count == names.count else {
            throw ExpressionFailure("cannot destructure \(value.typeDescription) into \(names.count) names; "
                                    + "the value must be a tuple of \(names.count) elements", at: valueExpr.range)
        }
        for ((name, range), item) in zip(names, items) where name != "_" {
            try declare(name, item, at: range, isVar: isVar)
        }
    }

    /// `while condition { body }`.
    @inline(never)
    private func runWhile(_ conditionExpr: Expr, _ body: Block, keywordRange: Range<Int>, bytes: [UInt8]) throws(ExpressionFailure) -> Completion {
        while try condition(conditionExpr, in: "while") {
            try iterate(at: keywordRange)
            switch try execute(body, bytes: bytes) {
            case .breakLoop: return .normal
            case .returned(let v): return .returned(v)
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    /// The bare expression statement: a call whose value is dropped.
    @inline(never)
    private func evaluateForEffect(_ expr: Expr) throws(ExpressionFailure) {
        guard isCallForEffect(expr) else {
            if scope === globals {
                throw ExpressionFailure(
                    "an {eval} block does not show values; bind this one with 'let name = ...' or show it in prose with {{ }}",
                    at: expr.range)
            }
            throw ExpressionFailure("this value is not used; write 'return' before it to return it, or bind it with 'let'",
                                    at: expr.range)
        }
        _ = try eval(expr)
    }

    /// A call whose value may be dropped (`xs.append(1)`, `f()`); any other bare value is a mistake.
    private func isCallForEffect(_ expr: Expr) -> Bool {
        if case .call = expr.node { return true }
        if case .attempt = expr.node { return true }
        return false
    }

    /// A condition's Bool, with a message for anything else.
    func condition(_ expr: Expr, in construct: String) throws(ExpressionFailure) -> Bool {
        let value = try eval(expr)
        guard let truth = value.truth else {
            var message = "the condition of '\(construct)' must be a Bool, got \(value.typeDescription)"
            switch value {
            case .tensor: message += "; use .all() or .any()"
            case .int, .double, .numpy: message += "; compare it, e.g. x != 0"
            case .list: message += "; test its count, e.g. xs.count > 0"
            default: break
            }
            throw ExpressionFailure(message, at: expr.range)
        }
        return truth
    }

    /// A closure cannot stand where a value is needed by `let`; a function value can only be bound
    /// to a `let` (it is called, not changed).
    private func requireValue(_ value: Value, at range: Range<Int>, isVar: Bool) throws(ExpressionFailure) {
        if case .function = value, isVar {
            throw ExpressionFailure("a function cannot be a 'var'; bind it with 'let' or declare it with 'func'", at: range)
        }
    }

    /// Binds `name` in the current scope: top-level names once per lesson, local names once per block.
    func declare(_ name: String, _ value: Value, at range: Range<Int>, valueRange: Range<Int>? = nil,
                 isVar: Bool) throws(ExpressionFailure) {
        if name == "attempt" || TypeAnnotation.known.contains(name) && name != "Any" {
            throw ExpressionFailure("'\(name)' is reserved; choose another name", at: range)
        }
        if scope === globals {
            try declareGlobal(name, value, at: range, valueRange: valueRange, isVar: isVar)
            return
        }
        if scope.entry(name) != nil {
            throw ExpressionFailure("'\(name)' is already declared in this block; change it with '\(name) = ...' "
                                    + "(declared with 'var') or choose another name", at: range)
        }
        scope.set(name, .init(binding: .value(value), line: locate?(range.lowerBound).line ?? 0, isVar: isVar, block: nil))
    }

    /// `func name(...)`: a function value bound like a `let`, closing over the current scope.
    func declareFunction(_ declaration: FunctionDeclaration) throws(ExpressionFailure) {
        let function = Function(declaration: declaration, captured: scope, locate: locate, path: sourcePath)
        try declare(declaration.name, .function(function), at: declaration.nameRange, isVar: false)
    }

    /// "; write Int(x)" when a conversion would give the declared type.
    func conversionHint(for type: TypeAnnotation, _ value: Value) -> String {
        guard case .named(let name, _) = type else { return "" }
        switch (name, value) {
        case ("Int", .double), ("Int", .numpy(.float)): return "; convert it with Int(...)"
        case ("Double", .numpy(.int)): return "; convert it with Double(...)"
        default: return ""
        }
    }

    // MARK: - Loops

    @inline(never)
    private func runFor(_ pattern: [(String, Range<Int>)], isTuple: Bool, _ sequenceExpr: Expr, _ body: Block,
                        keywordRange: Range<Int>, bytes: [UInt8]) throws(ExpressionFailure) -> Completion {
        let sequence = try characters(try eval(sequenceExpr), at: sequenceExpr.range)
        let count = try sequenceCount(sequence, at: sequenceExpr.range)
        for index in 0..<count {
            try iterate(at: keywordRange)
            let item = try element(of: sequence, at: index, range: sequenceExpr.range)
            let saved = scope
            scope = Scope(parent: saved)
            defer { scope = saved }
            if isTuple {
                guard case .tuple(let parts, _) = item, parts.count == pattern.count else {
                    throw ExpressionFailure("each element is \(item.typeDescription), which cannot be split into "
                                            + "\(pattern.count) names; loop over seq.enumerated() for (index, element) pairs",
                                            at: sequenceExpr.range)
                }
                for ((name, range), part) in zip(pattern, parts) where name != "_" {
                    try declare(name, part, at: range, isVar: false)
                }
            } else if let (name, range) = pattern.first, name != "_" {
                try declare(name, item, at: range, isVar: false)
            }
            switch try execute(body.statements, bytes: bytes) {
            case .breakLoop: return .normal
            case .returned(let v): return .returned(v)
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    /// How many elements `for` visits: a range's Ints, a list's or tuple's items, a tensor's first axis.
    func sequenceCount(_ sequence: Value, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        switch sequence {
        case .range(let lower, let upper): return max(0, upper - lower)
        case .list(let items), .tuple(let items, _): return items.count
        case .tensor(let t):
            guard t.rank > 0 else { throw ExpressionFailure("cannot iterate over a 0-d tensor", at: range) }
            return t.shape[0]
        case .string(let s): return s.count
        case .int(let n), .numpy(.int(let n)):
            throw ExpressionFailure("cannot loop over \(sequence.typeDescription) \(n); to repeat \(n) times write 'for i in 0..<\(n)'",
                                    at: range)
        default:
            throw ExpressionFailure("cannot loop over \(sequence.typeDescription); loop over a range (0..<n), a list, a tuple or a tensor",
                                    at: range)
        }
    }

    /// A string as the list of its characters (each a String), so loops over it index in O(1).
    private func characters(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        guard case .string(let s) = value else { return value }
        guard s.utf8.count <= limits.maxListElements else {
            throw ExpressionFailure("string is too long to loop over (limit \(limits.maxListElements) characters)", at: range, kind: .limit)
        }
        return .list(s.map { .string(String($0)) })
    }

    /// Element `index` of a sequence `sequenceCount` accepted; a 1-D tensor gives NumPy scalars.
    func element(of sequence: Value, at index: Int, range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch sequence {
        case .range(let lower, _): return .int(lower + index)
        case .list(let items), .tuple(let items, _): return items[index]
        case .tensor(let t):
            let row = try kernelCall(at: range) { () throws(KernelError) in try t.indexed([.position(index)]) }
            try chargeWork(row.count, at: range)
            return row.rank == 0 ? .numpy(row.scalar(at: 0)) : .tensor(row)
        default: return .tuple([])
        }
    }

    /// All elements of a sequence (for `map`, `filter`, …), bounded by `maxListElements`.
    func elements(of value: Value, at range: Range<Int>) throws(ExpressionFailure) -> [Value] {
        let sequence = try characters(value, at: range)
        let count = try sequenceCount(sequence, at: range)
        guard count <= limits.maxListElements else {
            throw ExpressionFailure("sequence is too long (\(count) elements; the limit is \(limits.maxListElements))",
                                    at: range, kind: .limit)
        }
        var out: [Value] = []
        out.reserveCapacity(count)
        for i in 0..<count { out.append(try element(of: sequence, at: i, range: range)) }
        return out
    }

    // MARK: - Import

    private func importFile(_ path: String, at range: Range<Int>) throws(ExpressionFailure) {
        guard let importer, let locate else {
            throw ExpressionFailure("'import' is not available here", at: range)
        }
        let imported: ImportedNames
        do {
            imported = try importer(path, locate(range.lowerBound))
        } catch {
            if failedImport == nil { failedImport = path }
            var failure = ExpressionFailure(error.message, at: range, kind: error.isCascade ? .cascade : .error)
            failure.resolved = error
            throw failure
        }
        let line = locate(range.lowerBound).line
        for (name, value) in imported.values {
            if let existing = globals.entry(name) {
                throw ExpressionFailure("'\(name)' from \"\(path)\" is already bound at line \(existing.line)", at: range)
            }
            if let value {
                try declareGlobal(name, value, at: range, isVar: false)
                if var entry = globals.entry(name) {
                    entry.importedFrom = path
                    globals.set(name, entry)
                }
            } else {
                poison(name, line: line)
            }
        }
        if imported.failed {
            throw ExpressionFailure("\"\(path)\" has errors", at: range, kind: .cascade)
        }
    }
}

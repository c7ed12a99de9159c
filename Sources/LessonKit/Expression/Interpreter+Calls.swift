import CNNKernels

/// Calls: one path for built-ins, `func`s and closures.
///
///     relu(x)                      a built-in, found after the lesson's own names
///     area(3, by: 2)               a func, with its labels and defaults
///     xs.map { $0 * 2 }            a method with a trailing closure
///     xs.append(4)                 a mutating method on a `var` list
extension Interpreter {
    func call(_ callee: Expr, _ arguments: [Expr.Argument], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch callee.node {
        case .name(let name): return try callName(name, callee, arguments, at: range)
        case .member(let base, let name, let nameRange): return try callMember(base, name, nameRange, arguments, at: range)
        default:
            let value = try eval(callee)
            guard case .function(let function) = value else {
                throw ExpressionFailure("only functions and methods can be called", at: callee.range)
            }
            return try callFunction(function, arguments, at: range)
        }
    }

    /// `name(...)`: the innermost binding of `name` (or the built-in) must be a function.
    @inline(never)
    private func callName(_ name: String, _ callee: Expr, _ arguments: [Expr.Argument],
                          at range: Range<Int>) throws(ExpressionFailure) -> Value {
        let value: Value
        do {
            value = try lookup(name, at: callee.range)
        } catch where error.kind == .error && !isBound(name) {
            var message = "unknown function '\(name)'"
            if let hint = Self.pythonNames[name] {
                message += "; \(hint)"
            } else if let guess = closestName(to: name, among: visibleNames + Array(Builtins.functions.keys)) {
                message += "; did you mean '\(guess)'?"
            }
            throw ExpressionFailure(message, at: callee.range)
        }
        guard case .function(let function) = value else {
            var message = "'\(name)' is \(value.article) \(value.kindName), not a function"
            if let builtin = Builtins.functions[name] {
                message += "; the lesson's own '\(name)' hides the built-in \(builtin.signature); rename one of them"
            }
            throw ExpressionFailure(message, at: callee.range)
        }
        return try callFunction(function, arguments, at: range)
    }

    /// `x.method(...)`: `append` on a var list, a function stored in a record, a sequence or tensor method.
    @inline(never)
    private func callMember(_ base: Expr, _ name: String, _ nameRange: Range<Int>, _ arguments: [Expr.Argument],
                            at range: Range<Int>) throws(ExpressionFailure) -> Value {
        if name == "append" { return try append(to: base, arguments, at: nameRange.lowerBound..<range.upperBound) }
        let receiver = try eval(base)
        if case .record = receiver, case .function(let function)? = receiver.field(name) {
            return try callFunction(function, arguments, at: range)
        }
        guard let method = Builtins.method(name, for: receiver) else {
            if (try? member(of: receiver, name, at: nameRange)) != nil {
                throw ExpressionFailure("'\(name)' is a property, not a method; write it without '()'", at: nameRange)
            }
            throw noMember(receiver, name, at: nameRange)
        }
        // Method failures point at the method name: `feature_map.sum(axis: 2)` reports at `sum`.
        let methodRange = nameRange.lowerBound..<range.upperBound
        let (values, ranges) = try argumentValues(method, arguments, at: methodRange)
        let result = try invokeBuiltin(method, receiver: receiver, values: values, ranges: ranges, at: methodRange)
        // NumPy's methods on arrays give NumPy scalars (`x.sum()` is `np.float64(…)`), except `tolist`/`item`.
        if case .tensor = receiver, !Builtins.pythonResultMethods.contains(name) { return result.numpyResult }
        return result
    }

    /// Matches the arguments to the function's parameters and evaluates them in the caller's scope.
    private func argumentValues(_ signature: Builtin, _ arguments: [Expr.Argument],
                                at range: Range<Int>) throws(ExpressionFailure) -> ([Value?], [Range<Int>?]) {
        let slots = try signature.bind(arguments, callRange: range)
        var values = [Value?](repeating: nil, count: slots.count)
        var ranges = [Range<Int>?](repeating: nil, count: slots.count)
        for (parameter, slot) in slots.enumerated() {
            guard let slot else { continue }
            values[parameter] = try eval(arguments[slot].value)
            ranges[parameter] = arguments[slot].value.range
        }
        return (values, ranges)
    }

    /// Calls `function` with argument expressions written at a call site.
    func callFunction(_ function: Function, _ arguments: [Expr.Argument], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        if case .closure = function.body, let labeled = arguments.first(where: { $0.label != nil }) {
            throw ExpressionFailure("a closure takes unlabeled arguments; remove '\(labeled.label ?? ""):'", at: labeled.range)
        }
        let (values, ranges) = try argumentValues(function.signature, arguments, at: range)
        return try invoke(function, values: values, ranges: ranges, at: range)
    }

    /// Calls `function` with values already computed, in parameter order (`map`, `filter`, `reduce`).
    func apply(_ function: Function, _ values: [Value], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        let parameters = function.signature.parameters
        let required = parameters.filter(\.isRequired).count
        guard values.count >= required && values.count <= parameters.count else {
            let what = function.name == "closure" ? "the closure" : function.signature.signature
            throw ExpressionFailure("\(what) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s") "
                                    + "but is called with \(values.count) here", at: range)
        }
        var padded: [Value?] = values
        padded += [Value?](repeating: nil, count: parameters.count - values.count)
        return try invoke(function, values: padded, ranges: padded.map { _ in nil }, at: range)
    }

    @inline(never)
    private func invoke(_ function: Function, values: [Value?], ranges: [Range<Int>?],
                            at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch function.body {
        case .builtin(let builtin):
            return try invokeBuiltin(builtin, receiver: nil, values: values, ranges: ranges, at: range)
        case .declared(let declaration, let captured):
            // Given arguments are checked against their annotations at the call site.
            var given = values
            for (i, parameter) in declaration.parameters.enumerated() {
                guard let type = parameter.type, let value = values[i] else { continue }
                guard let admitted = type.admit(value) else {
                    throw ExpressionFailure("argument '\(parameter.name)' of \(function.signature.signature) must be \(type), got "
                                            + value.typeDescription + conversionHint(for: type, value), at: ranges[i] ?? range)
                }
                given[i] = admitted
            }
            return try enter(function, captured: captured, at: range) { () throws(ExpressionFailure) -> Value in
                for (i, parameter) in declaration.parameters.enumerated() {
                    var value: Value
                    if let v = given[i] {
                        value = v
                    } else if let defaultValue = parameter.defaultValue {
                        value = try eval(defaultValue)
                        if let type = parameter.type {
                            guard let admitted = type.admit(value) else {
                                throw ExpressionFailure("the default of '\(parameter.name)' must be \(type), got \(value.typeDescription)",
                                                        at: defaultValue.range)
                            }
                            value = admitted
                        }
                    } else {
                        throw ExpressionFailure("\(function.signature.signature) is missing argument '\(parameter.name)'", at: range)
                    }
                    try declare(parameter.name, value, at: parameter.range, isVar: false)
                }
                let completion = try execute(declaration.body.statements, bytes: [])
                var result: Value = .tuple([])
                if case .returned(let v) = completion { result = v }
                if let type = declaration.result {
                    if case .normal = completion {
                        throw ExpressionFailure("\(function.signature.signature) ends without 'return' but is declared to return \(type)",
                                                at: declaration.body.range.upperBound - 1..<declaration.body.range.upperBound)
                    }
                    guard let admitted = type.admit(result) else {
                        throw ExpressionFailure("\(function.signature.signature) must return \(type), got "
                                                + result.typeDescription + conversionHint(for: type, result),
                                                at: returnRange(in: declaration.body) ?? declaration.nameRange)
                    }
                    result = admitted
                }
                return result
            }
        case .closure(let closure, _, let captured):
            return try enter(function, captured: captured, at: range) { () throws(ExpressionFailure) -> Value in
                // `{ a, b in … }` binds a and b; `{ $0 * 2 }` binds $0, $1, … up to its arity.
                let names = closure.parameters.isEmpty ? function.signature.parameters.map(\.name) : closure.parameters.map(\.0)
                for (name, value) in zip(names, values) where name != "_" {
                    scope.set(name, .init(binding: .value(value ?? .tuple([])), line: 0, isVar: false, block: nil))
                }
                // A closure whose body is one expression returns its value.
                if closure.body.statements.count == 1, case .expression(let e) = closure.body.statements[0] {
                    return try eval(e)
                }
                let completion = try execute(closure.body.statements, bytes: [])
                if case .returned(let v) = completion { return v }
                return .tuple([])
            }
        }
    }

    /// The first `return value` in a body, for messages about the result type.
    private func returnRange(in block: Block) -> Range<Int>? {
        for statement in block.statements {
            if case .returnValue(let v?, _) = statement { return v.range }
        }
        return nil
    }

    /// Runs a call of a lesson function in a new scope under `captured`, within the depth and stack
    /// limits; a failure inside it is located in the function's own source.
    @inline(never)
    private func enter(_ function: Function, captured: Scope, at range: Range<Int>,
                       _ body: () throws(ExpressionFailure) -> Value) throws(ExpressionFailure) -> Value {
        guard callDepth < limits.maxCallDepth else {
            throw ExpressionFailure("recursion is too deep (limit \(limits.maxCallDepth) nested calls); "
                                    + "check that the recursion reaches its base case", at: range, kind: .limit)
        }
        try iterate(at: range)
        try checkStack(at: range)
        callDepth += 1
        let saved = (scope, locate)
        let callerPath = sourcePath
        scope = Scope(parent: captured)
        if let own = function.locate { locate = own }
        defer {
            callDepth -= 1
            (scope, locate) = saved
        }
        do {
            return try body()
        } catch {
            // Locate the failure in the function's source before returning to a caller in another block.
            guard error.resolved == nil, let own = function.locate else { throw error }
            var located = error
            var resolved = error.located(by: own, path: function.path)
            if function.path != callerPath, let callerLocate = saved.1 {
                // A function from an imported file: also point at the call in this file.
                resolved.notes.append(.init(path: callerPath, location: callerLocate(range.lowerBound),
                                            message: "in the call of '\(function.name)' here"))
            }
            located.resolved = resolved
            throw located
        }
    }

    /// Runs a built-in with its argument values.
    func invokeBuiltin(_ builtin: Builtin, receiver: Value?, values: [Value?], ranges: [Range<Int>?],
                       at range: Range<Int>) throws(ExpressionFailure) -> Value {
        let call = Call(builtin: builtin, receiver: receiver, values: values, ranges: ranges, range: range, interpreter: self)
        let result = try builtin.body(call)
        if case .tensor(let t) = result { try chargeWork(t.count, at: range) }
        return result
    }

    // MARK: - Mutating methods

    /// `xs.append(v)` on a `var` list: changes the variable in place (amortized O(1)).
    private func append(to base: Expr, _ arguments: [Expr.Argument], at range: Range<Int>) throws(ExpressionFailure) -> Value {
        guard arguments.count == 1, arguments[0].label == nil else {
            throw ExpressionFailure("append(_:) takes one unlabeled argument: xs.append(value)", at: range)
        }
        let count = try listCount(base, at: range)
        let item = try eval(arguments[0].value)
        guard count < limits.maxListElements else {
            throw ExpressionFailure("list is too long (limit \(limits.maxListElements) elements)", at: range, kind: .limit)
        }
        try checkAssignable(base)
        if case .name(let name) = base.node, let (owner, _) = scope.find(name), case .list(var items)? = owner.take(name) {
            items.append(item)
            if owner.isTopLevel { assignedGlobals.insert(name) }
            owner.update(name, .list(items))
            return .tuple([])
        }
        guard case .list(var items) = try eval(base) else { return .tuple([]) }
        items.append(item)
        try store(.list(items), into: base, at: range)
        return .tuple([])
    }

    /// The length of the list `base` names, or the error for anything else.
    private func listCount(_ base: Expr, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        let current = try eval(base)
        guard case .list(let items) = current else {
            if case .tensor = current {
                throw ExpressionFailure("a tensor has no append (an array literal of numbers is a tensor); "
                                        + "start from a list: var xs: [Int] = [] or x.tolist()", at: range)
            }
            throw ExpressionFailure("append(_:) needs a list, got \(current.typeDescription)", at: range)
        }
        return items.count
    }
}

extension Value {
    /// "a" or "an" before `kindName`.
    var article: String {
        kindName.first.map { "AEIOUaeiou".contains($0) } == true ? "an" : "a"
    }

    /// A tensor method's result as NumPy gives it: scalars (also in a tuple) as NumPy scalars.
    var numpyResult: Value {
        switch self {
        case .int, .double, .bool: asNumPy
        case .tuple(let items, let labels): .tuple(items.map(\.asNumPy), labels: labels)
        default: self
        }
    }
}

/// A function value — a built-in, a `func` or a closure — called through one path, so a
/// function can be bound, passed and returned like any other value.
///
///     let double = { $0 * 2 }          // a closure
///     func area(_ w: Int, by h: Int = 1) -> Int { return w * h }
///     let f = relu                     // a built-in is a value too
///     [1, 2].map(double)               // [2, 4]
public final class Function: @unchecked Sendable, Equatable {
    /// Functions are equal when they are the same function.
    public static func == (lhs: Function, rhs: Function) -> Bool { lhs === rhs }

    enum Body {
        case builtin(Builtin)
        case declared(FunctionDeclaration, captured: Scope)
        case closure(Expr.Closure, arity: Int, captured: Scope)
    }

    let name: String
    let body: Body
    /// The parameters as a `Builtin` signature, for label matching and messages (`area(_:by:)`).
    let signature: Builtin
    /// Where the function's source text is, so failures inside it point into its definition.
    let locate: Locator?
    /// The file that defines it when that is not the lesson being built (an imported file).
    let path: String?

    init(builtin: Builtin) {
        name = builtin.name
        body = .builtin(builtin)
        signature = builtin
        locate = nil
        path = nil
    }

    init(declaration: FunctionDeclaration, captured: Scope, locate: Locator?, path: String?) {
        name = declaration.name
        body = .declared(declaration, captured: captured)
        signature = Builtin(name: declaration.name, parameters: declaration.parameters.map {
            Builtin.Parameter(label: $0.label, name: $0.name, isRequired: $0.defaultValue == nil)
        })
        self.locate = locate
        self.path = path
    }

    init(closure: Expr.Closure, captured: Scope, locate: Locator?, path: String?) {
        name = "closure"
        let arity = closure.parameters.isEmpty ? closure.body.implicitArity : closure.parameters.count
        body = .closure(closure, arity: arity, captured: captured)
        let names = closure.parameters.isEmpty ? (0..<arity).map { "$\($0)" } : closure.parameters.map(\.0)
        signature = Builtin(name: "closure", parameters: names.map { Builtin.Parameter(label: nil, name: $0, isRequired: true) })
        self.locate = locate
        self.path = path
    }
}

extension Block {
    /// One more than the largest `$N` used directly in this closure body (not in nested closures).
    var implicitArity: Int {
        var largest = -1
        func visit(_ e: Expr) {
            if case .name(let n) = e.node, n.hasPrefix("$"), let i = Int(n.dropFirst()) { largest = max(largest, i) }
            if case .closure = e.node { return }
            e.node.children.forEach(visit)
        }
        func visit(_ s: Statement) {
            switch s {
            case .binding(_, _, let v, _, _), .destructuring(_, let v, _), .expression(let v): visit(v)
            case .assignment(let t, _, let v, _): visit(t); visit(v)
            case .assertion(let c, let m): visit(c); m.map(visit)
            case .conditional(let branches, let otherwise):
                for b in branches { visit(b.condition); b.body.statements.forEach(visit) }
                otherwise?.statements.forEach(visit)
            case .loop(_, _, let seq, let body, _): visit(seq); body.statements.forEach(visit)
            case .whileLoop(let c, let body, _): visit(c); body.statements.forEach(visit)
            case .returnValue(let v, _): v.map(visit)
            default: break
            }
        }
        statements.forEach(visit)
        return largest + 1
    }
}

extension TypeAnnotation {
    /// The value converted to this type when it has it (an Int given for a Double becomes a Double,
    /// as a Swift literal would), else nil.
    func admit(_ value: Value) -> Value? {
        switch self {
        case .named(let name, _):
            switch (name, value) {
            case ("Any", _): return value
            case ("Int", .int), ("Int", .numpy(.int)): return value
            case ("Double", .double), ("Double", .numpy(.float)): return value
            case ("Double", .int(let i)): return .double(Double(i))
            case ("Bool", .bool), ("Bool", .numpy(.bool)): return value
            case ("String", .string), ("Tensor", .tensor), ("Function", .function): return value
            default: return nil
            }
        case .list(let element, _):
            guard case .list(let items) = value else { return nil }
            var out: [Value] = []
            for item in items {
                guard let v = element.admit(item) else { return nil }
                out.append(v)
            }
            return .list(out)
        case .tuple(let types, _):
            guard case .tuple(let items, let labels) = value, items.count == types.count else { return nil }
            var out: [Value] = []
            for (t, item) in zip(types, items) {
                guard let v = t.admit(item) else { return nil }
                out.append(v)
            }
            return .tuple(out, labels: labels)
        }
    }
}

/// One statement of an `{eval}` block, a function body or a closure body.
///
///     let pooled = maxPool2d(feature_map, size: 2)
///     var total = 0.0
///     for (i, x) in xs.enumerated() { total += x * Double(i) }
///     assert(pooled.values.shape == (1, 1), "pooling halves each side")
indirect enum Statement: Sendable {
    /// `let name = value` or `var name = value`, with an optional type annotation `let n: Int = 3`.
    case binding(name: String, nameRange: Range<Int>, value: Expr, isVar: Bool = false, type: TypeAnnotation? = nil)
    /// `let (a, b) = value`: a tuple destructured into names.
    case destructuring(names: [(String, Range<Int>)], value: Expr, isVar: Bool)
    /// `target = value` or `target op= value`; the target is a name or a subscripted name.
    case assignment(target: Expr, op: BinaryOperator?, value: Expr, operatorRange: Range<Int>)
    /// `assert(condition)` or `assert(condition, message)`.
    case assertion(condition: Expr, message: Expr?)
    /// A bare expression: a call for its effect (`xs.append(3)`), the value of a closure body,
    /// or (in the test harness only) a value to show.
    case expression(Expr)
    /// `if c { … } else if d { … } else { … }`.
    case conditional(branches: [(condition: Expr, body: Block)], otherwise: Block?)
    /// `for x in seq { … }` or `for (i, x) in seq.enumerated() { … }`.
    case loop(pattern: [(String, Range<Int>)], isTuple: Bool, sequence: Expr, body: Block, keywordRange: Range<Int>)
    /// `while c { … }`.
    case whileLoop(condition: Expr, body: Block, keywordRange: Range<Int>)
    case breakLoop(range: Range<Int>)
    case continueLoop(range: Range<Int>)
    /// `return` or `return value`.
    case returnValue(Expr?, range: Range<Int>)
    /// `func name(...) -> T { … }`.
    case function(FunctionDeclaration)
    /// `import "_shared.md"`.
    case importFile(path: String, range: Range<Int>)
    /// A statement that did not parse; `poisons` are the names it would have bound (its `let`, and
    /// every declaration an unclosed `{` swallowed), so their later uses are cascades.
    case invalid(ExpressionFailure, poisons: [(name: String, range: Range<Int>)])
}

/// The statements between `{` and `}`.
struct Block: Sendable {
    var statements: [Statement]
    var range: Range<Int>
}

/// `func name(_ a: Int, label b: Double = 0.5) -> Double { … }`.
struct FunctionDeclaration: Sendable {
    struct Parameter: Sendable {
        /// nil for `_ name`; the name itself when no separate label is written.
        var label: String?
        var name: String
        var range: Range<Int>
        var type: TypeAnnotation?
        var defaultValue: Expr?
    }

    var name: String
    var nameRange: Range<Int>
    var parameters: [Parameter]
    var result: TypeAnnotation?
    var body: Block
}

/// A type written in the source: `Int`, `Double`, `Bool`, `String`, `Tensor`, `[T]`, `(T, U)`, `Any`.
indirect enum TypeAnnotation: Sendable, CustomStringConvertible {
    case named(String, range: Range<Int>)
    case list(TypeAnnotation, range: Range<Int>)
    case tuple([TypeAnnotation], range: Range<Int>)

    var range: Range<Int> {
        switch self {
        case .named(_, let r), .list(_, let r), .tuple(_, let r): r
        }
    }

    var description: String {
        switch self {
        case .named(let name, _): name
        case .list(let element, _): "[\(element)]"
        case .tuple(let items, _): "(" + items.map(\.description).joined(separator: ", ") + ")"
        }
    }

    /// The type names a lesson may write.
    static let known: Set<String> = ["Int", "Double", "Bool", "String", "Tensor", "Any", "Function"]
}

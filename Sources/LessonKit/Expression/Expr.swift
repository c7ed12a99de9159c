/// A node of the expression syntax tree with the byte range of its source text.
///
/// Every node keeps its range, so every runtime failure points at the exact
/// sub-expression that caused it: `conv2d(image, kernel, stride: 0)` reports at `0`'s argument.
struct Expr: Sendable {
    var node: Node
    var range: Range<Int>
    /// The height of the tree under this node (1 for a leaf); bounded by `EvaluationLimits`.
    var height: Int

    init(_ node: Node, _ range: Range<Int>) {
        self.node = node
        self.range = range
        self.height = 1 + node.children.map(\.height).max(or: 0)
    }

    indirect enum Node: Sendable {
        case integer(Int)
        case double(Double)
        case bool(Bool)
        case string(String)
        case name(String)
        /// `[a, b, c]`: a tensor when the elements are numbers or equally shaped rows, else a list.
        case array([Expr])
        /// `(a, b)` or `(a,)`; `()` is the empty tuple; `(row: a, col: b)` labels its elements.
        case tuple([Expr], labels: [String?] = [])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr, operatorRange: Range<Int>)
        case call(callee: Expr, arguments: [Argument], closeRange: Range<Int>)
        /// `x.shape`, `t.0`, `record.field`.
        case member(Expr, name: String, nameRange: Range<Int>)
        case subscripted(Expr, [SubscriptIndex])
        /// `a..<b` or `a...b` as a value (a range of Ints), outside subscripts.
        case range(Expr, Expr, closed: Bool)
        /// `condition ? a : b`.
        case ternary(Expr, Expr, Expr)
        /// `{ a, b in a + b }`, `{ $0 * 2 }`.
        case closure(Closure)
        /// `attempt(EXPR)`: the value, or the failure's message as a String.
        case attempt(Expr)
    }

    /// A closure literal. Without named parameters its arity is one more than the largest `$N` used.
    struct Closure: Sendable {
        var parameters: [(String, Range<Int>)]
        var body: Block
    }

    /// One argument of a call: `stride: 2` has the label `stride`.
    struct Argument: Sendable {
        var label: String?
        var labelRange: Range<Int>?
        var value: Expr
        /// A closure written after the call's parentheses (`xs.sorted { $0 > $1 }`): when no unlabeled
        /// parameter is left it fills the first labeled one not given, as in Swift.
        var isTrailingClosure = false
        /// The label when there is one, else the value: where messages about this argument point.
        var range: Range<Int> { labelRange.map { $0.lowerBound..<value.range.upperBound } ?? value.range }
    }

    /// One index of a subscript: `1`, `0..<3`, `1...2`, `..<2`, `1...`, `...`.
    enum SubscriptIndex: Sendable {
        case position(Expr)
        case range(lower: Expr?, upper: Expr?, closed: Bool, range: Range<Int>)
    }
}

enum UnaryOperator: String, Sendable { case negate = "-", not = "!" }

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&&", or = "||"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}

extension Expr.Node {
    /// The direct sub-expressions, for the height computation.
    var children: [Expr] {
        switch self {
        case .integer, .double, .bool, .string, .name: []
        case .array(let items), .tuple(let items, _): items
        case .unary(_, let e): [e]
        case .binary(_, let l, let r, _): [l, r]
        case .call(let callee, let arguments, _): [callee] + arguments.map(\.value)
        case .range(let a, let b, _): [a, b]
        case .ternary(let c, let a, let b): [c, a, b]
        case .closure: []
        case .attempt(let e): [e]
        case .member(let e, _, _): [e]
        case .subscripted(let e, let indices):
            [e] + indices.flatMap { index -> [Expr] in
                switch index {
                case .position(let p): [p]
                case .range(let lower, let upper, _, _): [lower, upper].compactMap { $0 }
                }
            }
        }
    }
}

extension Sequence where Element == Int {
    func max(or fallback: Int) -> Int { self.max() ?? fallback }
}

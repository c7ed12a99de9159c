/// The registry of built-in functions and methods every lesson can call (LESSON-FORMAT.md §4).
enum Builtins {
    /// Functions by name: `zeros`, `conv2d`, `lines`, ...
    static let functions: [String: Builtin] = Dictionary(
        (tensorFunctions + cnnFunctions + formattingFunctions + pythonFunctions).map { ($0.name, $0) },
        uniquingKeysWith: { first, _ in first })

    /// Methods by name: `sum`, `rounded`, `tolist`, ...
    static let methods: [String: Builtin] = Dictionary(
        tensorMethods.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// `attempt(EXPR)` is evaluated by the interpreter itself (it must see the failure);
    /// this entry only checks its arguments.
    static let attempt = Builtin("attempt", "_expression") { _ throws(ExpressionFailure) in .tuple([]) }
}

/// For methods defined on tensors only.
@Sendable func isTensor(_ value: Value) -> Bool {
    if case .tensor = value { true } else { false }
}

/// What the highlighter needs to know about a language.
struct HighlightLanguage {
    enum Syntax { case python, swift }

    var syntax: Syntax
    var keywords: Set<String>
    var builtins: Set<String>
    /// Characters that start an operator token.
    var operatorCharacters: Set<Unicode.Scalar>

    /// The language for a `{listing}` name (`python`, `py`, `swift`), or nil for plain text.
    static func named(_ name: String) -> HighlightLanguage? {
        switch name.lowercased() {
        case "python", "py", "python3": return .python
        case "swift": return .swift
        default: return nil
        }
    }

    /// Python 3.11's `keyword.kwlist`; soft keywords (`match`, `case`, `_`) stay plain.
    static let python = HighlightLanguage(
        syntax: .python,
        keywords: [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield",
        ],
        builtins: [
            "abs", "all", "any", "bool", "dict", "divmod", "enumerate", "filter", "float", "format",
            "frozenset", "getattr", "hasattr", "int", "isinstance", "iter", "len", "list", "map",
            "max", "min", "next", "object", "open", "pow", "print", "range", "repr", "reversed",
            "round", "set", "setattr", "slice", "sorted", "str", "sum", "super", "tuple", "type",
            "zip", "self", "Exception", "ValueError", "TypeError", "IndexError", "KeyError",
            "RuntimeError", "AssertionError", "ZeroDivisionError", "NotImplementedError",
        ],
        operatorCharacters: Set("+-*/%=<>!&|^~@".unicodeScalars)
    )

    static let swift = HighlightLanguage(
        syntax: .swift,
        keywords: [
            "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
            "init", "inout", "internal", "let", "open", "operator", "private", "protocol", "public",
            "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch",
            "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
            "repeat", "return", "throw", "switch", "where", "while", "as", "any", "await", "async",
            "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "some",
            "mutating", "nonmutating", "lazy", "weak", "unowned", "final", "override", "indirect",
            "convenience", "required",
        ],
        builtins: [
            "print", "assert", "precondition", "Int", "Double", "Float", "String", "Bool", "Array",
            "Dictionary", "Set", "Character", "Optional", "min", "max", "abs", "zip", "stride",
            "repr", "Error", "Never", "Void",
        ],
        operatorCharacters: Set("+-*/%=<>!&|^~?".unicodeScalars)
    )
}

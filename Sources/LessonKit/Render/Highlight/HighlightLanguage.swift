/// What the highlighter needs to know about a language.
struct HighlightLanguage: Sendable {
    enum Syntax { case python, swift }

    var syntax: Syntax
    var keywords: Set<String>
    var builtins: Set<String>
    /// Characters that start an operator token.
    var operatorCharacters: Set<Unicode.Scalar>
    /// The ASCII part of `operatorCharacters` as a 128-entry table indexed by byte.
    let asciiOperator: [Bool]
    /// Keywords and builtins as UTF-8 bytes, bucketed by first byte, for allocation-free lookup.
    let words: HighlightWordTable

    init(syntax: Syntax, keywords: Set<String>, builtins: Set<String>, operatorCharacters: Set<Unicode.Scalar>) {
        self.syntax = syntax
        self.keywords = keywords
        self.builtins = builtins
        self.operatorCharacters = operatorCharacters
        asciiOperator = (0..<128).map { operatorCharacters.contains(Unicode.Scalar(UInt8($0))) }
        words = HighlightWordTable(keywords: keywords, builtins: builtins)
    }

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

/// Keywords and builtins of one language as UTF-8 bytes, looked up by a word's bytes without
/// building a `String`. Only meaningful for ASCII words: a non-ASCII word may still equal a
/// keyword under `String`'s canonical equivalence (`"\u{212A}eyError" == "KeyError"`, KELVIN
/// SIGN), so the scanner asks the `Set<String>`s for those.
struct HighlightWordTable: Sendable {
    /// What a word is, if anything.
    enum Role: Sendable { case keyword, builtin }

    /// `buckets[b]`: the words starting with ASCII byte `b`, with their role.
    private let buckets: [[(bytes: [UInt8], role: Role)]]

    init(keywords: Set<String>, builtins: Set<String>) {
        var buckets = [[(bytes: [UInt8], role: Role)]](repeating: [], count: 128)
        // Keywords win over builtins, as in the scanner (`self` is both in Swift).
        for word in keywords.sorted() { buckets[Int(word.utf8.first ?? 0) & 127].append((Array(word.utf8), .keyword)) }
        for word in builtins.sorted() where !keywords.contains(word) {
            buckets[Int(word.utf8.first ?? 0) & 127].append((Array(word.utf8), .builtin))
        }
        self.buckets = buckets
    }

    /// The role of the ASCII word `bytes[range]`, or nil.
    func role(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Role? {
        guard !range.isEmpty else { return nil }
        let first = Int(bytes[range.lowerBound])
        guard first < 128 else { return nil }
        let length = range.count
        for entry in buckets[first] where entry.bytes.count == length {
            var equal = true
            for offset in 1..<max(length, 1) where entry.bytes[offset] != bytes[range.lowerBound + offset] {
                equal = false
                break
            }
            if equal { return entry.role }
        }
        return nil
    }
}

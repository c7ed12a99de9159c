/// One level of the lesson's nested environments: the lesson's top level, a function call, a
/// block or a loop iteration. Lookups walk outward to the top level, then to the built-ins.
///
///     let k = 3                  // top level
///     func f(_ x: Int) -> Int {  // a call's scope: x
///         let y = x * k          // k found one level out
///         return y
///     }
final class Scope {
    enum Binding {
        case value(Value)
        /// The definition failed; uses of the name are cascades.
        case poisoned
    }

    struct Entry {
        var binding: Binding
        /// The lesson line of the definition, for "already bound at line N".
        var line: Int
        /// Declared with `var`.
        var isVar: Bool
        /// For a top-level `var`: the `{eval}` block that declared it (the only one that may change it).
        var block: Int?
        /// The file an imported name comes from.
        var importedFrom: String? = nil
    }

    private(set) var entries: [String: Entry] = [:]
    let parent: Scope?

    init(parent: Scope?) {
        self.parent = parent
    }

    /// The lesson's top level (the scope without a parent).
    var isTopLevel: Bool { parent == nil }

    func entry(_ name: String) -> Entry? { entries[name] }

    /// The innermost scope holding `name`, with its entry.
    func find(_ name: String) -> (scope: Scope, entry: Entry)? {
        var scope: Scope? = self
        while let s = scope {
            if let entry = s.entries[name] { return (s, entry) }
            scope = s.parent
        }
        return nil
    }

    func set(_ name: String, _ entry: Entry) {
        entries[name] = entry
    }

    func update(_ name: String, _ value: Value) {
        entries[name]?.binding = .value(value)
    }

    /// The value of `name`, left in place as an empty tuple so the caller holds the only reference
    /// and can change it in place (amortized O(1) `append`); the caller must `update` it back.
    func take(_ name: String) -> Value? {
        guard case .value(let value)? = entries[name]?.binding else { return nil }
        entries[name]?.binding = .value(.tuple([]))
        return value
    }
}

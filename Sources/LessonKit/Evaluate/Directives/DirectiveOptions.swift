/// The typed options of one directive, as ``DirectiveTyper`` read them from its spec.
public struct DirectiveOptions: Sendable {
    /// One option's value, typed by its ``OptionSpec/Kind``.
    public enum Value: Sendable {
        case text(TextTemplate)
        case expression(ParsedExpression)
        case bool(Bool)
        case integer(Int)
        case formatSpec(String)
        /// A list expression of labels, or a prefix for numbered labels.
        case labels(Labels)
        case identifier(String)
        case raw(String)
    }

    /// `:rows:` and `:columns:`: `["no crack", "crack"]` or `Row`.
    public enum Labels: Sendable {
        case list(ParsedExpression)
        case prefix(TextTemplate)
    }

    public struct Entry: Sendable {
        public var value: Value
        /// Where the value starts.
        public var location: SourceLocation
    }

    var entries: [String: Entry] = [:]

    public subscript(_ name: String) -> Entry? { entries[name] }

    public func text(_ name: String) -> TextTemplate? {
        if case .text(let t)? = entries[name]?.value { t } else { nil }
    }

    public func expression(_ name: String) -> ParsedExpression? {
        if case .expression(let e)? = entries[name]?.value { e } else { nil }
    }

    public func bool(_ name: String) -> Bool? {
        if case .bool(let b)? = entries[name]?.value { b } else { nil }
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let n)? = entries[name]?.value { n } else { nil }
    }

    public func formatSpec(_ name: String) -> String? {
        if case .formatSpec(let s)? = entries[name]?.value { s } else { nil }
    }

    public func labels(_ name: String) -> Labels? {
        if case .labels(let l)? = entries[name]?.value { l } else { nil }
    }

    public func identifier(_ name: String) -> String? {
        if case .identifier(let s)? = entries[name]?.value { s } else { nil }
    }

    public func raw(_ name: String) -> String? {
        if case .raw(let s)? = entries[name]?.value { s } else { nil }
    }
}

/// Text with `{{ }}` holes, split when the lesson is read: an option such as `:caption:`, or a
/// listing's body. ``DirectiveContext/fill(_:)`` evaluates the holes.
public struct TextTemplate: Sendable, Equatable {
    public var pieces: [BodyPiece]
    /// The text as written, `{{ }}` included.
    public var source: String
    public var location: SourceLocation

    /// True when the template has no `{{ }}`: its text is `source` with `\{{` unescaped.
    public var isLiteral: Bool { !pieces.contains { if case .expression = $0 { true } else { false } } }
}

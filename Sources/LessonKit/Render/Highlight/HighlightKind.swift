/// The classes a highlighted token can carry; the raw value is the CSS class suffix
/// (`tok-kw`, `tok-str`, …), styled by `Stylesheet`.
public enum HighlightKind: String, Sendable, CaseIterable {
    case keyword = "kw"
    case string = "str"
    case number = "num"
    case comment = "com"
    /// A function being defined or called: `def conv_size`, `np.round(`.
    case function = "fn"
    /// A builtin name: `print`, `range`, `Int`.
    case builtin = "bi"
    case operation = "op"
    /// A decorator or attribute: `@dataclass`, `@MainActor`.
    case decorator = "dec"

    /// The CSS class, e.g. `tok-kw`.
    public var cssClass: String { "tok-" + rawValue }
}

/// A run of source text with the kind it was recognised as (`nil`: plain text).
/// Concatenating the `text` of every token gives the source back.
public struct HighlightToken: Sendable, Equatable {
    public var kind: HighlightKind?
    public var text: String
    public init(kind: HighlightKind?, text: String) {
        self.kind = kind
        self.text = text
    }
}

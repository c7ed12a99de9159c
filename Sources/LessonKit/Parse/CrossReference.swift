/// A link with empty text to a named figure, table, equation or question, which renders as its
/// numbered label: `[](#fig-feature-map)` → "Figure 2", `[](backprop.md#fig-loss)` → "Figure 1"
/// of the lesson `backprop.md` (linking to `backprop.html#fig-loss`).
public struct CrossReference: Sendable, Equatable {
    /// The lesson file named before `#`, relative to this lesson's folder; nil for this lesson.
    public var lesson: String?
    /// The name after `#` (a `:name:` option or a question id).
    public var name: String
    /// Where `[` stands in the lesson.
    public var location: SourceLocation

    public init(lesson: String?, name: String, location: SourceLocation) {
        self.lesson = lesson
        self.name = name
        self.location = location
    }

    /// `#name` or `file.md#name` (a relative path without a scheme): the destinations an empty
    /// link may name. Anything else (`[](https://…)`) stays an ordinary link.
    static func target(of destination: String) -> (lesson: String?, name: String)? {
        guard let hash = destination.firstIndex(of: "#") else { return nil }
        let file = destination[..<hash]
        let name = String(destination[destination.index(after: hash)...])
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
                  || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) else { return nil }
        if file.isEmpty { return (nil, name) }
        guard file.hasSuffix(".md"), !file.contains(":"), !file.hasPrefix("/") else { return nil }
        return (String(file), name)
    }
}

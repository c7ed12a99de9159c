/// Something a cross-reference can name: a named figure, table or equation, or a question, with
/// its numbered label and the id of its element in the page.
///
///     Anchor(name: "fig-loss", label: "Figure 2", elementID: "fig-loss")
///     Anchor(name: "out-size", label: "Question 3", elementID: "quiz-out-size")
public struct Anchor: Sendable, Equatable {
    public var name: String
    public var label: String
    public var elementID: String
    /// Where the name is given (for "already used" messages).
    public var location: SourceLocation

    public init(name: String, label: String, elementID: String, location: SourceLocation) {
        self.name = name
        self.label = label
        self.elementID = elementID
        self.location = location
    }
}

/// A cross-reference after resolution: what the link says and where it goes.
public struct ResolvedReference: Sendable, Equatable {
    /// `#fig-loss`, or `backprop.html#fig-loss` for another lesson.
    public var href: String
    /// "Figure 2".
    public var label: String

    public init(href: String, label: String) {
        self.href = href
        self.label = label
    }
}

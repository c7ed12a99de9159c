/// What one directive kind accepts, declared once: its argument, its options with their types,
/// and whether it has a body. ``DirectiveTyper`` checks every `{name}` block against its spec
/// before anything is evaluated, so unknown, duplicate, missing and malformed options are all
/// reported with their locations, and expressions are parsed up front.
///
///     DirectiveSpec("table", argument: .expression(example: "feature_map"), options: [
///         .init("title", .text), .init("format", .formatSpec), .init("rows", .labels),
///     ], body: .none)
public struct DirectiveSpec: Sendable {
    public enum Argument: Sendable, Equatable {
        /// Nothing may follow `{name}`.
        case none
        /// An expression, required: `{table} feature_map`.
        case expression(example: String)
        /// A word, required: `{listing} python` (`noun` "language"), `{question} numeric`.
        case word(noun: String, example: String)
    }

    public enum Body: Sendable, Equatable {
        /// Nothing but blank lines may follow the options.
        case none
        /// Kept as written; the kind reads it (statements, TeX, a question's Markdown).
        case source
        /// Text with `{{ }}` holes, split when the lesson is read (a listing, an output).
        case template
    }

    public let name: String
    public let argument: Argument
    public let options: [OptionSpec]
    public let body: Body
    /// True for `{question}` and `{quiz}`: which options apply depends on the question's kind, so
    /// the quiz builder types them (``OptionSpec`` values are still checked for duplicates here).
    public let optionsDependOnArgument: Bool

    public init(_ name: String, argument: Argument = .none, options: [OptionSpec] = [], body: Body = .none,
                optionsDependOnArgument: Bool = false) {
        self.name = name
        self.argument = argument
        self.options = options
        self.body = body
        self.optionsDependOnArgument = optionsDependOnArgument
    }

    /// `:answer:, :name:, :tolerance:` for messages.
    var optionList: String {
        options.map { ":\($0.name):" }.joined(separator: ", ")
    }
}

/// One `:key: value` a directive accepts.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Plain text that may hold `{{ }}` (`:title:`, `:caption:`, `:alt:`).
        case text
        /// An expression, parsed when the lesson is read (`:answer:`).
        case expression
        /// `true`/`false` (also `yes`/`no`).
        case bool
        /// A whole number (`:index: 0`).
        case integer
        /// A Python format spec, checked when it is applied (`:format: .2f`).
        case formatSpec
        /// Row or column labels: a list expression `["a", "b"]`, or a prefix text (`Row`).
        case labels
        /// An id: a letter, then letters, digits, `_` or `-` (`:name: fig-loss`).
        case identifier
        /// Kept as written; the directive kind checks it (`:pass: 75%`).
        case raw
    }

    public let name: String
    public let kind: Kind
    public let isRequired: Bool

    public init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}

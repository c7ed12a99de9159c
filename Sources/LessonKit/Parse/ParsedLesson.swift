/// A lesson after parsing: front matter, the directives and inline expressions found in
/// it, and cmark-gfm's HTML for everything else with a hole where each of them goes.
///
/// The C tree is gone by the time this exists; later phases only fill holes.
public struct ParsedLesson: Sendable {
    /// The path as given, used in every diagnostic.
    public var path: String
    public var frontMatter: FrontMatter
    /// Fenced blocks whose info string starts with `{name}`, in document order.
    public var directives: [Directive]
    /// `{{ }}` expressions in prose, in document order.
    public var inlineExpressions: [InlineExpression]
    /// Empty links to a name, `[](#fig-loss)` or `[](backprop.md#fig-loss)`, in document order.
    public var references: [CrossReference]
    /// cmark-gfm's rendering of the document with holes for the above.
    public var template: [TemplatePiece]
    /// For each directive, the index of the directive directly above it with only white space
    /// between them (how an `{output}` finds its `{listing}`), else nil.
    public var directlyAbove: [Int?]

    init(path: String, frontMatter: FrontMatter, directives: [Directive], inlineExpressions: [InlineExpression],
         references: [CrossReference] = [], template: [TemplatePiece]) {
        self.path = path
        self.frontMatter = frontMatter
        self.directives = directives
        self.inlineExpressions = inlineExpressions
        self.references = references
        self.template = template
        self.directlyAbove = Self.directlyAbove(template, count: directives.count)
    }

    /// One pass over the template: a directive hole whose previous piece, skipping white-space
    /// HTML, is the hole of the directive before it.
    static func directlyAbove(_ template: [TemplatePiece], count: Int) -> [Int?] {
        var result = [Int?](repeating: nil, count: count)
        var previous: Int?
        for piece in template {
            switch piece {
            case .directive(let index):
                if let previous, previous == index - 1, index < count { result[index] = previous }
                previous = index
            case .html(let html) where html.allSatisfy(\.isWhitespace):
                continue
            default:
                previous = nil
            }
        }
        return result
    }
}

/// One piece of the rendered document.
public enum TemplatePiece: Sendable, Equatable {
    /// HTML exactly as cmark-gfm rendered it.
    case html(String)
    /// Where `directives[i]` renders (a block).
    case directive(Int)
    /// Where `inlineExpressions[i]` renders (escaped text, inline).
    case expression(Int)
    /// Where `references[i]` renders: a link whose text is the numbered label ("Figure 2").
    case reference(Int)
}

/// The YAML front matter. `title` and `summary` are the contract's keys; anything else is kept.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var summary: String?
    /// Every other top-level key with its scalar value as text (a dictionary: no order).
    public var extra: [String: String]
    /// The entries of `limits:` (and the older `work-limit:`, as `work`) in file order, located.
    public var limits: [LimitSetting]
    public init(title: String? = nil, summary: String? = nil, extra: [String: String] = [:], limits: [LimitSetting] = []) {
        self.title = title
        self.summary = summary
        self.extra = extra
        self.limits = limits
    }
}

/// One `key: value` line under the front matter's `limits:`, as written; Evaluate checks the key
/// (against ``LessonLimit``) and the value.
public struct LimitSetting: Sendable, Equatable {
    public var key: String
    public var value: String
    public var keyLocation: SourceLocation
    public var valueLocation: SourceLocation
}

/// A fenced code block whose info string starts with `{name}`:
///
///     ```{table} feature_map
///     :title: Feature map
///     :format: .2f
///     ```
public struct Directive: Sendable, Equatable {
    /// The word in braces, e.g. `table`.
    public var name: String
    /// The rest of the info string after `{name}`, trimmed (`feature_map` above).
    public var argument: String
    /// Where the argument starts (for diagnostics in argument expressions).
    public var argumentLocation: SourceLocation
    /// `:key: value` lines directly after the fence, in order.
    public var options: [DirectiveOption]
    /// The body after the option lines, exactly as written (container prefixes removed), every
    /// line ending in a newline as in cmark-gfm's code block content; "" when there is none.
    public var body: String
    /// The source location of each body line's first byte, one per line of `body`.
    public var bodyLineStarts: [SourceLocation]
    /// The opening fence.
    public var location: SourceLocation
    /// Where each line of `body` starts, so that locating a byte is a binary search.
    let bodyIndex: LineIndex

    public init(name: String, argument: String, argumentLocation: SourceLocation, options: [DirectiveOption],
                body: String, bodyLineStarts: [SourceLocation], location: SourceLocation) {
        self.name = name
        self.argument = argument
        self.argumentLocation = argumentLocation
        self.options = options
        self.body = body
        self.bodyLineStarts = bodyLineStarts
        self.location = location
        self.bodyIndex = LineIndex(body)
    }

    /// The value of the first option named `key`.
    public func option(_ key: String) -> DirectiveOption? {
        options.first { $0.key == key }
    }

    /// The source location of byte `offset` in `body` (line and column in the lesson file):
    /// a binary search over the body's line starts.
    public func location(ofBodyOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bodyIndex.byteCount)
        let line = bodyIndex.line(ofOffset: clamped)
        guard line < bodyLineStarts.count else { return bodyLineStarts.last ?? location }
        return bodyLineStarts[line].advanced(by: clamped - bodyIndex.lineStarts[line])
    }
}

/// `:key: value` on a line after a directive's fence.
public struct DirectiveOption: Sendable, Equatable {
    public var key: String
    public var value: String
    /// Where `value` starts.
    public var valueLocation: SourceLocation
    public init(key: String, value: String, valueLocation: SourceLocation) {
        self.key = key
        self.value = value
        self.valueLocation = valueLocation
    }
}

/// `{{ EXPR }}` or `{{ EXPR : SPEC }}`.
public struct InlineExpression: Sendable, Equatable {
    /// The expression text between the braces, before any depth-0 colon, trimmed.
    public var expression: String
    /// Where `expression` starts.
    public var expressionLocation: SourceLocation
    /// The format spec after a depth-0 colon, trimmed; nil when there is none.
    public var spec: String?
    /// Where the spec starts.
    public var specLocation: SourceLocation?
    public init(expression: String, expressionLocation: SourceLocation, spec: String?, specLocation: SourceLocation?) {
        self.expression = expression
        self.expressionLocation = expressionLocation
        self.spec = spec
        self.specLocation = specLocation
    }
}

/// The wording of every problem Parse/ reports, in one place.
enum ParseMessage {
    static let unterminatedExpression = "unterminated inline expression: expected '}}'"
    static let emptyExpression = "empty inline expression: write an expression between '{{' and '}}'"
    static let expressionInLinkDestination = "an inline expression cannot stand in a link destination"
    static let expressionNotRendered =
        "this inline expression is not rendered: it stands in Markdown that produces no text (such as a link reference definition)"
    static let unterminatedFrontMatter = "front matter starting with '---' is never closed by a '---' line"
    static let frontMatterNotMapping = "front matter must be a YAML mapping of keys to values"
    static let limitsNotMapping = "'limits:' takes one 'name: number' line per limit, indented below it (e.g. '  work: 2e10')"

    static func reservedCharacter(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "reserved character U+\(hex) cannot appear in a lesson (lessonbuild uses it internally)"
    }

    static func unknownDirective(_ name: String, known: [String]) -> String {
        "unknown directive '{\(name)}'; known directives: " + known.map { "{\($0)}" }.joined(separator: ", ")
    }

    static func malformedOption(_ line: String) -> String {
        "malformed option line '\(line)': expected ':key: value' with a key of letters, digits, '-' or '_'"
    }

    static func frontMatterNotString(_ key: String) -> String {
        "front matter '\(key)' must be a string (quote it)"
    }

    static func frontMatterYAML(_ problem: String) -> String {
        "invalid YAML in front matter: \(problem)"
    }
}

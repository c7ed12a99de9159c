extension ParsedLesson {
    /// A readable text of everything the parser found, for golden tests and debugging:
    ///
    ///     front matter: title "CNN" summary nil
    ///     directive 0 {table} "feature_map" at 5:1 (argument 5:10)
    ///       option format ".2f" at 6:10
    ///       body 7:1 "…"
    ///     expression 0 "a*b" at 9:6 spec ",".at 9:12
    ///     template
    ///       html "<p>…"
    ///       expression 0
    public func dump() -> String {
        var out: [String] = []
        var header = "front matter: title \(quoted(frontMatter.title)) summary \(quoted(frontMatter.summary))"
        for key in frontMatter.extra.keys.sorted() { header += " \(key)=\(quoted(frontMatter.extra[key]))" }
        out.append(header)
        for (index, directive) in directives.enumerated() {
            out.append("directive \(index) {\(directive.name)} \(quoted(directive.argument)) at \(directive.location)"
                + " (argument \(directive.argumentLocation))")
            for option in directive.options {
                out.append("  option \(option.key) \(quoted(option.value)) at \(option.valueLocation)")
            }
            let bodyLines = directive.body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            for (line, start) in zip(bodyLines, directive.bodyLineStarts) {
                out.append("  body \(start) \(quoted(String(line)))")
            }
        }
        for (index, expression) in inlineExpressions.enumerated() {
            out.append("expression \(index) " + expression.dumpText)
        }
        out.append("template")
        out += template.map { "  " + $0.dumpText }
        return out.joined(separator: "\n") + "\n"
    }
}

extension InlineExpression {
    /// `"a*b" at 3:7 spec ",.2f" at 3:12` (the spec part only when there is one).
    var dumpText: String {
        var text = "\(quoted(expression)) at \(expressionLocation)"
        if let spec, let specLocation { text += " spec \(quoted(spec)) at \(specLocation)" }
        return text
    }
}

extension TemplatePiece {
    /// `html "…"`, `directive 0` or `expression 0`.
    var dumpText: String {
        switch self {
        case .html(let html): "html \(quoted(html))"
        case .directive(let index): "directive \(index)"
        case .expression(let index): "expression \(index)"
        case .reference(let index): "reference \(index)"
        }
    }
}

/// `text` in double quotes with `\`, `"`, newlines and tabs escaped; `nil` for nil.
private func quoted(_ text: String?) -> String {
    guard let text else { return "nil" }
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

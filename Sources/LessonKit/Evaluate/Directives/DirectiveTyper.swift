/// Checks each directive block against its kind's ``DirectiveSpec`` and builds the typed
/// directive, before anything is evaluated. Every problem is reported with its location:
///
///     ```{table} feature_map
///     :format: .2f
///     :format: .3f            -> 3:10: error: ':format:' is given twice
///     :colour: red            -> 4:10: error: unknown option ':colour:' for {table}; known options: …
///     ```
public struct DirectiveTyper {
    public let registry: DirectiveRegistry
    public let limits: EvaluationLimits

    public init(registry: DirectiveRegistry = .standard, limits: EvaluationLimits = .standard) {
        self.registry = registry
        self.limits = limits
    }

    /// The typed directive for each block (nil where it could not be built); problems in `problems`.
    public func type(_ directives: [Directive], problems: inout [SourceError]) -> [(any DirectiveKind)?] {
        directives.map { type($0, problems: &problems) }
    }

    func type(_ directive: Directive, problems: inout [SourceError]) -> (any DirectiveKind)? {
        guard let kind = registry.kind(named: directive.name) else {
            // The parser has reported it already.
            return nil
        }
        let spec = kind.spec
        let before = problems.count
        var expression: ParsedExpression?
        var word: String?
        switch spec.argument {
        case .none:
            if !directive.argument.isEmpty, !spec.optionsDependOnArgument {
                problems.append(SourceError("{\(spec.name)} takes no argument after '{\(spec.name)}'", at: directive.argumentLocation))
            }
        case .expression(let example):
            if directive.argument.isEmpty {
                problems.append(SourceError(
                    "a {\(spec.name)} needs an expression after '{\(spec.name)}', e.g. '{\(spec.name)} \(example)'",
                    at: directive.location))
            } else {
                expression = parse(directive.argument, at: directive.argumentLocation, problems: &problems)
            }
        case .word(let noun, let example):
            let first = directive.argument.split(separator: " ").first.map(String.init) ?? ""
            if first.isEmpty, !spec.optionsDependOnArgument {
                problems.append(SourceError(
                    "a {\(spec.name)} needs \(article(noun)) \(noun), e.g. '{\(spec.name)} \(example)'",
                    at: directive.location))
            }
            word = first.isEmpty ? nil : first
        }
        let options = typeOptions(directive, spec: spec, problems: &problems)
        var template: TextTemplate?
        switch spec.body {
        case .none:
            if let line = directive.body.split(separator: "\n").firstIndex(where: { $0.contains { !$0.isWhitespace } }),
               !spec.optionsDependOnArgument {
                problems.append(SourceError("{\(spec.name)} has no body; remove the text below its options",
                                            at: directive.bodyLineStarts[min(line, directive.bodyLineStarts.count - 1)]))
            }
        case .source:
            break
        case .template:
            template = Self.template(trimmingFinalNewline(directive.body), locate: directive.location(ofBodyOffset:),
                                     location: directive.bodyLineStarts.first ?? directive.location, problems: &problems)
        }
        let input = DirectiveInput(syntax: directive, expression: expression, word: word, options: options, template: template)
        var kindProblems: [SourceError] = []
        let typed = kind.init(input, problems: &kindProblems)
        problems += kindProblems
        return problems.count == before ? typed : nil
    }

    // MARK: Options

    private func typeOptions(_ directive: Directive, spec: DirectiveSpec, problems: inout [SourceError]) -> DirectiveOptions {
        var options = DirectiveOptions()
        var seen: Set<String> = []
        for option in directive.options {
            guard let optionSpec = spec.options.first(where: { $0.name == option.key }) else {
                if !spec.optionsDependOnArgument {
                    problems.append(SourceError(unknownOption(option.key, spec: spec), at: option.valueLocation))
                }
                continue
            }
            guard seen.insert(option.key).inserted else {
                if !spec.optionsDependOnArgument {
                    problems.append(SourceError("':\(option.key):' is given twice", at: option.valueLocation))
                }
                continue
            }
            if let value = typedValue(option, as: optionSpec.kind, spec: spec, problems: &problems) {
                options.entries[option.key] = .init(value: value, location: option.valueLocation)
            }
        }
        for required in spec.options where required.isRequired && !seen.contains(required.name) {
            problems.append(SourceError("{\(spec.name)} needs a ':\(required.name):' option", at: directive.location))
        }
        return options
    }

    private func unknownOption(_ key: String, spec: DirectiveSpec) -> String {
        let names = spec.options.map(\.name)
        guard !names.isEmpty else { return "unknown option ':\(key):' for {\(spec.name)}; it takes no options" }
        var message = "unknown option ':\(key):' for {\(spec.name)}; known options: "
            + names.sorted().map { ":\($0):" }.joined(separator: ", ")
        if let guess = closestName(to: key, among: names) { message += "; did you mean ':\(guess):'?" }
        return message
    }

    private func typedValue(_ option: DirectiveOption, as kind: OptionSpec.Kind, spec: DirectiveSpec,
                            problems: inout [SourceError]) -> DirectiveOptions.Value? {
        let value = option.value
        let location = option.valueLocation
        let locate: Locator = { location.advanced(by: $0) }
        switch kind {
        case .text:
            return Self.template(value, locate: locate, location: location, problems: &problems).map { .text($0) }
        case .expression:
            guard !value.isEmpty else {
                problems.append(SourceError("':\(option.key):' is empty; write an expression", at: location))
                return nil
            }
            return parse(value, at: location, problems: &problems).map { .expression($0) }
        case .bool:
            switch value.lowercased() {
            case "true", "yes": return .bool(true)
            case "false", "no": return .bool(false)
            default:
                problems.append(SourceError("':\(option.key):' takes true or false, not '\(value)'", at: location))
                return nil
            }
        case .integer:
            guard let number = Int(value) else {
                problems.append(SourceError("':\(option.key):' takes a whole number, not '\(value)'", at: location))
                return nil
            }
            return .integer(number)
        case .formatSpec:
            return .formatSpec(value)
        case .labels:
            if value.hasPrefix("[") {
                // The list is an expression already: `{{ }}` in its strings would reach the page as is.
                if let braces = value.utf8.firstRange(of: "{{".utf8) {
                    let offset = value.utf8.distance(from: value.utf8.startIndex, to: braces.lowerBound)
                    problems.append(SourceError("'{{ }}' is not evaluated inside a label list, which is an expression already; "
                                                + "build the label in the list instead: [\"n = \" + str(n), ...]", at: locate(offset)))
                    return nil
                }
                return parse(value, at: location, problems: &problems).map { .labels(.list($0)) }
            }
            return Self.template(value, locate: locate, location: location, problems: &problems).map { .labels(.prefix($0)) }
        case .identifier:
            guard Self.isIdentifier(value) else {
                problems.append(SourceError(
                    "':\(option.key):' must start with a letter and use only letters, digits, '_' and '-'; got '\(value)'",
                    at: location))
                return nil
            }
            return .identifier(value)
        case .raw:
            return .raw(value)
        }
    }

    private func parse(_ source: String, at location: SourceLocation, problems: inout [SourceError]) -> ParsedExpression? {
        do throws(EvaluationError) {
            return try ParsedExpression(source, at: location, limits: limits)
        } catch {
            problems.append(SourceError(error.message, at: error.location))
            return nil
        }
    }

    /// Text split at its `{{ }}` holes; nil after reporting an unterminated or empty one.
    static func template(_ text: String, locate: @escaping Locator, location: SourceLocation,
                         problems: inout [SourceError]) -> TextTemplate? {
        do throws(SourceError) {
            return TextTemplate(pieces: try LessonParser.splitBody(text, locate: locate), source: text, location: location)
        } catch {
            problems.append(error)
            return nil
        }
    }

    /// A letter, then letters, digits, `_` or `-`: usable as an HTML id and a CSV column.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }

    private func article(_ word: String) -> String {
        "aeiou".contains(word.first ?? "x") ? "an" : "a"
    }
}

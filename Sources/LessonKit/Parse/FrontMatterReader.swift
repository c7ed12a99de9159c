import Yams

/// Reads the optional YAML front matter between `---` lines at the very top of a lesson.
///
///     ---
///     title: Trace a CNN
///     summary: Kernels, shapes and pooling.
///     ---
///
/// The closing line may also be `...` (YAML's document end). Problems are located in the
/// lesson file: YAML's own line and column shifted by the opening `---` line.
struct FrontMatterReader {
    var frontMatter = FrontMatter()
    /// How many lines (from the top) the front matter occupies, fences included; 0 without one.
    var lineCount = 0
    var problems: [SourceError] = []

    init(_ lines: SourceLines) {
        guard lines.lineCount > 1, isFence(lines.lineBytes(0), closing: false) else { return }
        guard let closing = (1..<lines.lineCount).first(where: { isFence(lines.lineBytes($0), closing: true) }) else {
            problems.append(SourceError(ParseMessage.unterminatedFrontMatter, at: lines.location(line: 0, column: 1)))
            return
        }
        lineCount = closing + 1
        let yamlLines = (1..<closing).map { String(decoding: lines.lineBytes($0), as: UTF8.self) }
        read(yaml: yamlLines.joined(separator: "\n"), yamlLines: yamlLines, lines: lines)
    }

    private func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var text = String(decoding: line, as: UTF8.self)
        while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
        return text == "---" || (closing && text == "...")
    }

    private mutating func read(yaml: String, yamlLines: [String], lines: SourceLines) {
        // A YAML mark (1-based line, column in Unicode scalars) inside the front matter,
        // mapped to the lesson file (the YAML starts on the lesson's second line).
        func locate(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return lines.location(line: 0, column: 1) }
            let line = max(mark.line, 1)
            guard line <= yamlLines.count else { return lines.location(line: min(line, lines.lineCount - 1), column: 1) }
            let scalars = yamlLines[line - 1].unicodeScalars
            let byteColumn = scalars.prefix(max(mark.column - 1, 0)).reduce(0) { $0 + UTF8.width($1) } + 1
            return lines.location(line: line, column: byteColumn)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (problem, mark) = Self.describe(error)
            problems.append(SourceError(ParseMessage.frontMatterYAML(problem), at: locate(mark)))
            return
        } catch {
            problems.append(SourceError(ParseMessage.frontMatterYAML("\(error)"), at: locate(nil)))
            return
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            problems.append(SourceError(ParseMessage.frontMatterNotMapping, at: locate(root.mark)))
            return
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            if key == "limits" || key == "work-limit" {
                readLimits(key: keyNode, value: value, locate: locate)
                continue
            }
            guard let scalar = value.scalar else {
                if key == "title" || key == "summary" {
                    problems.append(SourceError(ParseMessage.frontMatterNotString(key), at: locate(value.mark)))
                }
                continue
            }
            switch key {
            case "title", "summary":
                guard Resolver.default.resolveTag(of: value) == .str else {
                    problems.append(SourceError(ParseMessage.frontMatterNotString(key), at: locate(value.mark)))
                    continue
                }
                if key == "title" { frontMatter.title = scalar.string } else { frontMatter.summary = scalar.string }
            default:
                frontMatter.extra[key] = scalar.string
            }
        }
    }

    /// `limits:` as a mapping of scalars, or `work-limit: N` (the older spelling of `limits: work:`).
    private mutating func readLimits(key: Node, value: Node, locate: (Mark?) -> SourceLocation) {
        if key.scalar?.string == "work-limit", let scalar = value.scalar {
            frontMatter.limits.append(LimitSetting(key: "work", value: scalar.string, keyLocation: locate(key.mark),
                                                   valueLocation: locate(value.mark)))
            return
        }
        guard let mapping = value.mapping else {
            problems.append(SourceError(ParseMessage.limitsNotMapping, at: locate(value.mark)))
            return
        }
        for (name, number) in mapping {
            guard let text = name.scalar?.string, let scalar = number.scalar else {
                problems.append(SourceError(ParseMessage.limitsNotMapping, at: locate(number.mark)))
                continue
            }
            frontMatter.limits.append(LimitSetting(key: text, value: scalar.string, keyLocation: locate(name.mark),
                                                   valueLocation: locate(number.mark)))
        }
    }

    /// The problem text and position of a Yams error.
    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\($0.text) " } ?? ""
            return (text + problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key \(duplicates.joined(separator: ", "))", context.mark)
        default:
            return ("\(error)", nil)
        }
    }
}

import Yams

/// `course.yml`, read and checked against the lesson files in its folder.
///
///     title: CNNs from a cracked panel
///     lessons:
///       - cnn.md
///       - receptive-fields.md
///
/// Every problem is an error at its place in the file (`lessons/course.yml:4:5: error: …`): YAML
/// syntax, a key other than `title` and `lessons`, an entry that is not a file name in the folder,
/// names a missing file or repeats one, and a lesson in the folder that is not listed (at
/// `lessons:`). `lessons` keeps the valid entries in order.
struct CourseFile {
    var title: String?
    /// The listed lesson files that exist, in course order.
    var lessons: [String] = []

    init(path: String, text: String, lessonFiles: [String], diagnostics: DiagnosticEngine) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func error(_ mark: Mark?, _ message: String) {
            diagnostics.error(path: path, at: Self.location(mark, lines: lines), message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let yaml as YamlError {
            let (problem, mark) = Self.describe(yaml)
            error(mark, "course.yml is not valid YAML: \(problem)")
            return
        } catch {
            diagnostics.error(path: path, at: SourceLocation(line: 1, column: 1), "course.yml is not valid YAML: \(error)")
            return
        }
        guard let mapping = root?.mapping else {
            error(root?.mark, "course.yml must be a mapping with `title:` and a `lessons:` list")
            return
        }
        var listMark: Mark?
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "title":
                guard let scalar = value.scalar, Resolver.default.resolveTag(of: value) == .str else {
                    error(value.mark, "`title` must be text")
                    continue
                }
                title = scalar.string
            case "lessons":
                listMark = key.mark
                guard let sequence = value.sequence else {
                    error(value.mark, "`lessons` must be a list of lesson files, one `- name.md` a line")
                    continue
                }
                readLessons(sequence, lessonFiles: lessonFiles, error: error)
            default:
                error(key.mark, "unknown key `\(key.scalar?.string ?? "?")`; course.yml has `title` and `lessons`")
            }
        }
        guard let listMark else {
            error(root?.mark, "course.yml has no `lessons:` list")
            return
        }
        for file in lessonFiles where !lessons.contains(file) {
            error(listMark, "\(file) is not in the course; add it to `lessons` (a file starting with `_` is not a lesson)")
        }
    }

    private mutating func readLessons(_ sequence: Node.Sequence, lessonFiles: [String], error: (Mark?, String) -> Void) {
        var firstLine: [String: Int] = [:]
        for item in sequence {
            guard let scalar = item.scalar, Resolver.default.resolveTag(of: item) == .str else {
                error(item.mark, "each lesson is a file name such as `cnn.md`")
                continue
            }
            let file = scalar.string
            if file.contains("/") || !file.hasSuffix(".md") {
                error(item.mark, "`\(file)` is not a lesson file name; list the .md files of this folder by name")
            } else if let line = firstLine[file] {
                error(item.mark, "\(file) is listed twice (first on line \(line))")
            } else if !lessonFiles.contains(file) {
                error(item.mark, "\(file) is not a lesson in this folder")
            } else {
                lessons.append(file)
            }
            if firstLine[file] == nil { firstLine[file] = item.mark?.line ?? 0 }
        }
    }

    /// A YAML mark (1-based line, column in Unicode scalars) as a location with a byte column.
    static func location(_ mark: Mark?, lines: [String]) -> SourceLocation {
        guard let mark, mark.line >= 1 else { return SourceLocation(line: 1, column: 1) }
        guard mark.line <= lines.count else { return SourceLocation(line: mark.line, column: 1) }
        let prefix = lines[mark.line - 1].unicodeScalars.prefix(max(mark.column - 1, 0))
        return SourceLocation(line: mark.line, column: prefix.reduce(0) { $0 + UTF8.width($1) } + 1)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return ((context.map { "\($0.text) " } ?? "") + problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key \(duplicates.joined(separator: ", "))", context.mark)
        default:
            return ("\(error)", nil)
        }
    }
}

/// Parses lesson files: front matter, directives, inline expressions, and cmark-gfm's HTML for
/// everything else with holes where those go.
///
///     let lesson = LessonParser.parse(path: "cnn.md", source: "Total: {{ 2*3 }}\n", directives: ["eval"],
///                                     diagnostics: engine)
///     lesson?.template      // [.html("<p>Total: "), .expression(0), .html("</p>\n")]
///     lesson?.inlineExpressions[0].expression   // "2*3"
public enum LessonParser {
    /// Parses a whole lesson. Problems (bad front matter, an unterminated `{{`, a malformed option
    /// line, an unknown directive) all go to `diagnostics`, not just the first; returns nil only
    /// when nothing can be built (the source holds a reserved private-use character).
    ///
    /// `directives` are the directive names the build knows (`DirectiveRegistry.names`); any
    /// other `{name}` fence is a located error.
    public static func parse(path: String, source: String, directives: [String],
                             diagnostics: DiagnosticEngine) -> ParsedLesson? {
        // Text read from a file is normalised already (`LessonSource`); text given in memory is too.
        let source = LessonSource.normalizingLineEndings(source)
        let lines = SourceLines(source)
        if let reserved = PlaceholderMarker.firstReserved(in: source) {
            diagnostics.error(path: path, at: lines.location(ofOffset: reserved.offset),
                              ParseMessage.reservedCharacter(reserved.scalar))
            return nil
        }
        let frontMatter = FrontMatterReader(lines)
        let markdown = blankingLines(lines, count: frontMatter.lineCount)
        let templater = MarkdownTemplater(SourceLines(markdown), directives: directives)
        for problem in (frontMatter.problems + templater.problems).sorted(by: { $0.location < $1.location }) {
            diagnostics.error(path: path, at: problem.location, problem.message)
        }
        return ParsedLesson(path: path, frontMatter: frontMatter.frontMatter, directives: templater.directives,
                            inlineExpressions: templater.expressions, references: templater.references,
                            template: templater.pieces)
    }

    /// The text with its first `count` lines emptied (their newlines kept), so that the Markdown
    /// after the front matter keeps the file's line numbers; leading blank lines render nothing.
    static func blankingLines(_ lines: SourceLines, count: Int) -> String {
        guard count > 0 else { return String(decoding: lines.bytes, as: UTF8.self) }
        let rest = lines.bytes[min(lines.offset(line: count, column: 1), lines.bytes.count)...]
        return String(repeating: "\n", count: count) + String(decoding: rest, as: UTF8.self)
    }
}

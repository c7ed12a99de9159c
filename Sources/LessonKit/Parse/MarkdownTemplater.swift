/// The parse machinery shared by whole lessons and question bodies:
///
/// 1. cmark-gfm parses the text once to learn which spans are prose (paragraphs, headings,
///    tables); code blocks and HTML blocks are never scanned.
/// 2. ``InlineExpressionScanner`` finds `{{ }}` in those spans, skipping code spans and escapes.
/// 3. ``SourceMasker`` replaces each expression by a private-use placeholder, so Markdown never
///    sees `*`, `_` or `|` inside an expression.
/// 4. cmark-gfm parses the masked copy; fenced `{name}` blocks become directive markers; the
///    rendered HTML is cut at the markers into ``TemplatePiece``s.
struct MarkdownTemplater {
    var pieces: [TemplatePiece] = []
    var listItems: [[TemplatePiece]] = []
    var expressions: [InlineExpression] = []
    var directives: [Directive] = []
    var references: [CrossReference] = []
    var problems: [SourceError] = []

    /// `lines` is the text to parse (front matter already blanked out for a lesson).
    /// `directives`: the known names, whose `{name}` fences become directives (a lesson; any other
    /// `{name}` is an error), or nil to leave every fence as code (a question body).
    init(_ lines: SourceLines, directives known: [String]?, splitTrailingOrderedList: Bool = false) {
        let text = String(decoding: lines.bytes, as: UTF8.self)
        let locate: Locator = { lines.location(ofOffset: $0) }
        var problems: [SourceError] = []
        var matches: [InlineExpressionScanner.Match] = []
        for span in CommonMarkConverter.proseSpans(of: text) {
            let start = lines.offset(line: span.startLine - 1, column: span.startColumn)
            let end = lines.endOffset(ofLine: min(span.endLine - 1, lines.lineCount - 1))
            guard start < end, start >= (matches.last?.end ?? 0) else { continue }
            matches += InlineExpressionScanner.scan(lines.bytes, range: start..<end, locate: locate, problems: &problems)
        }
        expressions = matches.map(\.expression)
        let masker = SourceMasker(lines.bytes, matches: matches)

        var found: [(block: CommonMarkConverter.FencedBlock, name: String)] = []
        let rendering = CommonMarkConverter.render(masker.masked, isDirective: { block in
            guard let known, let name = DirectiveReader.name(inInfo: block.info) else { return false }
            guard known.contains(name) else {
                let line = masker.sourceLine(block.span.startLine - 1)
                problems.append(SourceError(ParseMessage.unknownDirective(name, known: known),
                                                at: lines.location(line: line, column: block.span.startColumn)))
                return false
            }
            found.append((block, name))
            return true
        }, markReferences: known != nil, splitTrailingOrderedList: splitTrailingOrderedList)
        directives = found.map { DirectiveReader.read($0.block, name: $0.name, lines: lines, masker: masker, problems: &problems) }

        references = Self.locate(rendering.references, lines: lines, masker: masker)

        var seen = Set<Int>()
        pieces = TemplateSplitter.pieces(rendering.html, seen: &seen)
        listItems = (rendering.listItems ?? []).map { TemplateSplitter.pieces($0, seen: &seen) }
        var inDestination = Set<Int>()
        for url in rendering.markedDestinations {
            for hole in PlaceholderMarker.holes(in: Array(url.utf8)) {
                if case .expression(let index) = hole.hole, index < expressions.count { inDestination.insert(index) }
            }
        }
        for (index, expression) in expressions.enumerated() {
            if inDestination.contains(index) {
                problems.append(SourceError(ParseMessage.expressionInLinkDestination, at: expression.expressionLocation))
            } else if !seen.contains(index) {
                problems.append(SourceError(ParseMessage.expressionNotRendered, at: expression.expressionLocation))
            }
        }
        self.problems = problems.sorted { $0.location < $1.location }
    }

    /// Where each empty link's `[` stands in the source. cmark reports positions in the masked
    /// copy, whose columns shift where an expression was masked earlier on the line, so the
    /// source is searched from that line for the next `[](DESTINATION)` as written (which a
    /// code span holding other text cannot match), and failing that for the next `[](`.
    static func locate(_ found: [(destination: String, span: CommonMarkConverter.Span)], lines: SourceLines,
                       masker: SourceMasker) -> [CrossReference] {
        var cursor = 0
        let bytes = lines.bytes
        func next(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var index = start
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
        return found.compactMap { destination, span in
            guard let target = CrossReference.target(of: destination) else { return nil }
            let line = masker.sourceLine(span.startLine - 1)
            let start = max(cursor, lines.offset(line: line, column: 1))
            guard let index = next(Array("[](\(destination))".utf8), from: start) ?? next(Array("[](".utf8), from: start) else {
                return CrossReference(lesson: target.lesson, name: target.name, location: lines.location(line: line, column: span.startColumn))
            }
            cursor = index + 1
            return CrossReference(lesson: target.lesson, name: target.name, location: lines.location(ofOffset: index))
        }
    }
}

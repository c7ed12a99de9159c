import Foundation

/// `{figure} EXPR` (LESSON-FORMAT.md §6): a computed figure, numbered "Figure N" in lesson order,
/// with a Markdown `:caption:` (`{{ }}` allowed), an `:alt:` (generated from the data when not
/// given) and a `:name:` for cross-references (default id `figure-N`).
struct FigureDirective: DirectiveKind {
    static let spec = DirectiveSpec("figure", argument: .expression(example: "heatmap(feature_map)"), options: [
        .init("name", .identifier), .init("caption", .raw), .init("alt", .text),
    ])

    let value: ParsedExpression
    let name: (String, SourceLocation)?
    /// The caption, parsed as Markdown when the lesson is read; its `{{ }}` are filled when evaluated.
    let caption: MarkdownFragment?
    let alt: TextTemplate?
    let location: SourceLocation

    init?(_ input: DirectiveInput, problems: inout [SourceError]) {
        guard let value = input.expression else { return nil }
        self.value = value
        name = input.options.identifier("name").map { ($0, input.options["name"]?.location ?? input.syntax.location) }
        alt = input.options.text("alt")
        location = input.syntax.location
        if let text = input.options.raw("caption"), let at = input.options["caption"]?.location {
            let diagnostics = DiagnosticEngine()
            caption = LessonParser.parseFragment(text, lineStarts: [at], path: "", splitTrailingOrderedList: false,
                                                 diagnostics: diagnostics)
            problems += diagnostics.diagnostics.map { SourceError($0.message, at: $0.location) }
        } else {
            caption = nil
        }
    }

    func evaluate(in context: DirectiveContext) -> EvaluatedLesson.Block {
        let number = context.nextNumber("Figure")
        guard let value = context.evaluate(value) else { return .nothing }
        guard case .figure(let figure) = value else {
            context.error(at: self.value.location,
                          "a {figure} needs a figure (heatmap(x), image(x), bars(...), line(...), panels([...])), got \(value.typeDescription)")
            return .nothing
        }
        guard let captionHTML = captionHTML(in: context) else { return .nothing }
        var altText = FigureDescription.alt(figure)
        if let alt {
            guard let text = context.fill(alt) else { return .nothing }
            altText = text
        }
        let id = name?.0 ?? "figure-\(number)"
        let anchor = Anchor(name: id, label: "Figure \(number)", elementID: id, location: name?.1 ?? location)
        if name == nil, context.anchors.contains(where: { $0.elementID == id }) {
            context.error(at: location, "this figure's default id '\(id)' is already used by a ':name:'; give it a ':name:' of its own")
            return .nothing
        }
        context.addAnchor(anchor)
        let model = FigureModel(number: number, id: id, captionHTML: captionHTML, alt: altText, figure: figure)
        // All figures of a lesson share one budget of SVG, HTML and PNG bytes; the first past it is reported.
        guard context.figureBytesLeft >= 0 else { return .nothing }
        context.figureBytesLeft -= FigureHTMLWriter.render(model).utf8.count + model.assets.reduce(0) { $0 + $1.bytes.count }
        guard context.figureBytesLeft >= 0 else {
            let limit = context.interpreter.limits.maxFigureBytes
            context.error(at: self.value.location,
                          "the lesson's figures are too large (limit \(limit) bytes of SVG, HTML and PNG); draw fewer or smaller "
                          + "figures, or raise the limit in the front matter: " + LessonLimit.figures.frontMatterExample(above: limit))
            return .nothing
        }
        return .figure(model)
    }

    /// The caption as inline HTML: cmark-gfm's rendering with `{{ }}` filled (escaped), without
    /// the paragraph around a one-paragraph caption.
    private func captionHTML(in context: DirectiveContext) -> String? {
        guard let caption else { return "" }
        var html = ""
        var failed = false
        for piece in caption.pieces {
            switch piece {
            case .html(let text): html += text
            case .expression(let index):
                guard caption.expressions.indices.contains(index), let value = context.text(of: caption.expressions[index]) else {
                    failed = true
                    continue
                }
                html += HTMLEscaping.escape(value)
            case .directive, .reference: continue
            }
        }
        guard !failed else { return nil }
        var trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), trimmed.components(separatedBy: "<p>").count == 2 {
            trimmed = String(trimmed.dropFirst(3).dropLast(4))
        }
        return trimmed
    }
}

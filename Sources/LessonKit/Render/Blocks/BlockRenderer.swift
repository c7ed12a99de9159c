/// Renders the directive blocks that do not belong to the quiz.
public enum BlockRenderer {
    /// The HTML for `block`; `""` for `.nothing`. Questions and the quiz panel are rendered
    /// by `QuizHTML` (see `PageRenderer`), so they give `""` here.
    public static func render(_ block: EvaluatedLesson.Block) -> String {
        switch block {
        case .nothing, .question, .quiz:
            return ""
        case .echo(let code):
            return ListingRenderer.render(code: code, language: "swift", extraClass: "eval", label: "Lesson code (Swift)")
        case .table(let table):
            return TableRenderer.render(table)
        case .listing(let listing):
            return ListingRenderer.render(listing)
        case .output(let output):
            return OutputRenderer.render(output)
        case .math(let formula):
            return TeXToMathML.render(formula) + "\n"
        case .equation(let formula, let id, let number):
            // The number stays beside the formula for the eye; the label names it for assistive technology.
            return "<div class=\"equation\" id=\"\(HTMLEscaping.escape(id))\" role=\"group\" aria-label=\"Equation \(number)\">"
                + TeXToMathML.render(formula) + "<span class=\"equation-number\" aria-hidden=\"true\">(\(number))</span></div>\n"
        case .html(let html):
            return html
        case .figure(let figure):
            return FigureHTMLWriter.render(figure)
        }
    }
}

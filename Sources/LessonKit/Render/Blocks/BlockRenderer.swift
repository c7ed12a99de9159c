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
        case .math(let mathML):
            return mathML + "\n"
        case .figure(let figure):
            return FigureHTMLWriter.render(figure)
        }
    }
}

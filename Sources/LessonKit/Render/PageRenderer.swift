/// Renders one lesson as a complete, self-contained HTML5 page.
///
/// The page links `lessonbuild.css` relatively (it works from `file://`), loads nothing from the
/// network and contains no timestamps, so the same lesson always gives the same bytes.
///
/// The template is filled in order: cmark-gfm's HTML verbatim, expression holes as escaped
/// text, directive holes as rendered blocks (`QuizHTML` for questions and the quiz panel).
/// The quiz script is added only when the lesson has questions.
public enum PageRenderer {
    public static func render(_ lesson: EvaluatedLesson) -> String {
        let plainTitle = lesson.title.isEmpty ? lesson.name : lesson.title
        let title = HTMLEscaping.escape(plainTitle)
        var html = PageHead.html(title: plainTitle, description: lesson.summary) + """
        <header class="page-header">
        <nav class="site-nav" aria-label="Site"><a href="index.html">All lessons</a></nav>
        <h1>\(title)</h1>

        """
        if let summary = lesson.summary, !summary.isEmpty {
            html += "<p class=\"lead\">\(HTMLEscaping.escape(summary))</p>\n"
        }
        html += "</header>\n<main id=\"content\" tabindex=\"-1\">\n"
        html += body(lesson)
        html += """
        </main>
        <footer class="page-footer">
        <p>Built with lessonbuild · <a href="index.html">Back to all lessons</a></p>
        </footer>

        """
        if !lesson.questions.isEmpty {
            html += QuizHTML.script(questions: lesson.questions, panel: lesson.quiz, lessonName: lesson.name)
        }
        return html + "</body>\n</html>\n"
    }

    /// The filled template: what goes inside `<main>`.
    public static func body(_ lesson: EvaluatedLesson) -> String {
        var html = ""
        for piece in lesson.template {
            switch piece {
            case .html(let text):
                html += text
            case .expression(let index):
                if lesson.inlineTexts.indices.contains(index) {
                    html += HTMLEscaping.escape(lesson.inlineTexts[index])
                }
            case .reference(let index):
                guard lesson.references.indices.contains(index) else { continue }
                let reference = lesson.references[index]
                html += "<a class=\"xref\" href=\"\(HTMLEscaping.escape(reference.href))\">\(HTMLEscaping.escape(reference.label))</a>"
            case .directive(let index):
                guard lesson.blocks.indices.contains(index) else { continue }
                html += block(lesson.blocks[index], in: lesson)
            }
        }
        return html
    }

    private static func block(_ block: EvaluatedLesson.Block, in lesson: EvaluatedLesson) -> String {
        switch block {
        case .question(let index):
            guard lesson.questions.indices.contains(index) else { return "" }
            return QuizHTML.question(lesson.questions[index], index: index, lessonName: lesson.name)
        case .quiz:
            guard let panel = lesson.quiz else { return "" }
            return QuizHTML.panel(panel, questions: lesson.questions, lessonName: lesson.name)
        default:
            return BlockRenderer.render(block)
        }
    }
}

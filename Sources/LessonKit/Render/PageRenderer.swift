/// Renders one lesson as a complete, self-contained HTML5 page.
///
/// The page links `lessonbuild.css` relatively (it works from `file://`), loads nothing from the
/// network and contains no timestamps, so the same lesson always gives the same bytes.
///
/// The template is filled in order: cmark-gfm's HTML verbatim, expression holes as escaped
/// text, directive holes as rendered blocks (`QuizHTML` for questions and the quiz panel).
/// The quiz script is added only when the lesson has questions.
///
/// Navigation (`CourseNavigation`): the course's lessons in the header, the table of contents
/// of the body's `##`/`###` headings (each heading gets GitHub's id and a self-link,
/// `PageOutline`), and previous/next links after `<main>`. Without a `course` the page is a
/// course of one.
public enum PageRenderer {
    public static func render(_ lesson: EvaluatedLesson, course: CourseOutline? = nil) -> String {
        let course = course ?? CourseOutline(single: lesson)
        let plainTitle = lesson.title.isEmpty ? lesson.name : lesson.title
        let title = HTMLEscaping.escape(plainTitle)
        let outline = PageOutline(parts: parts(lesson), reserved: ["content", "toc", "course-nav"])
        var html = PageHead.html(title: plainTitle, description: lesson.summary) + """
        <header class="page-header">
        \(CourseNavigation.skipLinks(hasContents: !outline.contents.isEmpty))<nav class="site-nav" aria-label="Site"><a href="index.html">All lessons</a></nav>
        \(CourseNavigation.course(course, current: lesson.name))<h1>\(title)</h1>

        """
        if let summary = lesson.summary, !summary.isEmpty {
            html += "<p class=\"lead\">\(HTMLEscaping.escape(summary))</p>\n"
        }
        html += CourseNavigation.tableOfContents(outline.contents)
        html += "</header>\n<main id=\"content\" tabindex=\"-1\">\n"
        html += outline.html
        html += "</main>\n" + CourseNavigation.pager(course, current: lesson.name) + """
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
        parts(lesson).map(\.html).joined()
    }

    /// The filled template as runs of prose (cmark-gfm's HTML and expression values) and
    /// rendered directive blocks, in order.
    static func parts(_ lesson: EvaluatedLesson) -> [(html: String, isProse: Bool)] {
        var parts: [(html: String, isProse: Bool)] = []
        var prose = ""
        for piece in lesson.template {
            switch piece {
            case .html(let text):
                prose += text
            case .expression(let index):
                if lesson.inlineTexts.indices.contains(index) {
                    prose += HTMLEscaping.escape(lesson.inlineTexts[index])
                }
            case .reference(let index):
                guard lesson.references.indices.contains(index) else { continue }
                let reference = lesson.references[index]
                prose += "<a class=\"xref\" href=\"\(HTMLEscaping.escape(reference.href))\">\(HTMLEscaping.escape(reference.label))</a>"
            case .directive(let index):
                guard lesson.blocks.indices.contains(index) else { continue }
                parts.append((prose, true))
                prose = ""
                parts.append((block(lesson.blocks[index], in: lesson), false))
            }
        }
        parts.append((prose, true))
        return parts.filter { !$0.html.isEmpty }
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

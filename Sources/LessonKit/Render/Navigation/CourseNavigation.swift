/// The navigation every lesson page carries: the course's lessons, the page's table of
/// contents, and links to the previous and next lesson.
///
/// The course list and the table of contents are `<details>` disclosures, closed by default, so
/// that on a phone the lesson starts right below its title; each is a labelled `<nav>` landmark,
/// reachable from the skip links. Every text is escaped here.
enum CourseNavigation {
    /// `<nav class="course">`: the lessons in order, the current one `aria-current="page"`.
    static func course(_ course: CourseOutline, current: String) -> String {
        var html = "<nav class=\"course\" id=\"course-nav\" aria-label=\"Course\">\n<details>\n<summary>"
        html += "<span class=\"course-title\">\(HTMLEscaping.escape(course.title))</span>"
        if let index = course.position(of: current) {
            html += " <span class=\"course-position\">lesson \(index + 1) of \(course.lessons.count)</span>"
        }
        html += "</summary>\n<ol>\n"
        for lesson in course.lessons {
            let current = lesson.name == current ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(lesson.hrefHTML)\"\(current)>\(lesson.titleHTML)</a></li>\n"
        }
        return html + "</ol>\n</details>\n</nav>\n"
    }

    /// `<nav class="toc">`: the `##` headings with their `###` headings nested; "" without any.
    static func tableOfContents(_ headings: [PageOutline.Heading]) -> String {
        guard !headings.isEmpty else { return "" }
        var html = "<nav class=\"toc\" id=\"toc\" aria-label=\"On this page\">\n<details>\n<summary>On this page</summary>\n<ol>\n"
        var nested = false
        for (index, heading) in headings.enumerated() {
            let link = "<a href=\"#\(HTMLEscaping.escape(heading.id))\">\(HTMLEscaping.escape(heading.text))</a>"
            if heading.level == 3 && index > 0 {
                if !nested { html += "\n<ol>\n" }
                nested = true
                html += "<li>\(link)</li>\n"
                continue
            }
            if nested { html += "</ol>\n" }
            if index > 0 { html += "</li>\n" }
            nested = false
            html += "<li>\(link)"
        }
        if nested { html += "</ol>\n" }
        return html + "</li>\n</ol>\n</details>\n</nav>\n"
    }

    /// `<nav class="pager">` with `<a rel="prev">` and `<a rel="next">`; "" for a course of one.
    static func pager(_ course: CourseOutline, current: String) -> String {
        let (previous, next) = course.neighbours(of: current)
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next lesson\">\n"
        if let previous {
            html += "<a rel=\"prev\" href=\"\(previous.hrefHTML)\"><span class=\"pager-label\">Previous</span> \(previous.titleHTML)</a>\n"
        }
        if let next {
            html += "<a rel=\"next\" href=\"\(next.hrefHTML)\"><span class=\"pager-label\">Next</span> \(next.titleHTML)</a>\n"
        }
        return html + "</nav>\n"
    }

    /// The skip link after "Skip to content": to the table of contents when there is one. It opens
    /// the header (a link outside every landmark is reported by axe's `region` rule).
    static func skipLinks(hasContents: Bool) -> String {
        hasContents ? "<a class=\"skip-link\" href=\"#toc\">Skip to the table of contents</a>\n" : ""
    }
}

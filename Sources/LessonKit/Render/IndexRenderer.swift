/// Renders the site's `index.html`: every lesson's title linked to `<name>.html`, with its
/// summary, in course order (lessons outside the course after it), then by file name (byte
/// order, so the result never depends on the locale). A lesson whose quiz this browser passed
/// is marked: `IndexStatus` reads the quiz's completion from `localStorage`.
public enum IndexRenderer {
    /// One lesson as the index lists it.
    public struct Entry: Sendable, Equatable {
        /// The output file's base name: `cnn` links to `cnn.html`.
        public var name: String
        public var title: String
        public var summary: String?
        /// The `localStorage` key of the lesson's quiz (`QuizHTML.storageKey`); nil without a quiz.
        public var quizKey: String?
        public init(name: String, title: String, summary: String?, quizKey: String? = nil) {
            self.name = name
            self.title = title
            self.summary = summary
            self.quizKey = quizKey
        }

        public init(_ lesson: EvaluatedLesson) {
            self.init(name: lesson.name, title: lesson.title, summary: lesson.summary,
                      quizKey: IndexStatus.quizKey(lesson))
        }
    }

    public static func render(_ lessons: [EvaluatedLesson], siteTitle: String = "Lessons") -> String {
        render(entries: lessons.map(Entry.init), siteTitle: siteTitle)
    }

    public static func render(entries: [Entry], siteTitle: String = "Lessons", course: CourseOutline? = nil) -> String {
        let siteTitle = course?.title ?? siteTitle
        let title = HTMLEscaping.escape(siteTitle)
        var html = PageHead.html(title: siteTitle) + """
        <header class="page-header">
        <h1>\(title)</h1>
        </header>
        <main id="content" tabindex="-1">
        <ol class="lesson-index">

        """
        let position = { (name: String) in course?.position(of: name) ?? Int.max }
        let sorted = entries.sorted { a, b in
            let (first, second) = (position(a.name), position(b.name))
            return first != second ? first < second : Array(a.name.utf8).lexicographicallyPrecedes(b.name.utf8)
        }
        for entry in sorted {
            let heading = entry.title.isEmpty ? entry.name : entry.title
            html += "<li><a href=\"\(HTMLEscaping.escape(linkPath(entry.name)))\">\(HTMLEscaping.escape(heading))</a>"
            if let key = entry.quizKey {
                html += IndexStatus.mark(quizKey: key)
            }
            if let summary = entry.summary, !summary.isEmpty {
                html += "\n<p>\(HTMLEscaping.escape(summary))</p>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n</main>\n"
        return html + """
        <footer class="page-footer">
        <p>Built with lessonbuild</p>
        </footer>
        \(sorted.contains { $0.quizKey != nil } ? IndexStatus.script : "")</body>
        </html>

        """
    }

    /// `name.html`, percent-encoding anything outside unreserved URL characters so that a
    /// file name with spaces or `#` still links correctly.
    static func linkPath(_ name: String) -> String {
        var path = ""
        for byte in (name + ".html").utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "-._~".unicodeScalars.contains(scalar) {
                path.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                path += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path
    }
}

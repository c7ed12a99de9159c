/// The lessons of a course in reading order, as every page's navigation shows them.
///
/// Built by `Course` (Site) from `course.yml` or the lessons' `order:` keys; a page rendered on
/// its own gets a course of one lesson.
public struct CourseOutline: Sendable, Equatable {
    /// One lesson: its page's base name (`cnn` links to `cnn.html`) and its title.
    public struct Lesson: Sendable, Equatable {
        public let name: String
        public let title: String
        /// The link and the title as HTML, escaped once here: every page of the course lists them.
        let hrefHTML: String
        let titleHTML: String
        public init(name: String, title: String) {
            self.name = name
            self.title = title
            hrefHTML = HTMLEscaping.escape(IndexRenderer.linkPath(name))
            titleHTML = HTMLEscaping.escape(title)
        }
    }

    /// The course title: `course.yml`'s `title`, else "Lessons".
    public var title: String
    public var lessons: [Lesson]

    public static let defaultTitle = "Lessons"

    public init(title: String = CourseOutline.defaultTitle, lessons: [Lesson]) {
        self.title = title
        self.lessons = lessons
    }

    /// The course of a page rendered without one: just that lesson.
    init(single lesson: EvaluatedLesson) {
        self.init(lessons: [Lesson(name: lesson.name, title: lesson.title.isEmpty ? lesson.name : lesson.title)])
    }

    /// Where `name` stands in the course, or nil when it is not in it.
    public func position(of name: String) -> Int? {
        lessons.firstIndex { $0.name == name }
    }

    /// The lessons before and after `name` (nil at either end, or when `name` is not in the course).
    func neighbours(of name: String) -> (previous: Lesson?, next: Lesson?) {
        guard let index = position(of: name) else { return (nil, nil) }
        return (index > 0 ? lessons[index - 1] : nil, index + 1 < lessons.count ? lessons[index + 1] : nil)
    }
}

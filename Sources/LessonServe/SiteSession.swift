import Foundation
import LessonKit

/// The site the live preview keeps up to date: built by the same `SiteBuilder` calls as
/// `lessonbuild build`, then rebuilt for each batch of changed files, as little as possible.
///
/// What a change rebuilds:
/// - a lesson: that lesson's page (and the index and stylesheet the builder always renders);
/// - `course.yml`, a lesson added or removed, or a change of the course's titles or order: every page
///   (each page's navigation lists the whole course);
/// - any other watched file (an imported `_part.md`, an image, data): the lessons whose text names
///   it, directly or through other such files; every lesson when none does.
///
/// A batch that fails is retried lesson by lesson, so that one broken lesson never holds back the
/// others and each page knows its own errors. Nothing is written for a lesson with errors: its
/// page stays the last good version and `errors` says why.
final class SiteSession: @unchecked Sendable {
    let arguments: [String]
    let outputDirectory: String
    /// Identifies this server run to the pages (a page from an earlier run refreshes itself).
    let session: String

    private let lock = NSLock()
    private var lessons: [String] = []
    private var course: CourseOutline?
    private var build = 0
    private var versions: [String: Int] = [:]
    /// The errors of each lesson's last build, by page file name (`cnn.html`).
    private var errors: [String: [Diagnostic]] = [:]
    /// Problems outside any lesson (a lesson folder that vanished).
    private var siteErrors: [String] = []

    /// The file kinds whose changes count: lessons and imports, the course, images and data.
    static let watchedExtensions: Set<String> = ["md", "yml", "yaml", "png", "jpg", "jpeg", "gif", "svg", "webp", "csv", "json", "txt"]

    init(arguments: [String], outputDirectory: String) {
        self.arguments = arguments
        self.outputDirectory = outputDirectory
        session = "\(getpid())-\(Int(Date().timeIntervalSince1970 * 1000))"
    }

    /// A batch's outcome, for the terminal.
    struct Outcome {
        var built: [String] = []
        var written: [String] = []
        var failed: [String: [Diagnostic]] = [:]
        var milliseconds = 0.0
    }

    /// Builds every lesson.
    func buildAll() -> Outcome {
        let start = DispatchTime.now()
        let lessons = (try? LessonFiles.expand(arguments)) ?? []
        lock.withLock {
            self.lessons = lessons
            course = Self.outline(lessons)
        }
        var outcome = build(lessons)
        outcome.milliseconds = Self.elapsed(since: start)
        return outcome
    }

    /// Rebuilds what `paths` affect; nil when none of them matters.
    func rebuild(changed paths: [String]) -> Outcome? {
        let relevant = paths.filter { Self.watchedExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        guard !relevant.isEmpty else { return nil }
        let start = DispatchTime.now()
        let lessons = (try? LessonFiles.expand(arguments)) ?? []
        let course = Self.outline(lessons)
        let (previousLessons, previousCourse) = lock.withLock { (self.lessons, self.course) }
        lock.withLock {
            self.lessons = lessons
            self.course = course
            let pages = Set(lessons.map(Self.page))
            errors = errors.filter { pages.contains($0.key) }
        }
        let affected: [String]
        if lessons != previousLessons || course != previousCourse
            || relevant.contains(where: { ($0 as NSString).lastPathComponent == Course.fileName }) {
            affected = lessons
        } else {
            affected = Self.affected(by: relevant, lessons: lessons)
        }
        guard !affected.isEmpty else { return nil }
        var outcome = build(affected)
        outcome.milliseconds = Self.elapsed(since: start)
        return outcome
    }

    /// The lessons `changed` affects: the changed lessons themselves, and the lessons that name a
    /// changed non-lesson file (or a file that names it, and so on); all lessons when nothing names it.
    static func affected(by changed: [String], lessons: [String]) -> [String] {
        let lessonKeys = Set(lessons.map(key))
        var result = Set(changed.filter { lessonKeys.contains(key($0)) }.map(key))
        var pending = changed.filter { !lessonKeys.contains(key($0)) }.map { ($0 as NSString).lastPathComponent }
        guard !pending.isEmpty else { return lessons.filter { result.contains(key($0)) } }
        // Every watched text file in the lesson folders, with its text, to follow names through.
        var texts: [String: String] = [:]
        for folder in Set(lessons.map { ($0 as NSString).deletingLastPathComponent }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
            for name in names where name.hasSuffix(".md") {
                let path = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
                if let data = FileManager.default.contents(atPath: path) { texts[path] = String(decoding: data, as: UTF8.self) }
            }
        }
        var seen = Set(pending)
        var named = false
        while let name = pending.popLast() {
            for (path, text) in texts where text.contains(name) {
                named = true
                if lessonKeys.contains(key(path)) {
                    result.insert(key(path))
                } else {
                    let file = (path as NSString).lastPathComponent
                    if seen.insert(file).inserted { pending.append(file) }
                }
            }
        }
        return named ? lessons.filter { result.contains(key($0)) } : lessons
    }

    /// The event every page listens to: which build each file is at, and each page's errors.
    func message() -> String {
        lock.withLock {
            var errorTexts: [String: [String]] = [:]
            for (page, list) in errors where !list.isEmpty {
                errorTexts[page] = list.map { ErrorExcerpt.text($0, lines: ErrorExcerpt.lines(ofFile: $0.path)) }
            }
            if !siteErrors.isEmpty { errorTexts["index.html", default: []] += siteErrors }
            let object: [String: Any] = ["session": session, "build": build, "versions": versions, "errors": errorTexts]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The build a site file was last written in (0: before or at the first build).
    func version(of file: String) -> Int {
        lock.withLock { versions[file] ?? 0 }
    }

    /// Whether the page of `file` currently has errors.
    func hasErrors(_ file: String) -> Bool {
        lock.withLock { !(errors[file] ?? []).isEmpty }
    }

    private func build(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        lock.withLock { build += 1 }
        buildBatch(paths, into: &outcome)
        return outcome
    }

    private func buildBatch(_ paths: [String], into outcome: inout Outcome) {
        guard !paths.isEmpty else { return }
        let diagnostics = DiagnosticEngine()
        let builder = SiteBuilder(outputDirectory: outputDirectory, diagnostics: diagnostics)
        if let files = builder.render(lessonPaths: paths, folders: LessonFiles.folders(arguments)) {
            let stale: [String]
            do {
                stale = try builder.write(files)
            } catch {
                let text = "error: \(error)"
                lock.withLock { siteErrors = [text] }
                return
            }
            lock.withLock {
                siteErrors = []
                for path in paths { errors[Self.page(path)] = [] }
                for name in stale { versions[name] = build }
            }
            outcome.built += paths
            outcome.written += stale
        } else if paths.count > 1 {
            for path in paths { buildBatch([path], into: &outcome) }
        } else {
            let found = diagnostics.sorted
            lock.withLock { errors[Self.page(paths[0])] = found }
            outcome.failed[paths[0]] = found
        }
    }

    private static func outline(_ lessons: [String]) -> CourseOutline {
        Course.outline(for: lessons, diagnostics: DiagnosticEngine())
    }

    /// `lessons/cnn.md` → `cnn.html`.
    static func page(_ path: String) -> String {
        LessonPipeline.lessonName(path) + ".html"
    }

    /// A path compared by its absolute, standardized form.
    private static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }
}

import Foundation

/// Builds a site in memory from lessons and writes it as one transaction, or checks it against disk.
///
/// A site is one page per lesson (`<name>.html`) with its figures, `index.html` listing every
/// lesson the site holds (those built now and those built before, from the site's manifest,
/// `SiteManifest`), the stylesheet and the manifest. Nothing is written unless every lesson
/// evaluated cleanly; then the folder is locked (`SiteLock`), the plan is made against the
/// manifest found under the lock (`SitePlan`), and every file is staged and renamed into place
/// (`SiteTransaction`), so a failed or killed build never leaves a mix inside a file, and
/// concurrent builds into one folder each keep the others' lessons on the index.
public struct SiteBuilder {
    /// The folder the site lives in.
    public let outputDirectory: String
    public let diagnostics: DiagnosticEngine
    /// How long a build waits for another build writing the same folder, in seconds.
    public var lockTimeout: Double = 60

    public init(outputDirectory: String, diagnostics: DiagnosticEngine) {
        self.outputDirectory = outputDirectory
        self.diagnostics = diagnostics
    }

    /// Every file of the site, rendered in memory; nil when any lesson has errors. `folders` are
    /// the folders given whole: writing removes the pages of lessons deleted from them.
    ///
    /// Lessons are independent, so they are evaluated and rendered on all cores at once; each
    /// has its own diagnostics, merged afterwards in command-line order, so the output and the
    /// error report are the same bytes however the work was scheduled.
    public func render(lessonPaths: [String], folders: [String] = []) -> SiteFiles? {
        var unique: [String] = []
        var seen: [String: String] = [:]
        for path in lessonPaths {
            let name = LessonPipeline.lessonName(path)
            if let other = seen[name] {
                diagnostics.error(path: path, at: SourceLocation(line: 1, column: 1),
                                  "this lesson would overwrite \(name).html, already built from \(other)")
                continue
            }
            seen[name] = path
            unique.append(path)
        }

        let course = Course.outline(for: unique, diagnostics: diagnostics)
        let built = Self.buildConcurrently(unique, course: course)
        built.flatMap(\.diagnostics).forEach(diagnostics.emit)
        guard !diagnostics.hasErrors else { return nil }

        var files = SiteFiles(directory: outputDirectory, folders: folders, stylesheet: Data(Stylesheet.css.utf8))
        for (path, outcome) in zip(unique, built) {
            guard let (lesson, html) = outcome.page else { continue }
            var owned = [lesson.name + ".html": html]
            for asset in lesson.assets { owned[asset.path] = Data(asset.bytes) }
            files.lessons.append(.init(name: lesson.name, source: path, entry: IndexRenderer.Entry(lesson), files: owned))
        }
        return files
    }

    /// One lesson's outcome: its page when it built, and what it reported either way.
    struct BuiltLesson: Sendable {
        var page: (lesson: EvaluatedLesson, html: Data)?
        var diagnostics: [Diagnostic]
    }

    /// Evaluates and renders every lesson, in parallel, returning the results in input order.
    static func buildConcurrently(_ paths: [String], course: CourseOutline? = nil) -> [BuiltLesson] {
        let results = LockedResults(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let diagnostics = DiagnosticEngine()
            let lesson = LessonPipeline.evaluate(path: paths[index], diagnostics: diagnostics)
            let page = lesson.map { ($0, Data(PageRenderer.render($0, course: course).utf8)) }
            results.set(index, BuiltLesson(page: page, diagnostics: diagnostics.diagnostics))
        }
        return results.values.map { $0 ?? BuiltLesson(page: nil, diagnostics: []) }
    }

    /// Writes `files` into the output folder as one transaction; returns the names of the files
    /// written or removed. Waits up to `lockTimeout` for another build writing the same folder.
    @discardableResult
    public func write(_ files: SiteFiles) throws -> [String] {
        try createOutputDirectory()
        let lock = try SiteLock(directory: outputDirectory, exclusive: true, timeout: lockTimeout)
        let plan = try SitePlan(building: files, in: outputDirectory)
        return try withExtendedLifetime(lock) {
            try SiteTransaction(directory: outputDirectory, descriptor: lock.descriptor).commit(plan)
        }
    }

    /// What differs between the folder and what writing `files` would give: missing and stale
    /// files, and files no lesson owns. Writes nothing.
    public func check(_ files: SiteFiles) throws -> [SiteProblem] {
        var isFolder: ObjCBool = false
        let lock = FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isFolder) && isFolder.boolValue
            ? try SiteLock(directory: outputDirectory, exclusive: false, timeout: lockTimeout) : nil
        return try withExtendedLifetime(lock) {
            try SiteCheck.problems(SitePlan(building: files, in: outputDirectory), built: files, in: outputDirectory)
        }
    }

    private func createOutputDirectory() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw SiteError("the site folder \(outputDirectory) is a file") }
            return
        }
        var path = ""
        for component in SiteManifest.absolute(outputDirectory).split(separator: "/") {
            path += "/" + component
            guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
                throw SiteError("cannot create the site folder \(outputDirectory): \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// The lessons a build produced, and the site files they give.
public struct SiteFiles: Sendable {
    /// One built lesson: its page name, its file as given, its index entry and its files.
    struct Lesson: Sendable {
        var name: String
        var source: String
        var entry: IndexRenderer.Entry
        var files: [String: Data]
    }

    var lessons: [Lesson] = []
    /// The site folder they are for.
    var directory = ""
    /// Folders built whole.
    var folders: [String] = []
    var stylesheet = Data()

    public init() {}

    init(directory: String, folders: [String], stylesheet: Data) {
        self.directory = directory
        self.folders = folders
        self.stylesheet = stylesheet
    }

    /// Every file writing would write (pages, figures, stylesheet, index, manifest), worked out
    /// against the folder as it is now; writing works them out again, under the folder's lock.
    public var preview: [String: Data] {
        (try? SitePlan(building: self, in: directory).files)
            ?? lessons.reduce(into: [Stylesheet.fileName: stylesheet]) { $0.merge($1.files) { a, _ in a } }
    }

    public subscript(name: String) -> Data? {
        preview[name]
    }

    /// The files of `preview` in name order.
    public var sorted: [(name: String, data: Data)] {
        preview.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// A failure writing the site (not a lesson error).
public struct SiteError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A fixed-size array that concurrent workers fill, one slot each.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SiteBuilder.BuiltLesson?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: SiteBuilder.BuiltLesson) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [SiteBuilder.BuiltLesson?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

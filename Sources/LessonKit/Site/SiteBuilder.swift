import Foundation

/// Builds a site in memory from lessons and writes it atomically, or checks it against disk.
///
/// A site is one page per lesson (`<name>.html`), `index.html` listing every lesson page in the
/// folder (those built now and those already there), and the stylesheet. Nothing is written
/// unless every lesson evaluated cleanly, and each file is written to a temporary name and
/// renamed, so a failed build leaves the previous site untouched.
public struct SiteBuilder {
    /// The folder the site lives in.
    public let outputDirectory: String
    public let diagnostics: DiagnosticEngine

    public init(outputDirectory: String, diagnostics: DiagnosticEngine) {
        self.outputDirectory = outputDirectory
        self.diagnostics = diagnostics
    }

    /// Every file of the site, rendered in memory; nil when any lesson has errors.
    ///
    /// Lessons are independent, so they are evaluated and rendered on all cores at once; each
    /// has its own diagnostics, merged afterwards in command-line order, so the output and the
    /// error report are the same bytes however the work was scheduled.
    public func render(lessonPaths: [String]) -> SiteFiles? {
        var unique: [String] = []
        var seen: [String: String] = [:]
        for path in lessonPaths {
            let name = LessonPipeline.lessonName(path)
            if let problem = ReservedNames.problem(forPage: name) {
                diagnostics.error(path: path, at: SourceLocation(line: 1, column: 1), problem)
                continue
            }
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

        var files = SiteFiles()
        let pages = built.compactMap(\.page)
        for page in pages {
            files[page.lesson.name + ".html"] = page.html
            for asset in page.lesson.assets { files[asset.path] = Data(asset.bytes) }
        }
        files[Stylesheet.fileName] = Data(Stylesheet.css.utf8)
        let entries = SiteIndex.entries(existingIn: outputDirectory, replacedBy: pages.map(\.lesson))
        files["index.html"] = Data(IndexRenderer.render(entries: entries, course: course).utf8)
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

    /// Writes `files` into the output folder, each through a temporary file and a rename.
    public func write(_ files: SiteFiles) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        for (name, data) in files.sorted {
            let target = (outputDirectory as NSString).appendingPathComponent(name)
            if manager.contents(atPath: target) == data { continue }
            let temporary = (outputDirectory as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
            guard manager.createFile(atPath: temporary, contents: data) else {
                throw SiteError("cannot write \(temporary)")
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporary)
                throw SiteError("cannot replace \(target): \(reason)")
            }
        }
    }

    /// The names of files that are missing from the output folder or differ from `files`.
    public func staleFiles(_ files: SiteFiles) -> [String] {
        files.sorted.compactMap { name, data in
            let target = (outputDirectory as NSString).appendingPathComponent(name)
            return FileManager.default.contents(atPath: target) == data ? nil : name
        }
    }
}

/// The rendered files of a site by file name.
public struct SiteFiles: Sendable {
    var contents: [String: Data] = [:]

    public init() {}

    public subscript(name: String) -> Data? {
        get { contents[name] }
        set { contents[name] = newValue }
    }

    /// The files in name order, for deterministic writing and reporting.
    public var sorted: [(name: String, data: Data)] {
        contents.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
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

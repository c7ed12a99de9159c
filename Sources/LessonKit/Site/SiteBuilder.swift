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
    public func render(lessonPaths: [String]) -> SiteFiles? {
        var lessons: [EvaluatedLesson] = []
        var seen: [String: String] = [:]
        for path in lessonPaths {
            let name = LessonPipeline.lessonName(path)
            if let other = seen[name] {
                diagnostics.error(path: path, at: SourceLocation(line: 1, column: 1),
                                  "this lesson would overwrite \(name).html, already built from \(other)")
                continue
            }
            seen[name] = path
            if let lesson = LessonPipeline.evaluate(path: path, diagnostics: diagnostics) {
                lessons.append(lesson)
            }
        }
        guard !diagnostics.hasErrors else { return nil }

        var files = SiteFiles()
        for lesson in lessons {
            files[lesson.name + ".html"] = Data(PageRenderer.render(lesson).utf8)
        }
        files[Stylesheet.fileName] = Data(Stylesheet.css.utf8)
        let entries = SiteIndex.entries(existingIn: outputDirectory, replacedBy: lessons)
        files["index.html"] = Data(IndexRenderer.render(entries: entries).utf8)
        return files
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
        contents.keys.sorted().map { ($0, contents[$0]!) }
    }
}

/// A failure writing the site (not a lesson error).
public struct SiteError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

import Foundation

/// What one build does to a site folder, worked out from the folder's manifest and the lessons
/// built now: the files to write (the built lessons' pages and figures, the stylesheet, the index
/// and the new manifest) and the files to remove.
///
/// The new manifest keeps every lesson of the old one, except
/// - lessons built now (replaced),
/// - lessons of a folder built whole whose file is no longer a lesson there (deleted or renamed),
/// - lessons whose page is gone from the site.
///
/// A file the old manifest owned and the new one does not is removed: the figure a lesson no
/// longer draws, the page of a deleted lesson. Files the manifest never owned are left alone
/// (`--check` reports them). The index lists the new manifest's lessons in the order of their
/// course (every lesson folder they come from, in name order; see `Course`).
struct SitePlan {
    /// Every file to write, by name.
    var files: [String: Data] = [:]
    /// Files to remove, by name.
    var removed: [String] = []
    var manifest = SiteManifest()
    /// The manifest before this build (one made from the pages found, for a site without one).
    var previous: SiteManifest

    init(building build: SiteFiles, in directory: String) throws {
        previous = try SiteManifest.read(in: directory) ?? SiteIndex.legacyManifest(in: directory)
        let built = Set(build.lessons.map(\.name))
        let folderLessons = Dictionary(uniqueKeysWithValues: Set(build.folders.map(SiteManifest.absolute)).map { folder in
            (folder, Set(Course.lessonFiles(in: folder).map { SiteManifest.absolute(Course.join(folder, $0)) }))
        })
        for (name, lesson) in previous.lessons where !built.contains(name) {
            if let source = lesson.source {
                let path = SiteManifest.absolute(Course.join(directory, source))
                if let lessons = folderLessons[Course.folder(of: path)], !lessons.contains(path) { continue }
            }
            guard Self.exists(Course.join(directory, name + ".html")) else { continue }
            manifest.lessons[name] = lesson
        }
        for lesson in build.lessons {
            for (file, data) in lesson.files {
                guard SiteManifest.isPlainFileName(file), !SiteTransaction.isReserved(file),
                      file != Self.indexName, file != Stylesheet.fileName else {
                    throw SiteError("lesson \(lesson.source) would write `\(file)`, a name the site keeps for itself; rename the lesson")
                }
                files[file] = data
            }
            manifest.lessons[lesson.name] = SiteManifest.Lesson(
                source: SiteManifest.relativePath(of: lesson.source, from: directory),
                title: lesson.entry.title, summary: lesson.entry.summary, quizKey: lesson.entry.quizKey,
                files: lesson.files.mapValues { SHA256.hex($0) })
        }
        files[Stylesheet.fileName] = build.stylesheet
        files[Self.indexName] = Self.index(of: manifest, in: directory)
        manifest.site = [Self.indexName: SHA256.hex(files[Self.indexName]!), Stylesheet.fileName: SHA256.hex(build.stylesheet)]
        files[SiteManifest.fileName] = manifest.encoded()
        removed = previous.ownedFiles.subtracting(manifest.ownedFiles).sorted()
    }

    static let indexName = "index.html"

    /// `index.html` for the lessons of `manifest`, in course order.
    static func index(of manifest: SiteManifest, in directory: String) -> Data {
        let sources = manifest.lessons.values.compactMap(\.source)
            .map { SiteManifest.absolute(Course.join(directory, $0)) }
            .filter { exists($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        // The lessons built now reported any problem with their course already.
        let course = Course.outline(for: sources, diagnostics: DiagnosticEngine())
        let entries = manifest.lessons.map { $0.value.entry(named: $0.key) }
        return Data(IndexRenderer.render(entries: entries, course: course).utf8)
    }

    /// Whether something (a file, a folder, a dangling link) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}

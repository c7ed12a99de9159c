import Foundation
import Yams

/// The reading order of the lessons: `course.yml` beside them, or else their `order:` front
/// matter, then file name.
///
///     # lessons/course.yml
///     title: CNNs from a cracked panel
///     lessons:
///       - cnn.md
///       - receptive-fields.md
///
/// A course covers every lesson in the folders of the lessons being built (files starting with
/// `.` or `_` are not lessons), so building one lesson gives its page the same navigation as
/// building the folder. `course.yml` must list each of those lessons exactly once and nothing
/// else; anything wrong is reported at its place in `course.yml`. Without `course.yml`, lessons
/// with a numeric `order:` come first, by order, then the rest; ties go by file name (byte order).
/// Titles are read from the front matter alone, without evaluating the lessons.
public enum Course {
    /// The file name looked for in each lesson folder.
    public static let fileName = "course.yml"

    /// The course of the folders holding `lessonPaths`, in the order the folders first appear.
    /// Problems go to `diagnostics` (the outline is still returned, as good as it can be).
    public static func outline(for lessonPaths: [String], diagnostics: DiagnosticEngine) -> CourseOutline {
        var folders: [String] = []
        for path in lessonPaths {
            let folder = folder(of: path)
            if !folders.contains(folder) { folders.append(folder) }
        }
        var title: String?
        var lessons: [CourseOutline.Lesson] = []
        for folder in folders {
            let files = lessonFiles(in: folder)
            let coursePath = join(folder, fileName)
            var fronts: [String: CourseFrontMatter] = [:]
            let front = { (file: String) in
                if let known = fronts[file] { return known }
                let read = CourseFrontMatter(path: join(folder, file))
                fronts[file] = read
                return read
            }
            var ordered: [String]
            if let data = FileManager.default.contents(atPath: coursePath) {
                let file = CourseFile(path: coursePath, text: String(decoding: data, as: UTF8.self), lessonFiles: files,
                                      diagnostics: diagnostics)
                if title == nil { title = file.title }
                ordered = file.lessons
            } else {
                ordered = byFrontMatter(files, in: folder, front: front, diagnostics: diagnostics)
            }
            // A lesson given on the command line from outside its folder's listing (a hidden or
            // `_` file) still gets a place, at the end.
            for path in lessonPaths where Self.folder(of: path) == folder {
                let file = (path as NSString).lastPathComponent
                if !ordered.contains(file) && !files.contains(file) { ordered.append(file) }
            }
            for file in ordered {
                let name = LessonPipeline.lessonName(file)
                let title = front(file).title ?? ""
                lessons.append(.init(name: name, title: title.isEmpty ? name : title))
            }
        }
        return CourseOutline(title: title ?? CourseOutline.defaultTitle, lessons: lessons)
    }

    /// The lesson files directly in `folder`: `.md`, not starting with `.` or `_`, by name.
    static func lessonFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return name.hasSuffix(".md") && !name.hasPrefix(".") && !name.hasPrefix("_")
                && FileManager.default.fileExists(atPath: join(folder, name), isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Lessons with a numeric `order:` first (by order, then name), then the others by name.
    private static func byFrontMatter(_ files: [String], in folder: String, front: (String) -> CourseFrontMatter,
                                      diagnostics: DiagnosticEngine) -> [String] {
        let keyed = files.map { file -> (file: String, order: Double?) in
            let read = front(file)
            if let problem = read.orderProblem {
                diagnostics.error(path: join(folder, file), at: problem.location, problem.message)
            }
            return (file, read.order)
        }
        return keyed.sorted { a, b in
            switch (a.order, b.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.file.utf8.lexicographicallyPrecedes(b.file.utf8)
            }
        }.map(\.file)
    }

    /// The folder part of a path as written (`lessons/cnn.md` → `lessons`, `cnn.md` → ``).
    static func folder(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    static func join(_ folder: String, _ file: String) -> String {
        folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
    }
}

import Foundation

/// The lesson files named on a command line: a file as given, a folder as every `.md` file directly
/// in it (not hidden ones, not `_` files such as `_shared.md` that lessons import, not subfolders), sorted by name (byte order, the same on every machine).
///
/// Example: `["lessons"]` → `["lessons/cnn.md", "lessons/rnn.md"]`.
public enum LessonFiles {
    public static func expand(_ paths: [String]) throws -> [String] {
        let files = FileManager.default
        var lessons: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw LessonFilesError.noSuchPath(path) }
            guard isDirectory.boolValue else {
                lessons.append(path)
                continue
            }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            lessons += try files.contentsOfDirectory(atPath: path)
                .filter { name in
                    var isFolder: ObjCBool = false
                    return name.hasSuffix(".md") && !name.hasPrefix(".") && !name.hasPrefix("_")  // `_` files are imported, not pages
                        && files.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder) && !isFolder.boolValue
                }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { "\(folder)/\($0)" }
        }
        return lessons
    }

    /// The paths that are folders: a build of a whole folder removes the pages of lessons deleted from it.
    public static func folders(_ paths: [String]) -> [String] {
        paths.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}

/// A lesson path on the command line that does not exist.
public enum LessonFilesError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchPath(String)

    public var description: String {
        switch self {
        case let .noSuchPath(path): "no such lesson file or folder: \(path)"
        }
    }
}

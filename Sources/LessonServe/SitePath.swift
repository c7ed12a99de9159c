import Foundation

/// Maps a request's path to a file inside the site folder, refusing anything that could leave it.
///
/// Refused: a `..` or `.`-prefixed segment before or after percent-decoding (so `%2e%2e`,
/// `..%2f` and hidden files such as the builder's temporary files), a backslash or NUL byte, a
/// malformed percent escape, and any path whose resolved location (symbolic links followed) is
/// not inside the folder. `/` and folders serve their `index.html`.
///
///     SitePath(root: "/srv/site").resolve("/cnn.html")          // .file("/srv/site/cnn.html")
///     SitePath(root: "/srv/site").resolve("/%2e%2e/etc/passwd") // .refused
struct SitePath: Sendable {
    /// The site folder with symbolic links resolved.
    let root: String

    init(root: String) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = Self.realPath(absolute) ?? absolute
    }

    /// What a request path names.
    enum Resolution: Equatable {
        /// An existing file inside the folder (absolute, links resolved).
        case file(String)
        /// Inside the folder but not there: the relative name asked for.
        case missing(String)
        /// Refused: the path could leave the folder, or is malformed.
        case refused
    }

    /// The file to serve for `rawPath` (the request target's path, still percent-encoded).
    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .refused }
        guard !decoded.contains("\\"), !decoded.contains("\0") else { return .refused }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            guard !segment.hasPrefix(".") else { return .refused }
            segments.append(String(segment))
        }
        var path = ([root] + segments).joined(separator: "/")
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue {
            segments.append("index.html")
            path += "/index.html"
        } else if !exists {
            // A dangling link is refused like any link out; a plain missing name is 404.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { return .refused }
            return segments.isEmpty ? .refused : .missing(segments.joined(separator: "/"))
        }
        guard let real = Self.realPath(path) else { return .missing(segments.joined(separator: "/")) }
        guard real.hasPrefix(root + "/") else { return .refused }
        var isFile: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFile), !isFile.boolValue else {
            return .missing(segments.joined(separator: "/"))
        }
        return .file(real)
    }

    /// `realpath(3)`: the absolute path with every symbolic link resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

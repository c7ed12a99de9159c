import Foundation

/// `lessonbuild-manifest.json`: what a site folder holds and which lesson owns each file.
///
///     {
///       "format" : 1,
///       "lessons" : {
///         "cnn" : {
///           "files" : { "cnn.html" : "9f2c…", "figure-5eac9f8edfdd8d5d.png" : "41d0…" },
///           "source" : "../lessons/cnn.md",
///           "summary" : "…",
///           "title" : "CNNs from a cracked panel"
///         }
///       },
///       "site" : { "index.html" : "…", "lessonbuild.css" : "…" }
///     }
///
/// Hashes are SHA-256 (`sha256sum`'s hex). `source` is the lesson file relative to the site
/// folder, so the manifest does not depend on where the build ran. Keys are sorted and nothing
/// varies between builds of the same inputs. The index is made from this, not from the lessons of
/// one invocation, so that lessons built one at a time (or at the same time) all stay listed.
struct SiteManifest: Codable, Equatable, Sendable {
    static let fileName = "lessonbuild-manifest.json"
    static let format = 1

    var format = SiteManifest.format
    var lessons: [String: Lesson] = [:]
    /// The files every page shares (the index and the stylesheet), with their hashes.
    var site: [String: String] = [:]

    /// One lesson's entry: where it came from, what the index shows, and the files it owns.
    struct Lesson: Codable, Equatable, Sendable {
        /// The lesson file relative to the site folder; nil for a page found in a site from
        /// before manifests (its lesson is unknown).
        var source: String?
        var title: String
        var summary: String?
        var quizKey: String?
        /// The page and its figures, by file name, with their hashes.
        var files: [String: String]

        func entry(named name: String) -> IndexRenderer.Entry {
            IndexRenderer.Entry(name: name, title: title, summary: summary, quizKey: quizKey)
        }
    }

    /// Every file the manifest accounts for, itself included.
    var ownedFiles: Set<String> {
        var names: Set<String> = [Self.fileName]
        for lesson in lessons.values { names.formUnion(lesson.files.keys) }
        names.formUnion(site.keys)
        return names
    }

    /// The manifest's bytes: pretty-printed JSON with sorted keys and a final newline.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and dictionaries cannot fail.
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The manifest in `directory`; nil when there is none. A file that is not a manifest of
    /// this format is an error: the site's ownership would be unknown.
    static func read(in directory: String) throws -> SiteManifest? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            throw SiteError("cannot read \(path)")
        }
        let manifest: SiteManifest
        do {
            manifest = try JSONDecoder().decode(SiteManifest.self, from: data)
        } catch {
            throw SiteError("\(path) is not a lessonbuild manifest; delete it and build every lesson of the site again")
        }
        guard manifest.format == Self.format else {
            throw SiteError("\(path) has format \(manifest.format); this lessonbuild reads format \(Self.format)")
        }
        let names = manifest.lessons.values.flatMap(\.files.keys) + manifest.site.keys
        if let bad = names.first(where: { !SiteManifest.isPlainFileName($0) }) {
            throw SiteError("\(path) names `\(bad)`, which is not a file of the site folder; delete the manifest and build again")
        }
        return manifest
    }

    /// A name directly in the site folder: no `/`, not `.` or `..`, not empty.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// `file` relative to `directory`, both made absolute against the working directory:
    /// `relativePath(of: "lessons/cnn.md", from: "site")` is `../lessons/cnn.md`.
    static func relativePath(of file: String, from directory: String) -> String {
        let target = absolute(file).split(separator: "/")
        let base = absolute(directory).split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }

    /// The absolute, lexically standardized form of `path` (symbolic links are not resolved).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

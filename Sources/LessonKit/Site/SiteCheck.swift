import Foundation

/// One way a site folder differs from what a build would make of it (`--check`), printed as
///
///     site/cnn.html: stale
///     site/notes.txt: unexpected (no lesson owns it)
///     site/old.html: orphaned (its lesson ../lessons/old.md no longer exists; building the folder removes it)
public struct SiteProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A file the site should have is not there.
        case missing
        /// A file's bytes are not what the build (or, for lessons not built now, the manifest) says.
        case stale
        /// A file no lesson and no manifest entry owns.
        case unexpected
        /// A page whose lesson is gone.
        case orphaned
        /// A file the next build removes (its lesson no longer makes it).
        case leftOver = "left over"
    }

    /// The file, as a path in the site folder.
    public var path: String
    public var kind: Kind
    /// Why, when the kind alone does not say.
    public var detail: String?

    public var description: String {
        "\(path): \(kind.rawValue)" + (detail.map { " (\($0))" } ?? "")
    }
}

/// Compares a `SitePlan` with the folder.
enum SiteCheck {
    static func problems(_ plan: SitePlan, built: SiteFiles, in directory: String) -> [SiteProblem] {
        var problems: [SiteProblem] = []
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func add(_ name: String, _ kind: SiteProblem.Kind, _ detail: String? = nil) {
            problems.append(SiteProblem(path: path(name), kind: kind, detail: detail))
        }
        for (name, data) in plan.files {
            guard let disk = FileManager.default.contents(atPath: path(name)) else {
                add(name, SitePlan.exists(path(name)) ? .stale : .missing, SitePlan.exists(path(name)) ? "not a file" : nil)
                continue
            }
            if disk != data { add(name, .stale) }
        }
        let builtNames = Set(built.lessons.map(\.name))
        for (name, lesson) in plan.manifest.lessons where !builtNames.contains(name) {
            if let source = lesson.source {
                if !SitePlan.exists(SiteManifest.absolute(Course.join(directory, source))) {
                    add(name + ".html", .orphaned, "its lesson \(source) no longer exists; building its folder removes the page")
                }
            } else {
                add(name + ".html", .orphaned, "lessonbuild does not know its lesson (it was built before the site had a manifest); build the lesson or delete the page")
            }
            for (file, hash) in lesson.files {
                guard let disk = FileManager.default.contents(atPath: path(file)) else {
                    add(file, .missing)
                    continue
                }
                if SHA256.hex(disk) != hash { add(file, .stale, "changed since lessonbuild wrote it") }
            }
        }
        for name in plan.removed where SitePlan.exists(path(name)) {
            add(name, .leftOver, "no lesson makes it any more; building removes it")
        }
        let known = plan.manifest.ownedFiles.union(plan.removed)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where !known.contains(name) {
            add(name, .unexpected, name.hasPrefix(SiteTransaction.stagingPrefix)
                ? "left by an interrupted build; the next build removes it" : "no lesson owns it")
        }
        return problems.sorted { ($0.path.utf8.lexicographicallyPrecedes($1.path.utf8)) }
    }
}

import Foundation
import Testing

/// Compares `actual` with the golden file `Tests/LessonKitTests/Snapshots/<path>`.
///
/// With `UPDATE_SNAPSHOTS=1` in the environment the golden file is (re)written instead and the
/// check passes; otherwise a missing file or any difference is recorded as an issue that shows
/// the first differing lines (`-` golden, `+` actual) with their line numbers.
///
///     assertSnapshot(PageRenderer.render(lesson), path: "Render/page.html")
public func assertSnapshot(_ actual: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = SnapshotStore.directory.appendingPathComponent(path)
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        } catch {
            Issue.record("could not write snapshot \(path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
        Issue.record("missing snapshot \(path); run the tests with UPDATE_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let diff = SnapshotStore.lineDiff(expected: expected, actual: actual)
        Issue.record("snapshot \(path) differs (UPDATE_SNAPSHOTS=1 rewrites it):\n\(diff)", sourceLocation: sourceLocation)
    }
}

/// Where golden files live, and a small line diff for failure messages.
public enum SnapshotStore {
    /// `Tests/LessonKitTests/Snapshots`.
    public static let directory = Paths.root.appendingPathComponent("Tests/LessonKitTests/Snapshots")

    /// The first `limit` differing lines, position by position, as `-N: golden` / `+N: actual`.
    public static func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        var differing = 0
        for number in 0..<max(old.count, new.count) {
            let left = number < old.count ? String(old[number]) : nil
            let right = number < new.count ? String(new[number]) : nil
            guard left != right else { continue }
            differing += 1
            if differing <= limit {
                lines.append("-\(number + 1): \(left ?? "<no line>")")
                lines.append("+\(number + 1): \(right ?? "<no line>")")
            }
        }
        lines.append("\(differing) differing line(s); golden has \(old.count) lines, actual \(new.count)")
        return lines.joined(separator: "\n")
    }
}

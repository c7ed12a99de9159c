import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Golden parse tests: `Fixtures/Parse/NAME.md` -> `Snapshots/Parse/NAME.txt` holds
/// `ParsedLesson.dump()` followed by the diagnostics. Regenerate on purpose with
/// `UPDATE_SNAPSHOTS=1 swift test --filter ParseGoldenTests`, then review the diff by eye.
@Suite struct ParseGoldenTests {
    static let fixtures = ParseTestSupport.testsDirectory.appendingPathComponent("Fixtures/Parse")
    static let snapshots = ParseTestSupport.testsDirectory.appendingPathComponent("Snapshots/Parse")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.names.count >= 3)
    }

    @Test(arguments: names)
    func parseMatchesSnapshot(name: String) throws {
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).md"), encoding: .utf8)
        let (lesson, diagnostics) = ParseTestSupport.parse(source, path: "\(name).md")
        var actual = lesson?.dump() ?? "nil\n"
        actual += "diagnostics\n" + diagnostics.map { "  \($0)\n" }.joined()
        #expect(!actual.contains("data-sourcepos"), "source positions are for parsing only")
        let snapshot = Self.snapshots.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try actual.write(to: snapshot, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "<end of snapshot>"
            let got = index < actualLines.count ? actualLines[index] : "<end of output>"
            #expect(got == want, "\(name).txt line \(index + 1) differs")
            if got != want { break }
        }
    }
}

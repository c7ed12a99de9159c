import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Lessons with mistakes on purpose. Each fixture lists the errors it must produce, worked out by
/// hand from its own text, as `<!-- expect: LINE:COL fragment-of-the-message -->` lines; the build
/// must report exactly those locations (no more, no fewer), each message containing its fragment.
@Suite("Diagnostics at exact locations")
struct DiagnosticsTests {
    struct Expectation: CustomStringConvertible {
        var location: LessonKit.SourceLocation
        var fragment: String
        var description: String { "\(location): \(fragment)" }
    }

    static let fixtures: [String] = {
        let folder = Paths.fixture("Diagnostics")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    static func expectations(in source: String) -> [Expectation] {
        source.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<!-- expect: "), line.hasSuffix(" -->") else { return nil }
            let body = line.dropFirst("<!-- expect: ".count).dropLast(" -->".count)
            let parts = body.split(separator: " ", maxSplits: 1)
            let position = parts[0].split(separator: ":").compactMap { Int($0) }
            guard position.count == 2 else { return nil }
            return Expectation(location: LessonKit.SourceLocation(line: position[0], column: position[1]),
                               fragment: parts.count > 1 ? String(parts[1]) : "")
        }
    }

    @Test(arguments: fixtures)
    func fixtureReportsExactlyItsExpectedErrors(_ name: String) throws {
        let path = Paths.fixture("Diagnostics/" + name).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let expected = Self.expectations(in: source)
        #expect(!expected.isEmpty, "fixture \(name) declares no expectations")
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: name, source: source, diagnostics: diagnostics)
        #expect(lesson == nil, "a lesson with errors must not evaluate")
        let actual = diagnostics.sorted.filter { $0.severity == .error }
        let rendered = actual.map(\.description).joined(separator: "\n")
        #expect(actual.map(\.location) == expected.map(\.location), "expected:\n\(expected)\nactual:\n\(rendered)")
        for (diagnostic, expectation) in zip(actual, expected) {
            #expect(diagnostic.message.contains(expectation.fragment), "\(diagnostic) should mention '\(expectation.fragment)'")
            #expect(diagnostic.description.hasPrefix("\(name):\(expectation.location.line):\(expectation.location.column): error: "))
        }
    }
}

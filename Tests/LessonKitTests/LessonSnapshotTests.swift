import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Whole-pipeline goldens: each `Fixtures/Lessons/x.md` parsed, evaluated and rendered to a page,
/// compared with `Snapshots/Lessons/x.html` (rewrite on purpose with `UPDATE_SNAPSHOTS=1`).
/// The goldens were reviewed by hand when written; the assertions below pin the facts that
/// must hold whatever the markup, from Python and the format contract.
@Suite("Lesson snapshots")
struct LessonSnapshotTests {
    static let names: [String] = {
        let folder = Paths.fixture("Lessons")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }()

    static func page(_ name: String) throws -> String {
        let path = Paths.fixture("Lessons/\(name).md").path
        let diagnostics = DiagnosticEngine()
        let lesson = try #require(LessonPipeline.evaluate(path: path, diagnostics: diagnostics), "\(diagnostics.sorted)")
        return PageRenderer.render(lesson)
    }

    @Test(arguments: names)
    func pageMatchesGolden(_ name: String) throws {
        assertSnapshot(try Self.page(name), path: "Lessons/\(name).html")
    }

    @Test func tourFacts() throws {
        let page = try Self.page("tour")
        // format(0.125, '.2f') == '0.12' and format(2.675, '.2f') == '2.67' in Python (half-even on the exact value).
        #expect(page.contains(">0.12<") && page.contains(">2.67<") && page.contains(">-1.50<") && page.contains(">0.00<"))
        // 8·3·5·5 = 600 weights, 8 biases, 608 in all; format(600, '>8,') == '     600'.
        #expect(page.contains("Heading with 608 parameters"))
        #expect(page.contains("<em>600</em>"))
        #expect(page.contains("never inside 6 and 20;"))
        #expect(page.contains("<td>     600</td>") || page.contains(">     600</td>"))
        #expect(page.contains("True"))
        #expect(page.contains("<code>{{ literal }}</code>"))
        #expect(page.contains("and {{ is a literal pair"))
        #expect(page.contains("link to 8 biases</a>"))
        #expect(page.contains("print(&quot;{{ not interpolated }}&quot;)"))
        // What print(np.array([[0.125, 2.675], [-1.5, 1e-05]])) prints in NumPy 2.4 (run by hand):
        #expect(page.contains("[[ 1.250e-01  2.675e+00]\n [-1.500e+00  1.000e-05]]"))
        #expect(page.contains("<caption>Half-even rounding of exact binary values</caption>"))
        #expect(page.contains("<section class=\"footnotes\""))
        #expect(page.contains("A footnote with 608 in it."))
        #expect(page.contains("<math display=\"block\""))
    }
}

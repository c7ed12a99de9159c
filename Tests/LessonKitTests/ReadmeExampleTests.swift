import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The README shows a short lesson and says what it renders; this builds that very text.
@Suite("README example")
struct ReadmeExampleTests {
    /// The body of the README's first ````markdown block.
    static func exampleLesson() throws -> String {
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let open = try #require(readme.range(of: "````markdown\n"))
        let close = try #require(readme.range(of: "\n````", range: open.upperBound..<readme.endIndex))
        return String(readme[open.upperBound..<close.lowerBound]) + "\n"
    }

    @Test func rendersWhatTheReadmeSays() throws {
        let diagnostics = DiagnosticEngine()
        let lesson = try #require(LessonPipeline.evaluate(path: "README.md", source: try Self.exampleLesson(), diagnostics: diagnostics),
                                  "\(diagnostics.sorted)")
        let page = PageRenderer.render(lesson)
        // (224 + 2·1 − 3) // 2 + 1 = 112, and 112 / 224 = 50%.
        let text = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("A 224-pixel row through a 3 x 3 convolution with stride 2 keeps 112 pixels, 50% of the width."))
        #expect(lesson.questions.map(\.answer) == [.numeric(value: 112, tolerance: 0, display: "112")])
        guard case .output(let output) = lesson.blocks[2] else {
            Issue.record("expected the output block third, got \(lesson.blocks)")
            return
        }
        #expect(output.text == "112")
        #expect(page.contains("<section class=\"quiz\""))
    }
}

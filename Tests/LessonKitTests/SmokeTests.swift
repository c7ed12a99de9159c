import Testing
import TestSupport
@testable import LessonKit

@Test func diagnosticPrintsLocation() {
    let d = Diagnostic(path: "a.md", at: SourceLocation(line: 3, column: 7), "boom")
    #expect(d.description == "a.md:3:7: error: boom")
}

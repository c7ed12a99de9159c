import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The text and JSON forms of `VerifyReport`, and the failure rule behind the exit status.
struct VerifyReportTests {
    static let verdicts: [ListingVerdict] = [
        .init(location: .init(line: 3, column: 1), outcome: .passed),
        .init(location: .init(line: 9, column: 1), outcome: .differs(diff: "--- expected\n+++ actual\n@@ -1 +1 @@\n-3\n+5\n")),
        .init(location: .init(line: 20, column: 4), outcome: .raised(traceback: "Traceback (most recent call last):\nValueError: x\n")),
        .init(location: .init(line: 30, column: 1), outcome: .skipped(module: "torch")),
        .init(location: .init(line: 40, column: 1), outcome: .timedOut(seconds: 1.5)),
        .init(location: .init(line: 50, column: 1), outcome: .outputTooLarge(limit: 1_048_576)),
    ]

    @Test func textPutsEachProblemAtItsListingThenASummary() {
        let report = VerifyReport(lessons: [.init(path: "lessons/cnn.md", verdicts: Self.verdicts)], strict: false)
        #expect(report.text == """
            lessons/cnn.md:9:1: error: listing output differs
            --- expected
            +++ actual
            @@ -1 +1 @@
            -3
            +5
            lessons/cnn.md:20:4: error: listing raised an exception
            Traceback (most recent call last):
            ValueError: x
            lessons/cnn.md:30:1: warning: listing skipped: module 'torch' is not installed
            lessons/cnn.md:40:1: error: listing still running after 1.5 s; stopped
            lessons/cnn.md:50:1: error: listing printed more than 1048576 bytes; stopped
            verify: 6 listings in 1 lesson: 1 passed, 1 differs, 1 raised, 1 skipped, 1 timed out, 1 printed too much

            """)
        #expect(report.failed)
    }

    @Test func skipsFailOnlyWhenStrict() {
        let skipped = [ListingVerdict(location: .init(line: 30, column: 1), outcome: .skipped(module: "torch")),
                       ListingVerdict(location: .init(line: 40, column: 1), outcome: .passed)]
        let lenient = VerifyReport(lessons: [.init(path: "a.md", verdicts: skipped)], strict: false)
        let strict = VerifyReport(lessons: [.init(path: "a.md", verdicts: skipped)], strict: true)
        #expect(!lenient.failed)
        #expect(strict.failed)
        #expect(strict.text.hasPrefix("a.md:30:1: error: listing skipped: module 'torch' is not installed (--strict)\n"))
        #expect(lenient.text.hasSuffix("verify: 2 listings in 1 lesson: 1 passed, 1 skipped\n"))
    }

    @Test func lessonErrorsFailTheRun() {
        let error = Diagnostic(path: "b.md", at: .init(line: 4, column: 7), "unknown name 'kernal'")
        let report = VerifyReport(lessons: [.init(path: "a.md", verdicts: [.init(location: .init(line: 1, column: 1), outcome: .passed)]),
                                            .init(path: "b.md", diagnostics: [error], verdicts: [])],
                                  strict: false)
        #expect(report.failed)
        #expect(report.text == "b.md:4:7: error: unknown name 'kernal'\nverify: 1 listing in 2 lessons: 1 passed, 1 lesson with errors\n")
    }

    @Test func nothingToVerifyPasses() {
        let report = VerifyReport(lessons: [.init(path: "a.md", verdicts: [])], strict: true)
        #expect(!report.failed)
        #expect(report.text == "verify: 0 listings in 1 lesson: 0 passed\n")
    }

    @Test func jsonCarriesEveryVerdictWithItsDetail() throws {
        let report = VerifyReport(lessons: [.init(path: "lessons/cnn.md", verdicts: Self.verdicts)], strict: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["strict"] as? Bool == true)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["listings": 6, "passed": 1, "differs": 1, "raised": 1, "skipped": 1, "timedOut": 1,
                            "outputTooLarge": 1, "interpreterMissing": 0, "lessonErrors": 0])
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect(lessons.first?["path"] as? String == "lessons/cnn.md")
        let listings = try #require(lessons.first?["listings"] as? [[String: Any]])
        #expect(listings.map { $0["status"] as? String } ==
                ["passed", "differs", "raised", "skipped", "timedOut", "outputTooLarge"])
        #expect(listings[1]["diff"] as? String == "--- expected\n+++ actual\n@@ -1 +1 @@\n-3\n+5\n")
        #expect(listings[2]["line"] as? Int == 20 && listings[2]["column"] as? Int == 4)
        #expect(listings[3]["module"] as? String == "torch")
        #expect(listings[4]["seconds"] as? Double == 1.5)
        #expect(listings[5]["limit"] as? Int == 1_048_576)
        #expect(report.json == report.json, "stable bytes")
        #expect(report.json.contains("\"lessons\" : [") && report.json.hasSuffix("}\n"))
    }

    @Test func foldersExpandToTheirLessonsSorted() throws {
        let dir = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["b.md", "a.md", "B.md", "notes.txt", ".hidden.md"] {
            try Data().write(to: dir.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub.md"), withIntermediateDirectories: true)
        let files = try LessonFiles.expand([dir.path, dir.appendingPathComponent("notes.txt").path])
        #expect(files == ["B.md", "a.md", "b.md"].map { dir.path + "/" + $0 } + [dir.path + "/notes.txt"])
        #expect(throws: LessonFilesError.noSuchPath("/no/such/lesson.md")) { try LessonFiles.expand(["/no/such/lesson.md"]) }
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `verify` end to end: fixture lessons through `LessonPipeline.evaluate`, `lessons/cnn.md`, and the
/// built `lessonbuild verify` binary's exit statuses.
enum VerifyFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("Tests/LessonKitTests/Fixtures/Verify")
    static let cnnLesson = packageRoot.appendingPathComponent("lessons/cnn.md")

    /// The `lessonbuild` binary built beside the test bundle, if any.
    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lessonbuild"),
            packageRoot.appendingPathComponent(".build/debug/lessonbuild"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

@Suite(.enabled(if: VerifyTestSupport.hasPython))
struct VerifyFixtureTests {
    @Test func listingEditedBehindItsOutputsBackIsCaughtAtItsLine() throws {
        let path = VerifyFixtures.folder.appendingPathComponent("edited-listing.md").path
        let report = try ListingVerifier().verify(paths: [path])
        let lesson = try #require(report.lessons.first)
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        // Lines 8 and 19 of the fixture hold the two `{listing} python` fences.
        #expect(lesson.verdicts.map(\.location) == [SourceLocation(line: 8, column: 1), SourceLocation(line: 19, column: 1)])
        #expect(lesson.verdicts.first?.outcome == .passed)
        // (7 - 3) // 1 + 1 == 5 now that the stride is 1; the output block still says 3.
        #expect(lesson.verdicts.last?.outcome == .differs(diff: """
            --- expected
            +++ actual
            @@ -1,2 +1,2 @@
            -output width: 3
            +output width: 5
             done

            """))
        #expect(report.failed)
        #expect(report.text.hasPrefix("\(path):19:1: error: listing output differs\n--- expected\n"))
    }

    /// A raise below a multi-line interpolation is traced back to the lesson line that raised.
    @Test func raisingLineIsMappedBackToTheLesson() throws {
        let path = VerifyFixtures.folder.appendingPathComponent("raises-after-interpolation.md").path
        let report = try ListingVerifier().verify(paths: [path])
        let verdict = try #require(report.lessons.first?.verdicts.first)
        guard case let .raised(traceback) = verdict.outcome else {
            Issue.record("expected a raise, got \(verdict.outcome)")
            return
        }
        // literal(m) fills lines 2-5 of the run listing, so Python's line 7 is `print(m[5])`,
        // which stands on line 9 of the fixture.
        #expect(traceback.contains("File \"listing.py\", line 7"))
        #expect(traceback.contains("IndexError: index 5 is out of bounds for axis 0 with size 2"))
        #expect(verdict.raisedAt == SourceLocation(line: 9, column: 1))
        #expect(report.text.contains("\(path):5:1: error: listing raised an exception\n"))
        #expect(report.text.contains("\(path):9:1: note: the exception was raised by this line\n"))
    }

    /// Interpolated listings and outputs: the engine's printing must agree with what Python prints.
    @Test func interpolatedFixtureVerifiesClean() throws {
        let path = VerifyFixtures.folder.appendingPathComponent("clean.md").path
        let report = try ListingVerifier().verify(paths: [path])
        #expect(!report.failed, "\(report.text)")
        #expect(report.lessons.first?.verdicts.map(\.outcome) == [.passed], "the listing without output is not run")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: VerifyFixtures.cnnLesson.path)))
    func cnnLessonVerifiesClean() throws {
        let report = try ListingVerifier(configuration: .init(timeout: 120)).verify(paths: [VerifyFixtures.cnnLesson.path])
        #expect(!report.failed, "\(report.text)")
        let verdicts = report.lessons.flatMap(\.verdicts)
        #expect(!verdicts.isEmpty)
        let torchInstalled = VerifyTestSupport.pythonHasModule("torch")
        for verdict in verdicts {
            if torchInstalled {
                #expect(verdict.outcome == .passed, "\(verdict)")
            } else {
                #expect(verdict.outcome == .passed || verdict.outcome == .skipped(module: "torch"), "\(verdict)")
            }
        }
        print("cnn.md: \(verdicts.count) listings verified, torch installed: \(torchInstalled); \(report.summary)")
    }
}

/// The built binary: exit statuses and messages that need no lesson to be evaluated.
@Suite(.enabled(if: VerifyFixtures.binary != nil))
struct VerifyCommandTests {
    static func lessonbuild(_ arguments: [String]) throws -> VerifyTestSupport.ToolResult {
        try VerifyTestSupport.run(try #require(VerifyFixtures.binary).path, arguments)
    }

    @Test func missingInterpreterIsAClearErrorWithStatus1() throws {
        let fixture = VerifyFixtures.folder.appendingPathComponent("clean.md").path
        let result = try Self.lessonbuild(["verify", fixture, "--python", "python9"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: python interpreter 'python9' not found on PATH\n")
        let byPath = try Self.lessonbuild(["verify", fixture, "--python", "/no/such/python"])
        #expect(byPath.stderr == "error: python interpreter '/no/such/python' not found or not executable\n")
    }

    @Test func missingLessonIsAnErrorWithStatus1() throws {
        let result = try Self.lessonbuild(["verify", "/no/such/lesson.md"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: no such lesson file or folder: /no/such/lesson.md\n")
    }

    @Test(arguments: [["--timeout", "0"], ["--timeout=-1"], ["--timeout", "nan"], ["--jobs", "0"]])
    func badOptionValuesAreUsageErrorsWithStatus2(option: [String]) throws {
        let fixture = VerifyFixtures.folder.appendingPathComponent("clean.md").path
        let result = try Self.lessonbuild(["verify", fixture] + option)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("Usage: lessonbuild verify"))
    }

    @Test(.enabled(if: VerifyTestSupport.hasPython))
    func editedFixtureFailsWithStatus1AndJSON() throws {
        let fixture = VerifyFixtures.folder.appendingPathComponent("edited-listing.md").path
        let result = try Self.lessonbuild(["verify", fixture, "--json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let clean = try Self.lessonbuild(["verify", VerifyFixtures.folder.appendingPathComponent("clean.md").path])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }
}

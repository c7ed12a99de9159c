import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Every input libFuzzer found a crash, hang or sanitizer report with (`scripts/fuzz.sh`,
/// benchmarks/FUZZING.md), kept in `Fixtures/Fuzz/lesson/` and `Fixtures/Fuzz/expression/` and
/// run with the fuzz targets' own invariants: nothing traps, a lesson that does not evaluate has an
/// error, every diagnostic points inside the input.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ kind: String) -> [String] {
        let folder = Paths.fixture("Fuzz/\(kind)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") }
    }

    static func source(_ kind: String, _ name: String) throws -> String {
        let data = try Data(contentsOf: Paths.fixture("Fuzz/\(kind)/\(name)"))
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: inputs("lesson"))
    func lesson(_ name: String) throws {
        let source = try Self.source("lesson", name)
        let diagnostics = DiagnosticEngine()
        if let lesson = LessonPipeline.evaluate(path: "fuzz.md", source: source, diagnostics: diagnostics) {
            #expect(!PageRenderer.render(lesson).isEmpty)
        } else {
            #expect(diagnostics.hasErrors, "no page and no error")
        }
        let lines = source.reduce(into: 1) { count, character in if character.isNewline { count += 1 } }
        for diagnostic in diagnostics.diagnostics where diagnostic.path == "fuzz.md" {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= lines && diagnostic.location.column >= 1,
                    "\(diagnostic) is outside the \(lines)-line input")
        }
    }

    @Test(arguments: inputs("expression"))
    func expression(_ name: String) throws {
        let source = try Self.source("expression", name)
        let locate: Locator = { SourceLocation(line: 1, column: $0 + 1) }
        _ = Interpreter().run(block: source, locate: locate)
        _ = try? Interpreter().evaluate(source, locate: locate)
    }

    /// The lesson fuzzer's first finding: "did you mean" compared an unknown name with every bound
    /// name and builtin, opposite-word replacements first; thousands of typos among thousands of
    /// names ran for minutes. Now only names of about the same length are compared, at most 1,000.
    @Test func suggestionSearchIsBounded() {
        let many = (0..<5_000).map { "v\(10_000 + $0)" }  // v10000 ... v14999: six characters, as "kernel"
        #expect(closestName(to: "kernal", among: many + ["kernel"]) == nil, "too many candidates: no suggestion")
        #expect(closestName(to: "kernal", among: Array(many.prefix(900)) + ["kernel"]) == "kernel")
        let longer = (0..<5_000).map { "longname\($0)" }  // 9 to 12 characters: not compared with a 6-character name
        #expect(closestName(to: "kernal", among: longer + ["kernel"]) == "kernel")
    }
}

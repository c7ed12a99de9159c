import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Seeded random edits of the real CNN lesson through the whole pipeline (parse, evaluate,
/// render): nothing may trap, every diagnostic must point inside the file, and a lesson that
/// builds must render. The edits are the mistakes authors make: a deleted, doubled or replaced
/// character, a swapped digit, a line removed or duplicated.
@Suite("Pipeline fuzz")
struct PipelineFuzzTests {
    static let alphabet = Array("{}[]()`:*_|\\\"'.,-+/ 0123456789eax\n#=<>!&")

    static func mutate(_ source: [Character], _ random: inout SplitMix64) -> String {
        var text = source
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            guard !text.isEmpty else { break }
            let at = Int.random(in: 0..<text.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: text.remove(at: at)
            case 1: text.insert(text[at], at: at)
            case 2: text[at] = alphabet.randomElement(using: &random)!
            case 3: text.insert(alphabet.randomElement(using: &random)!, at: at)
            case 4 where text[at].isNumber: text[at] = Character(String(Int.random(in: 0...9, using: &random)))
            default:
                // Remove or duplicate the line containing `at`.
                let start = text[..<at].lastIndex(of: "\n").map { $0 + 1 } ?? 0
                let end = text[at...].firstIndex(of: "\n").map { $0 + 1 } ?? text.count
                if Bool.random(using: &random) { text.removeSubrange(start..<end) } else { text.insert(contentsOf: text[start..<end], at: start) }
            }
        }
        return String(text)
    }

    /// Independent seeds, so Swift Testing runs the batches in parallel; PIPELINE_FUZZ_SEED picks
    /// the first seed (the rest follow it) and PIPELINE_FUZZ_CASES the cases per batch.
    static let seeds: [UInt64] = {
        let first = UInt64(ProcessInfo.processInfo.environment["PIPELINE_FUZZ_SEED"] ?? "") ?? 20_261_127
        return (0..<4).map { first &+ UInt64($0) }
    }()

    @Test(arguments: seeds)
    func mutatedLessonsNeverTrap(seed: UInt64) throws {
        let count = Int(ProcessInfo.processInfo.environment["PIPELINE_FUZZ_CASES"] ?? "") ?? 40
        let original = Array(try String(contentsOf: Paths.root.appendingPathComponent("lessons/cnn.md"), encoding: .utf8))
        var random = SplitMix64(seed: seed)
        var built = 0, failed = 0
        for index in 0..<count {
            let source = Self.mutate(original, &random)
            let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
            let diagnostics = DiagnosticEngine()
            if let lesson = LessonPipeline.evaluate(path: "fuzz.md", source: source, diagnostics: diagnostics) {
                built += 1
                #expect(!PageRenderer.render(lesson).isEmpty)
            } else {
                failed += 1
                #expect(diagnostics.hasErrors, "seed \(seed) case \(index): no page and no error")
            }
            for diagnostic in diagnostics.diagnostics {
                let inside = diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount && diagnostic.location.column >= 1
                #expect(inside, "seed \(seed) case \(index): \(diagnostic) is outside the \(lineCount)-line file")
            }
        }
        print("pipeline fuzz (seed \(seed)): \(count) mutated lessons, \(built) built, \(failed) reported errors")
    }
}

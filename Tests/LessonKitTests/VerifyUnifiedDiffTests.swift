import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `UnifiedDiff` against the system's GNU `diff -u` (and `patch`), run live.
@Suite(.enabled(if: VerifyTestSupport.which("diff") != nil && VerifyTestSupport.which("patch") != nil))
struct VerifyUnifiedDiffTests {
    /// `diff -u --label expected --label actual` on two texts, through files.
    static func gnuDiff(_ expected: String, _ actual: String, minimal: Bool = false) throws -> String {
        let dir = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(expected.utf8).write(to: dir.appendingPathComponent("a"))
        try Data(actual.utf8).write(to: dir.appendingPathComponent("b"))
        var arguments = ["-u", "--label", "expected", "--label", "actual", "a", "b"]
        if minimal { arguments.insert("--minimal", at: 0) }
        let result = try VerifyTestSupport.run("diff", arguments, in: dir)
        #expect(result.status == (expected == actual ? 0 : 1), "diff failed: \(result.stderr)")
        return result.stdout
    }

    /// Applies `patch` to `expected` with GNU patch and returns the patched text.
    static func gnuPatch(_ expected: String, _ diff: String) throws -> String {
        let dir = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(expected.utf8).write(to: dir.appendingPathComponent("a"))
        try Data(diff.utf8).write(to: dir.appendingPathComponent("d.patch"))
        let result = try VerifyTestSupport.run("patch", ["-s", "-o", "out", "a", "d.patch"], in: dir)
        #expect(result.status == 0, "patch rejected the diff: \(result.stdout)\(result.stderr)\n\(diff)")
        return String(decoding: (try? Data(contentsOf: dir.appendingPathComponent("out"))) ?? Data(), as: UTF8.self)
    }

    static func text(_ lines: [String], terminated: Bool) -> String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + (terminated ? "\n" : "")
    }

    @Test(arguments: [
        ("", ""),
        ("a\n", "a\n"),
        ("", "a\nb\n"),
        ("a\nb\n", ""),
        ("a\nb\n", "a\nb"),
        ("a\nb", "a\nc"),
        ("a", "b"),
        ("x\n", "\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\n6\n7\n8\nnine\n"),
        // Changes 6 equal lines apart share a hunk; 7 apart they do not.
        ("a\n1\n2\n3\n4\n5\n6\nb\n", "A\n1\n2\n3\n4\n5\n6\nB\n"),
        ("a\n1\n2\n3\n4\n5\n6\n7\nb\n", "A\n1\n2\n3\n4\n5\n6\n7\nB\n"),
        ("a\nb\nc\nd\ne\nf\ng\nh\ni\n", "a\nb\nc\nd\nX\ne\nf\ng\nh\ni\n"),
    ])
    func matchesGnuDiffOnHandPickedCases(expected: String, actual: String) throws {
        #expect(UnifiedDiff.render(expected: expected, actual: actual) == (try Self.gnuDiff(expected, actual)))
    }

    /// Lines distinct within each text and insertions never seen before: the longest common
    /// subsequence is unique, so GNU diff's output is the only right answer, byte for byte.
    @Test func matchesGnuDiffExactlyOnRandomEditsWithUniqueAlignment() throws {
        let seed: UInt64 = 20_261_127
        var rng = SplitMix64(seed: seed)
        var compared = 0
        for caseIndex in 0..<150 {
            let count = Int.random(in: 0...14, using: &rng)
            let old = (0..<40).shuffled(using: &rng).prefix(count).map { "line \($0)" }
            var new: [String] = []
            var fresh = 0
            for line in old {
                while Int.random(in: 0..<4, using: &rng) == 0 { fresh += 1; new.append("new \(fresh)") }
                if Int.random(in: 0..<3, using: &rng) != 0 { new.append(line) }
            }
            if Int.random(in: 0..<3, using: &rng) == 0 { fresh += 1; new.append("new \(fresh)") }
            let expected = Self.text(old, terminated: Int.random(in: 0..<5, using: &rng) != 0)
            let actual = Self.text(new, terminated: Int.random(in: 0..<5, using: &rng) != 0)
            let mine = UnifiedDiff.render(expected: expected, actual: actual)
            let gnu = try Self.gnuDiff(expected, actual)
            #expect(mine == gnu, "seed \(seed) case \(caseIndex): first mismatch\n--- ours\n\(mine)--- diff -u\n\(gnu)")
            if mine != gnu { break }
            compared += 1
        }
        print("UnifiedDiff vs diff -u (unique alignment): \(compared) cases compared, seed \(seed)")
        #expect(compared == 150)
    }

    /// Small alphabets make many equally short scripts, where tie-breaking may legitimately differ
    /// from GNU diff; what must hold is that `patch` turns expected into actual with our diff and that
    /// it changes as few lines as `diff --minimal` does.
    @Test func isMinimalAndAppliesWithPatchOnRandomTexts() throws {
        let seed: UInt64 = 42_4242
        var rng = SplitMix64(seed: seed)
        var compared = 0, identicalToGnu = 0
        for caseIndex in 0..<120 {
            func randomText() -> String {
                let lines = (0..<Int.random(in: 0...10, using: &rng)).map { _ in
                    ["a", "b", "c", "d", ""].randomElement(using: &rng) ?? "a"
                }
                return Self.text(lines, terminated: Int.random(in: 0..<6, using: &rng) != 0)
            }
            let expected = randomText(), actual = randomText()
            let mine = UnifiedDiff.render(expected: expected, actual: actual)
            let gnu = try Self.gnuDiff(expected, actual, minimal: true)
            func changedLines(_ diff: String) -> Int {
                diff.split(separator: "\n").dropFirst(2).count { $0.hasPrefix("-") || $0.hasPrefix("+") }
            }
            #expect(changedLines(mine) == changedLines(gnu),
                    "seed \(seed) case \(caseIndex): not minimal\n\(mine)--- diff --minimal -u\n\(gnu)")
            if expected != actual {
                let patched = try Self.gnuPatch(expected, mine)
                #expect(patched == actual, "seed \(seed) case \(caseIndex): patch gave \(patched.debugDescription)")
            } else {
                #expect(mine.isEmpty)
            }
            if mine == gnu { identicalToGnu += 1 }
            compared += 1
        }
        print("UnifiedDiff random texts: \(compared) cases compared (seed \(seed)), \(identicalToGnu) identical to diff -u")
        #expect(compared == 120)
    }

    /// A listing that prints a megabyte of unrelated lines must not make the diff quadratic.
    @Test func largeUnrelatedTextsDiffQuickly() {
        let expected = (0..<2_000).map { "expected \($0)" }.joined(separator: "\n") + "\n"
        let actual = (0..<60_000).map { "actual \($0 % 977)" }.joined(separator: "\n") + "\n"
        let started = Date()
        let diff = UnifiedDiff.render(expected: expected, actual: actual)
        let elapsed = Date().timeIntervalSince(started)
        #expect(diff.hasPrefix("--- expected\n+++ actual\n@@ -1,2000 +1,60000 @@\n"))
        #expect(elapsed < 10, "took \(elapsed) s")
    }

    @Test func fallsBackToAWholesaleReplacementPastTheCostCap() {
        let old = (0..<50).map { "o\($0)" }, new = (0..<50).map { "n\($0)" }
        let script = LineEditScript(old: old, new: new, maxCost: 10)
        #expect(script.edits.count == 100)
        #expect(script.edits.prefix(50).allSatisfy { if case .delete = $0 { true } else { false } })
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `Fixtures/Quiz/grading_vectors.json` holds hand-written cases, each a `GradingSpec`, a response
/// and the expected verdict (and credit). The Swift grader (`GradingSpec.grade`) and the page's
/// JavaScript interpreter of the same spec (`QuizScript.grading`, under node here and in headless
/// Chromium by `Tests/Browser/test_grading_vectors.py`) must both give every expected verdict.
@Suite struct QuizGradingVectorTests {
    struct Vectors: Decodable {
        struct Verdict: Decodable {
            var spec: GradingSpec
            var response: String?
            var expected: String
            var credit: Double?
        }
        struct Percent: Decodable { var correct: Int; var total: Int; var percent: String }
        struct Pass: Decodable { var correct: Int; var total: Int; var passMark: Double; var passed: Bool }
        var verdicts: [Verdict]
        var percents: [Percent]
        var passes: [Pass]
    }

    static var vectorsURL: URL { QuizFixtures.directory.appendingPathComponent("grading_vectors.json") }
    static var hasNode: Bool { QuizFixtures.tool("node") != nil }

    static func load() throws -> Vectors {
        try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: vectorsURL))
    }

    @Test func swiftGraderMatchesEveryVector() throws {
        let vectors = try Self.load()
        var compared = 0
        var verdicts: Set<String> = []
        for (n, v) in vectors.verdicts.enumerated() {
            let got = v.spec.grade(v.response)
            #expect(got.verdict.rawValue == v.expected, "vector \(n): \(v.spec.read) \(v.spec.expected) response \(String(reflecting: v.response))")
            if let credit = v.credit { #expect(got.credit == credit, "vector \(n)") }
            #expect((got.verdict == .invalid) == (got.reason != nil), "vector \(n): a reason exactly for invalid")
            verdicts.insert(v.expected)
            compared += 1
        }
        for p in vectors.percents {
            #expect(GradeReport.percent(Grader.score(correct: p.correct, total: p.total)) == p.percent, "\(p.correct)/\(p.total)")
            compared += 1
        }
        for p in vectors.passes {
            #expect(Grader.passes(score: Grader.score(correct: p.correct, total: p.total), passMark: p.passMark) == p.passed,
                    "\(p.correct)/\(p.total) against \(p.passMark)")
            compared += 1
        }
        print("QuizGradingVectorTests: Swift compared \(compared) vectors")
        #expect(compared >= 100)
        #expect(verdicts == ["correct", "partial", "incorrect", "invalid", "unanswered"])
    }

    /// The page's grading interpreter under node, on the same vectors.
    @Test(.enabled(if: hasNode, "node is not installed")) func pageScriptMatchesEveryVector() throws {
        let node = try #require(QuizFixtures.tool("node"))
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("vectors.js")
        let harness = #"""
        var fs = require("fs");
        var v = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        var G = LessonbuildGrading, mismatches = [], compared = 0;
        v.verdicts.forEach(function (c, i) {
          compared++;
          var got = G.grade(c.spec, c.response);
          if (got.verdict !== c.expected || (c.credit !== undefined && got.credit !== c.credit)) {
            mismatches.push("vector " + i + ": " + JSON.stringify(c) + " got " + JSON.stringify(got));
          }
        });
        v.percents.forEach(function (c) {
          compared++;
          var got = G.percent(c.total === 0 ? 0 : c.correct / c.total);
          if (got !== c.percent) { mismatches.push("percent " + JSON.stringify(c) + " got " + got); }
        });
        v.passes.forEach(function (c) {
          compared++;
          var got = G.passes(c.total === 0 ? 0 : c.correct / c.total, c.passMark);
          if (got !== c.passed) { mismatches.push("pass " + JSON.stringify(c) + " got " + got); }
        });
        console.log(JSON.stringify({ compared: compared, mismatches: mismatches }));
        """#
        try (QuizScript.grading + harness).write(to: script, atomically: true, encoding: .utf8)
        let (status, out, err) = try QuizFixtures.run(node, [script.path, Self.vectorsURL.path])
        #expect(status == 0, "node failed: \(err)")
        struct Result: Decodable { var compared: Int; var mismatches: [String] }
        let result = try JSONDecoder().decode(Result.self, from: Data(out.utf8))
        print("QuizGradingVectorTests: node compared \(result.compared) vectors")
        #expect(result.mismatches.isEmpty, "first mismatch: \(result.mismatches.first ?? "")")
        #expect(result.compared >= 100)
    }

    /// The whole page script (grading, SCORM adapter, DOM) is valid JavaScript.
    @Test(.enabled(if: hasNode, "node is not installed")) func pageScriptParses() throws {
        let node = try #require(QuizFixtures.tool("node"))
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("page.js")
        try QuizScript.page.write(to: file, atomically: true, encoding: .utf8)
        let (status, _, err) = try QuizFixtures.run(node, ["--check", file.path])
        #expect(status == 0, "\(err)")
    }
}

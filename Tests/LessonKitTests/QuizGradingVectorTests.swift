import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `Fixtures/Quiz/grading_vectors.json` holds hand-written cases; the Swift `Grader` and the page's
/// JavaScript (`QuizScript.grading`, run under node) must both give every expected verdict.
@Suite struct QuizGradingVectorTests {
    struct Vectors: Decodable {
        struct Verdict: Decodable {
            var kind: String
            var answer: String
            var tolerance: String?
            var response: String?
            var expected: String
        }
        struct Percent: Decodable { var correct: Int; var total: Int; var percent: String }
        struct Pass: Decodable { var correct: Int; var total: Int; var passMark: Double; var passed: Bool }
        var verdicts: [Verdict]
        var percents: [Percent]
        var passes: [Pass]
    }

    static var vectorsURL: URL { QuizFixtures.directory.appendingPathComponent("grading_vectors.json") }

    static func load() throws -> Vectors {
        try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: vectorsURL))
    }

    static func answer(_ v: Vectors.Verdict) -> Question.Answer? {
        switch v.kind {
        case "numeric":
            guard let a = Double(v.answer), let t = Double(v.tolerance ?? "0") else { return nil }
            return .numeric(value: a, tolerance: t, display: v.answer)
        case "choice": return Int(v.answer).map { .choice($0) }
        default: return .text(v.answer)
        }
    }

    @Test func swiftGraderMatchesEveryVector() throws {
        let vectors = try Self.load()
        var compared = 0
        for (n, v) in vectors.verdicts.enumerated() {
            let answer = try #require(Self.answer(v), "vector \(n) has an unreadable answer")
            let got = Grader.verdict(for: answer, response: v.response)
            #expect(got.rawValue == v.expected, "vector \(n): \(v.kind) answer \(v.answer) response \(String(reflecting: v.response))")
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
    }

    /// The page's grading code under node, on the same vectors.
    @Test(.enabled(if: Tools.hasNode, "needs node to run the page's grading script"))
    func pageScriptMatchesEveryVector() throws {
        let node = try #require(Tools.which("node"))
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("vectors.js")
        let harness = #"""
        var fs = require("fs");
        var v = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        var G = LessonbuildGrading, mismatches = [], compared = 0;
        v.verdicts.forEach(function (c, i) {
          compared++;
          var got = G.verdict({ kind: c.kind, answer: c.answer, tolerance: c.tolerance }, c.response);
          if (got !== c.expected) { mismatches.push("vector " + i + ": " + JSON.stringify(c) + " got " + got); }
        });
        v.percents.forEach(function (c) {
          compared++;
          var got = G.percent(G.score(c.correct, c.total));
          if (got !== c.percent) { mismatches.push("percent " + JSON.stringify(c) + " got " + got); }
        });
        v.passes.forEach(function (c) {
          compared++;
          var got = G.passes(G.score(c.correct, c.total), c.passMark);
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

    /// The whole page script (not only the grading part) is valid JavaScript.
    @Test(.enabled(if: Tools.hasNode, "needs node to parse the page script"))
    func pageScriptParses() throws {
        let node = try #require(Tools.which("node"))
        let dir = try QuizFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("page.js")
        try QuizScript.page.write(to: file, atomically: true, encoding: .utf8)
        let (status, _, err) = try QuizFixtures.run(node, ["--check", file.path])
        #expect(status == 0, "\(err)")
    }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The seed lesson's eval block (`Fixtures/Expression/seed/seed-eval.txt`) reproduces what the
/// seed's Python listings print: each check in `seed/checks.txt` builds one or more output lines
/// from lesson expressions and compares them with the listing run live by python3 (or its
/// committed `.out` when python3/numpy — or, for listing 10, torch — is missing).
@Suite struct ExpressionSeedTests {
    static let folder = expressionFixtures.appendingPathComponent("seed")
    /// The seed listings and their outputs, shared by every suite.
    static let listings = Paths.fixture("Seed")

    static func listingOutput(_ name: String) throws -> (lines: [String], source: String) {
        let script = listings.appendingPathComponent(name + ".py")
        var text: String?
        var source = "committed \(name).out"
        if ExpressionPython.hasNumPy, (try? ExpressionPython.run(["-c", "import torch"])) != nil || !name.hasPrefix("10_") {
            text = try ExpressionPython.run([script.path])
            source = "live python3"
        }
        let output = try text ?? String(contentsOf: listings.appendingPathComponent(name + ".out"), encoding: .utf8)
        return (output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), source)
    }

    @Test func evalBlockRunsCleanly() throws {
        let lesson = Interpreter()
        let source = try String(contentsOf: Self.folder.appendingPathComponent("seed-eval.txt"), encoding: .utf8)
        #expect(lesson.run(block: source, locate: expressionLocator(for: source)) == [])
        #expect(lesson.value(of: "too_small") == .string("kernel cannot exceed padded input size"))
    }

    @Test func evalBlockReproducesTheListings() throws {
        let lesson = Interpreter()
        let source = try String(contentsOf: Self.folder.appendingPathComponent("seed-eval.txt"), encoding: .utf8)
        try #require(lesson.run(block: source, locate: expressionLocator(for: source)) == [])
        let checks = try String(contentsOf: Self.folder.appendingPathComponent("checks.txt"), encoding: .utf8)
        var compared = 0
        var sources: Set<String> = []
        var outputs: [String: [String]] = [:]
        for line in checks.split(separator: "\n") where !line.hasPrefix("#") {
            let halves = line.components(separatedBy: " ⇔ ")
            let target = halves[0].split(separator: " ")
            let name = String(target[0])
            let bounds = target[1].split(separator: "-").compactMap { Int($0) }
            if outputs[name] == nil {
                let (lines, origin) = try Self.listingOutput(name)
                outputs[name] = lines
                sources.insert(origin)
            }
            let output = outputs[name] ?? []
            let expected = output[(bounds[0] - 1)...((bounds.last ?? bounds[0]) - 1)].joined(separator: "\n")
            var actual = ""
            for piece in halves[1].components(separatedBy: " ++ ") {
                actual += try render(piece, in: lesson)
            }
            #expect(actual == expected, "\(name) lines \(target[1])")
            compared += 1
        }
        print("seed listings: compared \(compared) checks against \(sources.sorted().joined(separator: " and "))")
        #expect(compared == 23)
    }

    /// `"text"` (with `\n`), `{EXPR}` (printed) or `{EXPR : SPEC}` (formatted).
    private func render(_ piece: String, in lesson: Interpreter) throws -> String {
        if piece.hasPrefix("\"") {
            return String(piece.dropFirst().dropLast()).replacingOccurrences(of: "\\n", with: "\n")
        }
        let body = String(piece.dropFirst().dropLast())
        if let colon = body.range(of: " : ", options: .backwards) {
            return try evaluateExpression(String(body[..<colon.lowerBound]), in: lesson).formatted(String(body[colon.upperBound...]))
        }
        return try evaluateExpression(body, in: lesson).printed
    }
}

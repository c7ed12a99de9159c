import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Runs the language fixture programs in `Fixtures/Expression/*.txt` (Crafting Interpreters style).
///
/// Each file is one block of statements; a bare expression prints its value (`printed`). The
/// expected output is the sequence of `// expect: TEXT` comments (a multi-line value takes one
/// `// expect:` per line); `// error: MESSAGE` marks a reported error on that line and
/// `// cascade: MESSAGE` a suppressed cascade.
@Suite struct ExpressionFixtureTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: expressionFixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func fixturesExist() {
        #expect(Self.files.count >= 6)
    }

    @Test(arguments: files)
    func fixture(_ name: String) throws {
        let source = try String(contentsOf: expressionFixtures.appendingPathComponent(name), encoding: .utf8)
        var expectedOutput: [String] = []
        var expectedErrors: [String] = []
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (marker, kind) in [("// expect: ", "expect"), ("// expect:", "expect"), ("// error: ", "error"), ("// cascade: ", "cascade")] {
                guard let range = line.range(of: marker) else { continue }
                let text = String(line[range.upperBound...])
                if kind == "expect" { expectedOutput.append(text) } else { expectedErrors.append("\(number + 1) \(kind): \(text)") }
                break
            }
        }
        let locate = expressionLocator(for: source)
        var output: [String] = []
        let interpreter = Interpreter()
        let errors = interpreter.run(block: source, locate: locate) { value, _ in
            output += value.printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let actualErrors = errors.map { "\($0.location.line) \($0.isCascade ? "cascade" : "error"): \($0.message)" }
        #expect(output == expectedOutput, "\(name): output differs")
        if output != expectedOutput {
            for (i, pair) in zip(output + Array(repeating: "<missing>", count: max(0, expectedOutput.count - output.count)),
                                 expectedOutput + Array(repeating: "<none>", count: max(0, output.count - expectedOutput.count))).enumerated()
            where pair.0 != pair.1 {
                print("\(name) output line \(i + 1): got \(pair.0.debugDescription), expected \(pair.1.debugDescription)")
                break
            }
        }
        #expect(actualErrors == expectedErrors, "\(name): errors differ")
        print("fixture \(name): \(output.count) output lines, \(actualErrors.count) errors compared")
    }
}

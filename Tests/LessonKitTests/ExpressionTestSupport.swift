import Foundation
import TestSupport
@testable import LessonKit

/// A locator for test sources: byte offsets → 1-based line and UTF-8 column, the block
/// starting at `firstLine` of an imaginary lesson.
func expressionLocator(for source: String, firstLine: Int = 1) -> Locator {
    let bytes = Array(source.utf8)
    return { offset in
        var line = firstLine, column = 1
        for byte in bytes[0..<max(0, min(offset, bytes.count))] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(line: line, column: column)
    }
}

/// Runs `source` as an `{eval}` block in a fresh interpreter (or `interpreter`).
@discardableResult
func runExpressionBlock(_ source: String, in interpreter: Interpreter = Interpreter(), firstLine: Int = 1) -> [EvaluationError] {
    interpreter.run(block: source, locate: expressionLocator(for: source, firstLine: firstLine))
}

/// Evaluates one expression against `interpreter`.
func evaluateExpression(_ source: String, in interpreter: Interpreter = Interpreter()) throws(EvaluationError) -> Value {
    try interpreter.evaluate(source, locate: expressionLocator(for: source))
}

/// The error an expression fails with, or nil.
func expressionFailure(_ source: String, in interpreter: Interpreter = Interpreter()) -> EvaluationError? {
    do {
        _ = try interpreter.evaluate(source, locate: expressionLocator(for: source))
        return nil
    } catch {
        return error
    }
}

/// Runs Python 3 (with NumPy) from the tests: the independent oracle.
enum ExpressionPython {
    /// True when `python3 -c "import numpy"` succeeds (set `LESSONKIT_ORACLE_FIXTURES=1` to use
    /// the committed fixtures instead, as on a machine without Python).
    static let hasNumPy: Bool = ProcessInfo.processInfo.environment["LESSONKIT_ORACLE_FIXTURES"] == nil
        && (try? run(["-c", "import numpy"])) != nil

    /// Runs `python3 arguments…` (stdin optional) and returns its standard output; throws on failure.
    static func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExpressionPythonError(description: "python3 exited with \(process.terminationStatus): \(errorText)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct ExpressionPythonError: Error, CustomStringConvertible {
    let description: String
}

/// `Tests/LessonKitTests/Fixtures/Expression/`.
let expressionFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Expression")

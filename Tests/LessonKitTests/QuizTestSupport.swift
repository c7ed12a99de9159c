import Foundation
import TestSupport
@testable import LessonKit

/// Shared helpers for the quiz tests: hand-built questions with known answers, fixture paths,
/// and running external tools (node, python3) when they are installed.
enum QuizFixtures {
    static let location = SourceLocation(line: 1, column: 1)

    /// The fixtures folder `Tests/LessonKitTests/Fixtures/Quiz`.
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Quiz")
    }

    /// Six questions covering every kind, with GIFT/XML special characters in their text.
    static let questions: [Question] = [
        Question(id: "q1", kind: .numeric, promptHTML: "<p>How wide is the output? (3 &lt; 4 &amp;&amp; {x}: a = b ~ c # d)</p>\n",
                 optionsHTML: [], answer: .numeric(value: 112, tolerance: 0, display: "112"), location: SourceLocation(line: 10, column: 1)),
        Question(id: "q2", kind: .choice, promptHTML: "<p>Which operation does a <em>convolution</em> layer compute?</p>\n",
                 optionsHTML: ["a convolution with a flipped kernel", "cross-correlation: the kernel slides <code>unflipped</code>",
                               "a max over each window {~=#}"],
                 answer: .choice(2), location: SourceLocation(line: 20, column: 1)),
        Question(id: "q3", kind: .text, promptHTML: "<p>Name the layer that keeps the largest value of each window.</p>\n",
                 optionsHTML: [], answer: .text("Max pooling"), location: SourceLocation(line: 30, column: 1)),
        Question(id: "pixel-mean", kind: .numeric, promptHTML: "<p>Mean of the patch?</p>\n", optionsHTML: [],
                 answer: .numeric(value: 0.874, tolerance: 0.001, display: "0.874"), location: SourceLocation(line: 40, column: 1)),
        Question(id: "q5", kind: .numeric, promptHTML: "<p>Learning rate?</p>\n", optionsHTML: [],
                 answer: .numeric(value: 1e-05, tolerance: 1e-09, display: "1e-05"), location: SourceLocation(line: 50, column: 1)),
        Question(id: "q6", kind: .numeric, promptHTML: "<p>Parameters (negative, for the test)?</p>\n", optionsHTML: [],
                 answer: .numeric(value: -38_535_424, tolerance: 0, display: "-38535424"), location: SourceLocation(line: 60, column: 1)),
    ]

    static let panel = QuizPanel(passMark: 0.75, passText: "75%", location: SourceLocation(line: 70, column: 1))

    /// The absolute path of `name` on PATH, or nil.
    static func tool(_ name: String) -> String? { VerifyTestSupport.which(name) }

    /// Runs a tool; returns (status, stdout, stderr).
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessonbuild-quiz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Foundation
import TestSupport
@testable import LessonKit

/// Helpers shared by the `verify` tests: a seeded generator and a way to run the system tools
/// (`diff`, `patch`, `python3`) that serve as independent oracles.
enum VerifyTestSupport {
    struct ToolResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The absolute path of `name` on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a tool to completion (for short-lived oracles only) and returns what it printed.
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: which(tool) ?? tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let stderrBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            stderrBox.data = errHandle.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let stderrData = stderrBox.data
        return ToolResult(status: process.terminationStatus,
                          stdout: String(decoding: stdoutData, as: UTF8.self),
                          stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// A fresh temporary folder for one test; the caller removes it.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessonbuild-verify-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether `python3` can import `module`, asked of Python itself.
    static func pythonHasModule(_ module: String) -> Bool {
        guard which("python3") != nil,
              let result = try? run("python3", ["-c", "import \(module)"]) else { return false }
        return result.status == 0
    }

    static var hasPython: Bool { which("python3") != nil }
}

import Foundation

/// Locations the tests need: the package root, the seed lesson, the built binary.
public enum Paths {
    /// The package root (two levels above this file's folder).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func fixture(_ relative: String) -> URL {
        root.appendingPathComponent("Tests/LessonKitTests/Fixtures").appendingPathComponent(relative)
    }

    /// The seed lesson's ten listings and their recorded outputs, committed for every suite.
    public static let seedListings: URL = fixture("Seed")

    /// `../shared/seed/listings` beside the checkout, where the seed comes from (CI lays it there).
    public static let sharedSeedListings: URL = root.deletingLastPathComponent().appendingPathComponent("shared/seed/listings")
    public static var hasSharedSeed: Bool { FileManager.default.fileExists(atPath: sharedSeedListings.path) }

    /// The `lessonbuild` executable built beside the test bundle.
    public static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lessonbuild")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/lessonbuild")
    }
}

/// The result of running a process to completion.
public struct ProcessResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `executable` with `arguments`, capturing both streams.
public func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a full pipe never blocks the child.
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller.
public func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessonbuild-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Decodes the five entities lessonbuild's escaping produces, plus numeric ones.
public func htmlUnescape(_ text: String) -> String {
    var result = text
    for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'")] {
        result = result.replacingOccurrences(of: entity, with: char)
    }
    return result.replacingOccurrences(of: "&amp;", with: "&")
}

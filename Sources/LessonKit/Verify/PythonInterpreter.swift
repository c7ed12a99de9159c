import Foundation

/// Finds the interpreter `verify` runs listings with: a name looked up on `PATH` (`python3`), or a
/// path (anything containing `/`) that must be an executable file.
public enum PythonInterpreter {
    public static func resolve(_ name: String,
                               searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> URL {
        let files = FileManager.default
        if name.contains("/") {
            guard files.isExecutableFile(atPath: name) else { throw VerifyError.interpreterNotFound(name) }
            return URL(fileURLWithPath: name)
        }
        for directory in (searchPath ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(directory)/\(name)"
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               files.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate)
            }
        }
        throw VerifyError.interpreterNotFound(name)
    }
}

/// What stops `verify` before any listing runs.
public enum VerifyError: Error, Equatable, Sendable, CustomStringConvertible {
    case interpreterNotFound(String)
    case temporaryDirectory(String)

    public var description: String {
        switch self {
        case let .interpreterNotFound(name) where name.contains("/"):
            "python interpreter '\(name)' not found or not executable"
        case let .interpreterNotFound(name):
            "python interpreter '\(name)' not found on PATH"
        case let .temporaryDirectory(reason):
            "cannot create a temporary folder to run listings in: \(reason)"
        }
    }
}

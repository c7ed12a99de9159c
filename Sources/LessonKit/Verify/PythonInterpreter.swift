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

    /// The program `interpreter` really is, as Python reports it (`sys.executable`): a launcher
    /// such as a pyenv shim (a shell script that sets variables of its own, then runs the real
    /// interpreter) would otherwise run twice per listing and add to the listing's environment.
    /// Falls back to `interpreter` when it cannot say.
    static func executable(of interpreter: URL) -> URL {
        let ask = ChildProcess(executable: interpreter, arguments: ["-I", "-S", "-c", "import sys; print(sys.executable)"],
                               directory: URL(fileURLWithPath: "/"), environment: ProcessInfo.processInfo.environment,
                               timeout: 30, outputLimit: 65_536)
        guard let result = try? ask.run(), result.termination == .exited(0) else { return interpreter }
        let path = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard path.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: path) else { return interpreter }
        return URL(fileURLWithPath: path)
    }
}

/// What stops `verify` before any listing runs.
public enum VerifyError: Error, Equatable, Sendable, CustomStringConvertible {
    case interpreterNotFound(String)
    case temporaryDirectory(String)
    /// `--sandbox` (or CI) asked for bubblewrap and it is not installed.
    case sandboxMissing(String)
    /// bubblewrap is there but cannot build a sandbox here (no user namespaces); what it said.
    case sandboxUnusable(String)

    public var description: String {
        switch self {
        case let .interpreterNotFound(name) where name.contains("/"):
            "python interpreter '\(name)' not found or not executable"
        case let .interpreterNotFound(name):
            "python interpreter '\(name)' not found on PATH"
        case let .temporaryDirectory(reason):
            "cannot create a temporary folder to run listings in: \(reason)"
        case let .sandboxMissing(name):
            "the listing sandbox needs bubblewrap ('\(name)' not found): install the 'bubblewrap' package, "
                + "or pass --no-sandbox to run listings without it"
        case let .sandboxUnusable(reason):
            "bubblewrap cannot create a sandbox on this machine (\(reason)); user namespaces may be disabled "
                + "(sysctl kernel.unprivileged_userns_clone=1), or pass --no-sandbox to run listings without it"
        }
    }
}

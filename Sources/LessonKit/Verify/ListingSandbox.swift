import Foundation

/// `verify --sandbox`: each listing runs under bubblewrap (`bwrap`, Debian package `bubblewrap`)
///
/// - with no network (`--unshare-all` includes `--unshare-net`: only its own loopback) and its own
///   PID, IPC and UTS namespaces; when the listing's supervisor, PID 2, ends, the namespace goes and
///   every process in it is killed (`--die-with-parent` does the same if `verify` dies);
/// - with a read-only view of the system (`--ro-bind / /`), a fresh `/dev`, `/proc` and `/tmp`, and
///   one writable folder, the listing's scratch folder, at its own path, which is also its `HOME`;
/// - with the lesson's folder visible inside the scratch folder read-only, entry by entry, so
///   `images/photo.png` opens as it does beside the lesson;
/// - with a scrubbed environment (`--clearenv`, then only the variables of ``environment(home:python:)``,
///   and `PWD`, which bubblewrap sets after `--chdir`).
///
///     bwrap --die-with-parent --new-session --unshare-all --ro-bind / / --dev /dev --proc /proc
///       --tmpfs /tmp --bind SCRATCH SCRATCH --ro-bind LESSON/images SCRATCH/images --chdir SCRATCH
///       --clearenv --setenv PATH … -- PYTHON -I -S -c SUPERVISOR …
public struct ListingSandbox: Sendable, Equatable {
    /// The `bwrap` executable.
    public var bubblewrap: URL

    /// Finds `bwrap` (a name on `PATH` or a path) and checks that it can build a sandbox here, which
    /// needs user namespaces (or root). Throws ``VerifyError/sandboxMissing(_:)`` or
    /// ``VerifyError/sandboxUnusable(_:)``, both saying how to go on.
    public static func locate(_ name: String = "bwrap",
                              searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> ListingSandbox {
        guard let found = try? PythonInterpreter.resolve(name, searchPath: searchPath) else {
            throw VerifyError.sandboxMissing(name)
        }
        let sandbox = ListingSandbox(bubblewrap: found)
        try sandbox.probe()
        return sandbox
    }

    /// Runs `true` in a sandbox with the same namespaces a listing gets.
    func probe() throws {
        let probe = ChildProcess(executable: bubblewrap,
                                 arguments: ["--die-with-parent", "--unshare-all", "--ro-bind", "/", "/",
                                             "--proc", "/proc", "--dev", "/dev", "--", "/bin/true"],
                                 directory: URL(fileURLWithPath: "/"), environment: [:], timeout: 10,
                                 outputLimit: 65_536)
        let result: ChildProcess.Result
        do {
            result = try probe.run()
        } catch {
            throw VerifyError.sandboxUnusable("\(error)")
        }
        guard result.termination == .exited(0) else {
            let said = String(decoding: result.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw VerifyError.sandboxUnusable(said.isEmpty ? "\(result.termination)" : said)
        }
    }

    /// The `bwrap` arguments that run `command` in `scratch` with `lessonFolder`'s entries beside it.
    func arguments(scratch: String, lessonEntries: [(source: String, name: String)], python: String,
                   command: [String]) -> [String] {
        var arguments = ["--die-with-parent", "--new-session", "--unshare-all",
                         "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
        // An interpreter kept under /tmp (a virtual environment there) would be hidden by the new /tmp.
        let parts = python.split(separator: "/")
        if parts.count > 2, parts[0] == "tmp" {
            let top = "/tmp/\(parts[1])"
            arguments += ["--ro-bind", top, top]
        }
        arguments += ["--bind", scratch, scratch]
        for entry in lessonEntries {
            arguments += ["--ro-bind", entry.source, "\(scratch)/\(entry.name)"]
        }
        arguments += ["--chdir", scratch, "--clearenv"]
        for (name, value) in Self.environment(home: scratch, python: python).sorted(by: { $0.key < $1.key }) {
            arguments += ["--setenv", name, value]
        }
        return arguments + ["--"] + command
    }

    /// Everything a sandboxed listing sees of the environment: `PATH` (the interpreter's folder first),
    /// `HOME` (its scratch folder), `TMPDIR=/tmp`, `LANG=C.UTF-8`, and the fixed Python settings.
    static func environment(home: String, python: String) -> [String: String] {
        let folder = (python as NSString).deletingLastPathComponent
        var path = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        if !path.contains(folder) { path.insert(folder, at: 0) }
        return ListingVerifier.pythonSettings.merging([
            "PATH": path.joined(separator: ":"), "HOME": home, "TMPDIR": "/tmp", "LANG": "C.UTF-8",
        ]) { $1 }
    }
}

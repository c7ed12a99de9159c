import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child started with `posix_spawn` so that it inherits nothing but what it is given: stdin from
/// `/dev/null`, stdout and stderr to two fresh pipes, every other descriptor closed
/// (`posix_spawn_file_actions_addclosefrom_np(3)`, so a stray socket at fd 15, or another listing's
/// pipe opened on another thread a moment earlier, never reaches it), its own process group, no
/// signal blocked and every signal at its default action.
///
/// Foundation's `Process` cannot promise this on Linux: it closes the descriptors open when it looks,
/// not those another thread opens meanwhile, and hands its own socket pair to the child.
struct SpawnedProcess {
    let pid: pid_t
    /// The read ends of the child's stdout and stderr (close-on-exec, owned by the caller).
    let stdout: Int32
    let stderr: Int32

    enum SpawnError: Error, CustomStringConvertible {
        case failed(String, Int32)
        var description: String {
            switch self {
            case let .failed(what, code): "\(what): \(String(cString: strerror(code)))"
            }
        }
    }

    /// glibc's `_np` spawn actions, which Swift's Glibc module does not import (they are behind
    /// `_GNU_SOURCE`): `addclosefrom_np` (glibc 2.34) and `addchdir_np` (2.29).
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                 UnsafePointer<CChar>) -> Int32
    // dlsym(nil, …) is dlsym(RTLD_DEFAULT, …).
    private static let addCloseFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }
    private static let addChdir = dlsym(nil, "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }

    static func start(executable: String, arguments: [String], directory: String,
                      environment: [String: String]) throws -> SpawnedProcess {
        guard let addCloseFrom, let addChdir else {
            throw SpawnError.failed("this C library cannot close inherited descriptors in posix_spawn (glibc 2.34 or later)", ENOSYS)
        }
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        // Close-on-exec from the start would need pipe2 (not imported either); every spawn here
        // closes descriptors above 2 anyway, and the flag is set right after for other spawners.
        guard pipe(&outPipe) == 0 else { throw SpawnError.failed("pipe", errno) }
        guard pipe(&errPipe) == 0 else {
            let code = errno
            close(outPipe[0]); close(outPipe[1])
            throw SpawnError.failed("pipe", code)
        }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer {
            close(outPipe[1]); close(errPipe[1])
            if devNull >= 0 { close(devNull) }
        }
        guard devNull >= 0 else {
            let code = errno
            close(outPipe[0]); close(errPipe[0])
            throw SpawnError.failed("/dev/null", code)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, devNull, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        _ = addCloseFrom(&actions, 3)
        _ = directory.withCString { addChdir(&actions, $0) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw SpawnError.failed("cannot run \(executable)", code)
        }
        return SpawnedProcess(pid: pid, stdout: outPipe[0], stderr: errPipe[0])
    }

    /// Whether the child has ended, without reaping it: while it is a zombie its process-group id
    /// cannot be reused, so the group can still be swept safely.
    func hasExited() -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Reaps the child (blocking) and returns its raw wait status.
    func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one program to completion under a time and output budget, with stdin closed and stdout and
/// stderr read together (a poll loop over both pipes, so a child filling one pipe never deadlocks).
///
/// Foundation's `Process` starts the child in a process group of its own (on Linux it spawns with
/// `POSIX_SPAWN_SETPGROUP`); checked with `getpgid` after launch, so a timeout or an overflow
/// `SIGKILL`s the whole group — grandchildren included — not just the direct child.
struct ChildProcess {
    enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Stopped by us after `timeout` seconds.
        case timedOut
        /// Stopped by us after printing more than `outputLimit` bytes on one stream.
        case outputTooLarge
    }

    struct Result: Sendable {
        var stdout: [UInt8]
        var stderr: [UInt8]
        var termination: Termination
    }

    var executable: URL
    var arguments: [String]
    var directory: URL
    var environment: [String: String]
    var timeout: Double
    var outputLimit: Int

    /// How long to wait for the pipes to close and the child to be reaped after the kill.
    private static let grace: Double = 2

    /// The child inherits the spawning thread's signal mask, and Dispatch's worker threads block most
    /// signals; a listing should start as it would from a shell, with none blocked.
    private static func withEmptySignalMask<T>(_ body: () throws -> T) rethrows -> T {
        var empty = sigset_t(), saved = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        return try body()
    }

    func run() throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        defer {
            try? outPipe.fileHandleForReading.close()
            try? errPipe.fileHandleForReading.close()
        }

        let start = DispatchTime.now()
        try Self.withEmptySignalMask { try process.run() }
        let pid = process.processIdentifier
        let target: pid_t = getpgid(pid) == pid ? -pid : pid
        var stoppedBy: Termination?
        func stop(_ reason: Termination) {
            guard stoppedBy == nil else { return }
            stoppedBy = reason
            kill(target, SIGKILL)
        }
        // At most a million seconds, so the nanosecond count cannot overflow; NaN counts as zero.
        let seconds = timeout.isNaN ? 0 : min(max(timeout, 0), 1e6)
        let deadline = start.uptimeNanoseconds + UInt64(seconds * 1e9)

        var streams = [outPipe.fileHandleForReading.fileDescriptor, errPipe.fileHandleForReading.fileDescriptor]
        var captured: [[UInt8]] = [[], []]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var giveUpAt = UInt64.max
        while streams.contains(where: { $0 >= 0 }) {
            let now = DispatchTime.now().uptimeNanoseconds
            if stoppedBy == nil, now >= deadline { stop(.timedOut); giveUpAt = now + UInt64(Self.grace * 1e9) }
            if now >= giveUpAt { break }  // something outside the group still holds a pipe open
            let wakeAt = stoppedBy == nil ? deadline : giveUpAt
            let waitMs = Int32(clamping: (wakeAt - min(wakeAt, now)) / 1_000_000 + 1)
            var fds = streams.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), min(waitMs, 100))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &buffer, buffer.count)
                if count > 0 {
                    if stoppedBy == nil {
                        captured[index] += buffer[0..<count]
                        if captured[index].count > outputLimit {
                            stop(.outputTooLarge)
                            giveUpAt = DispatchTime.now().uptimeNanoseconds + UInt64(Self.grace * 1e9)
                        }
                    }
                } else if count == 0 || errno != EINTR {
                    streams[index] = -1
                }
            }
        }

        // The pipes are closed; the child may still run (it closed them itself), so keep the deadline.
        if stoppedBy == nil {
            let remaining = deadline > DispatchTime.now().uptimeNanoseconds
                ? deadline - DispatchTime.now().uptimeNanoseconds : 0
            if exited.wait(timeout: .now() + .nanoseconds(Int(clamping: remaining))) == .timedOut {
                stop(.timedOut)
            }
        }
        if let stoppedBy {
            _ = exited.wait(timeout: .now() + Self.grace)
            return Result(stdout: captured[0], stderr: captured[1], termination: stoppedBy)
        }
        let termination: Termination = process.terminationReason == .exit
            ? .exited(process.terminationStatus) : .signaled(process.terminationStatus)
        return Result(stdout: captured[0], stderr: captured[1], termination: termination)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one program to completion under a time and output budget, with stdin closed and stdout and
/// stderr read together (a poll loop over both pipes, so a child filling one pipe never deadlocks).
///
/// The child is spawned alone (``SpawnedProcess``: only fds 0, 1 and 2, its own process group).
/// Stopping it, at the timeout or past the output limit, sends `SIGTERM` to the child itself (the
/// listing supervisor then kills every descendant it adopted; bubblewrap takes its whole PID
/// namespace down) and `SIGKILL` to its process group `stopGrace` seconds later at the latest.
/// However the child ends, its process group is swept with `SIGKILL` before it is reaped, so nothing
/// it started in its group outlives the run.
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

    /// How long the child has to end after `SIGTERM` before its group gets `SIGKILL`.
    private static let stopGrace: Double = 0.5
    /// How long to wait for the pipes to close and the child to be reaped after the kill.
    private static let grace: Double = 2

    func run() throws -> Result {
        let child = try SpawnedProcess.start(executable: executable.path, arguments: arguments,
                                             directory: directory.path, environment: environment)
        defer {
            close(child.stdout)
            close(child.stderr)
        }
        let now = { DispatchTime.now().uptimeNanoseconds }
        let nanoseconds = { (seconds: Double) in UInt64(seconds * 1e9) }
        // At most a million seconds, so the nanosecond count cannot overflow; NaN counts as zero.
        let seconds = timeout.isNaN ? 0 : min(max(timeout, 0), 1e6)
        let deadline = now() + nanoseconds(seconds)
        var stoppedBy: Termination?
        var killGroupAt = UInt64.max, giveUpAt = UInt64.max
        func stop(_ reason: Termination) {
            guard stoppedBy == nil else { return }
            stoppedBy = reason
            kill(child.pid, SIGTERM)
            killGroupAt = now() + nanoseconds(Self.stopGrace)
            giveUpAt = now() + nanoseconds(Self.grace)
        }
        func killGroupIfDue() {
            guard now() >= killGroupAt else { return }
            kill(-child.pid, SIGKILL)
            killGroupAt = .max
        }

        var streams = [child.stdout, child.stderr]
        var captured: [[UInt8]] = [[], []]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while streams.contains(where: { $0 >= 0 }) {
            if stoppedBy == nil, now() >= deadline { stop(.timedOut) }
            killGroupIfDue()
            if now() >= giveUpAt { break }  // something outside the group still holds a pipe open
            let wakeAt = min(stoppedBy == nil ? deadline : giveUpAt, killGroupAt)
            let waitMs = Int32(clamping: (wakeAt - min(wakeAt, now())) / 1_000_000 + 1)
            var fds = streams.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), min(waitMs, 100))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &buffer, buffer.count)
                if count > 0 {
                    if stoppedBy == nil {
                        captured[index] += buffer[0..<count]
                        if captured[index].count > outputLimit { stop(.outputTooLarge) }
                    }
                } else if count == 0 || errno != EINTR {
                    streams[index] = -1
                }
            }
        }

        // The pipes are closed; the child may still run (it closed them itself), so keep the deadline.
        while !child.hasExited() {
            if stoppedBy == nil, now() >= deadline { stop(.timedOut) }
            killGroupIfDue()
            if now() >= giveUpAt { kill(-child.pid, SIGKILL) }
            usleep(2_000)
        }
        kill(-child.pid, SIGKILL)  // the leader is a zombie until reaped, so the group id is still ours
        let status = child.reap()
        if let stoppedBy {
            return Result(stdout: captured[0], stderr: captured[1], termination: stoppedBy)
        }
        // The wait status: the low 7 bits are the signal that ended the child, 0 for an exit.
        let signal = status & 0x7f
        let termination: Termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        return Result(stdout: captured[0], stderr: captured[1], termination: termination)
    }
}

import Foundation

/// A `flock(2)` on the site folder itself, held while a build reads the manifest and writes the
/// site: exclusive for a build, shared for `--check`. A second build into the same folder waits
/// for the first (polling every 20 ms) and gives up after `timeout` seconds with a clear error.
///
/// Locking the folder rather than a lock file leaves nothing behind in the site. The kernel drops
/// the lock when the process exits, however it exits, so a killed build never leaves the site
/// locked.
final class SiteLock {
    /// An open descriptor of the folder (the transaction writes through it, `openat`/`renameat`).
    let descriptor: Int32

    /// Opens `directory` (which must exist) and waits for the lock.
    init(directory: String, exclusive: Bool, timeout: Double) throws {
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SiteError("cannot open the site folder \(directory): \(String(cString: strerror(errno)))")
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeout, 0) * 1e9)
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(descriptor)
                throw SiteError("cannot lock the site folder \(directory): \(String(cString: strerror(reason)))")
            }
            guard DispatchTime.now().uptimeNanoseconds < deadline else {
                close(descriptor)
                throw SiteError("""
                    another lessonbuild is writing \(directory) and still was after \(Self.seconds(timeout)); \
                    wait for it to finish and build again
                    """)
            }
            usleep(20_000)
        }
    }

    deinit {
        // Closing the descriptor releases the lock.
        close(descriptor)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

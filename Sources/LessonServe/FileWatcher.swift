#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders (and the folders inside them) with Linux inotify and reports the paths of
/// files that were written, created, moved in or out, or deleted.
///
/// A blocking `poll` on the inotify descriptor and a stop pipe runs on its own thread: no
/// timer, no busy loop. Editors that save by writing a temporary file and renaming it are seen
/// through `IN_MOVED_TO`; a write is reported when the file is closed (`IN_CLOSE_WRITE`), so
/// a half-written file is never read. Events arriving within `quietPeriod` of each other are
/// reported together, once.
public final class FileWatcher: @unchecked Sendable {
    /// Called on the watcher's thread with the changed paths, sorted.
    public typealias Handler = @Sendable ([String]) -> Void

    private let descriptor: Int32
    private var stopPipe: [Int32] = [-1, -1]
    private var folders: [Int32: String] = [:]
    private let quietPeriod: Int32
    private let skip: @Sendable (String) -> Bool
    private var thread: Thread?

    /// - Parameters:
    ///   - folders: watched with every folder inside them (hidden ones and `skip`ped ones excepted).
    ///   - quietPeriod: milliseconds to wait for more events before reporting.
    ///   - skip: folders not to descend into (the site folder, for example).
    public init(folders: [String], quietPeriod: Int32 = 8, skip: @escaping @Sendable (String) -> Bool = { _ in false }) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError("inotify_init1 failed: \(String(cString: strerror(errno)))") }
        self.quietPeriod = quietPeriod
        self.skip = skip
        guard pipe(&stopPipe) == 0 else { throw WatchError("pipe failed: \(String(cString: strerror(errno)))") }
        for folder in folders { try add(folder) }
    }

    deinit {
        close(descriptor)
        if stopPipe[0] >= 0 { close(stopPipe[0]); close(stopPipe[1]) }
    }

    /// Starts reporting to `handler` on a thread of its own.
    public func start(_ handler: @escaping Handler) {
        let thread = Thread { [self] in run(handler) }
        thread.name = "lessonbuild file watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops the thread (it reports nothing more).
    public func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe[1], &byte, 1)
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    /// Watches `folder` and, recursively, the folders in it.
    private func add(_ folder: String) throws {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { throw WatchError("cannot watch \(folder): \(String(cString: strerror(errno)))") }
        folders[watch] = folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue, !skip(path) {
                try? add(path)
            }
        }
    }

    private func run(_ handler: Handler) {
        var pending = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            // Wait forever for the first event, then `quietPeriod` for the ones that follow it.
            let ready = poll(&fds, 2, pending.isEmpty ? -1 : quietPeriod)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || fds[1].revents != 0 { return }
            if ready == 0 {
                handler(pending.sorted())
                pending.removeAll()
                continue
            }
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { continue }
            pending.formUnion(events(in: buffer, count: count))
        }
    }

    /// The paths named by the events in `buffer[0..<count]`; new folders are watched too.
    private func events(in buffer: [UInt8], count: Int) -> [String] {
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)].prefix { $0 != 0 }
            offset += header + length
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_DELETE_SELF) != 0 || mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard !name.isEmpty, !name.hasPrefix(".") else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !skip(path) { try? add(path) }
                continue
            }
            paths.append(path)
        }
        return paths
    }
}

/// A failure setting up the watcher.
public struct WatchError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
import Glibc
#endif
import FlyingFox
import FlyingSocks
import Foundation
import LessonKit

/// `lessonbuild serve`: builds the site into its folder exactly as `lessonbuild build` does,
/// serves the folder over HTTP, watches the lesson folders and rebuilds on every save; open pages
/// update themselves over Server-Sent Events and show the errors of a lesson that does not build.
/// SIGINT (Ctrl-C) and SIGTERM stop it: the watcher, the event streams and the listener close,
/// and `run` returns.
public final class LessonServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var paths: [String]
        public var outputDirectory: String
        public var host: String
        public var port: UInt16
        public init(paths: [String], outputDirectory: String = "site", host: String = "127.0.0.1", port: UInt16 = 8000) {
            self.paths = paths
            self.outputDirectory = outputDirectory
            self.host = host
            self.port = port
        }
    }

    private let options: Options
    private let session: SiteSession
    private let hub = EventHub()
    private let log: @Sendable (String) -> Void
    private let logError: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void, logError: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.session = SiteSession(arguments: options.paths, outputDirectory: options.outputDirectory)
        self.log = log
        self.logError = logError
    }

    /// Serves until SIGINT or SIGTERM. Throws when the address cannot be used or the folders
    /// cannot be watched.
    public func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let address: any SocketAddress
        do {
            address = try self.address()
        } catch {
            throw ServeError("--host \(options.host) is not an IPv4 or IPv6 address")
        }
        report(session.buildAll(), first: true)
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)

        let siteRoot = SitePath(root: options.outputDirectory)
        let watcher = try FileWatcher(folders: watchedFolders(), skip: { SitePath.realPath($0) == siteRoot.root })
        watcher.start { [self] paths in
            guard let outcome = session.rebuild(changed: paths) else { return }
            hub.broadcast(session.message())
            report(outcome, first: false)
        }
        hub.broadcast(session.message())

        let server = HTTPServer(config: .init(address: address, timeout: 15, logger: .disabled),
                                handler: SiteHandler(site: siteRoot, session: session, hub: hub))
        let stopped = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        // Signals arrive on a queue of their own; the heartbeat lets dead event streams close.
        let queue = DispatchQueue(label: "lessonbuild serve signals")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [hub] in
                failure.stopping = true
                watcher.stop()
                hub.finishAll()
                Task { await server.stop(timeout: 0.25) }
            }
            source.resume()
            sources.append(source)
        }
        let heartbeat = DispatchSource.makeTimerSource(queue: queue)
        heartbeat.schedule(deadline: .now() + 15, repeating: 15)
        heartbeat.setEventHandler { [hub] in hub.ping() }
        heartbeat.resume()

        let listening = DispatchSemaphore(value: 0)
        let task = Task {
            do { try await server.run() } catch { failure.error = error }
            listening.signal()
            stopped.signal()
        }
        Task {
            try? await server.waitUntilListening(timeout: 10)
            if let address = await server.listeningAddress, case .ip4(let host, let port) = address {
                log("Serving \(options.outputDirectory)/ at http://\(host):\(port)/ (Ctrl-C stops)")
            } else if let address = await server.listeningAddress, case .ip6(let host, let port) = address {
                log("Serving \(options.outputDirectory)/ at http://[\(host)]:\(port)/ (Ctrl-C stops)")
            }
            listening.signal()
        }
        _ = listening.wait(timeout: .now() + 10)

        stopped.wait()
        heartbeat.cancel()
        sources.forEach { $0.cancel() }
        watcher.stop()
        task.cancel()
        // Closing the listener makes the server task end with an error; that is the normal stop.
        if let error = failure.error, !failure.stopping {
            throw ServeError("cannot serve on \(options.host):\(options.port): \(Self.reason(error))")
        }
        log("Stopped.")
    }

    /// Prints what a build did; errors in the compiler's format with the source line and a caret.
    private func report(_ outcome: SiteSession.Outcome, first: Bool) {
        for (_, diagnostics) in outcome.failed.sorted(by: { $0.key < $1.key }) {
            for diagnostic in diagnostics {
                logError(ErrorExcerpt.text(diagnostic, lines: ErrorExcerpt.lines(ofFile: diagnostic.path)))
            }
        }
        let time = String(format: "%.0f ms", outcome.milliseconds)
        let built = outcome.built.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        if !outcome.built.isEmpty {
            log("\(first ? "built" : "rebuilt") \(built) in \(time)" + (outcome.written.isEmpty ? " (no change)" : ""))
        }
        if !outcome.failed.isEmpty {
            let names = outcome.failed.keys.sorted().map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            logError("\(names): not built; the pages keep the last good version")
        }
    }

    /// The lesson folders: each folder argument, and the folder of each file argument.
    private func watchedFolders() -> [String] {
        var folders: [String] = []
        for path in options.paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
            let resolved = folder.isEmpty ? "." : folder
            if !folders.contains(resolved) { folders.append(resolved) }
        }
        return folders
    }

    private func address() throws -> any SocketAddress {
        options.host.contains(":") ? try sockaddr_in6.inet6(ip6: options.host, port: options.port)
            : try sockaddr_in.inet(ip4: options.host, port: options.port)
    }

    /// `Address already in use` from FlyingFox's `SocketError.failed(type:errno:message:)`.
    private static func reason(_ error: any Error) -> String {
        if case .failed(_, let errno, _) = error as? SocketError { return String(cString: strerror(errno)) }
        return "\(error)"
    }
}

/// A failure of the server itself (not of a lesson).
public struct ServeError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The server task's error, read after it ends.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
    var stopping = false
}

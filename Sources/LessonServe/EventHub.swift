import Foundation

/// The Server-Sent Events clients of the live preview and the last message sent, so that a page
/// that connects (or reconnects) learns the current state at once.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var last: String?

    /// A new client's stream: `retry` and the current state first, then every broadcast.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        lock.lock()
        let id = nextID
        nextID += 1
        clients[id] = continuation
        let current = last
        lock.unlock()
        continuation.yield(Array("retry: 500\n\n".utf8))
        if let current { continuation.yield(Self.frame(current)) }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    /// Sends the `build` event `json` to every client and keeps it for new ones.
    func broadcast(_ json: String) {
        lock.lock()
        last = json
        let targets = Array(clients.values)
        lock.unlock()
        for client in targets { client.yield(Self.frame(json)) }
    }

    /// A comment line, so that a dead connection is noticed and closed.
    func ping() {
        lock.lock()
        let targets = Array(clients.values)
        lock.unlock()
        for client in targets { client.yield(Array(": ping\n\n".utf8)) }
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        lock.lock()
        let targets = Array(clients.values)
        clients.removeAll()
        lock.unlock()
        for client in targets { client.finish() }
    }

    var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    private func remove(_ id: Int) {
        lock.lock()
        clients[id] = nil
        lock.unlock()
    }

    /// `event: build` with `json` as its data (JSON has no raw newlines).
    private static func frame(_ json: String) -> [UInt8] {
        Array("event: build\ndata: \(json)\n\n".utf8)
    }
}

import Foundation

/// Runs every `{listing} python` that has an `{output}` after it and checks that it prints exactly
/// that output (see `ListingRun` for the comparison rule).
///
/// Each listing runs as `PYTHON listing.py` in a fresh temporary folder (removed afterwards), with
/// stdin closed, `PYTHONHASHSEED=0` (stable set and dict-of-str ordering), `PYTHONIOENCODING=utf-8`,
/// `PYTHONDONTWRITEBYTECODE=1` and `MPLBACKEND=Agg`, under `timeout` seconds and `outputLimit` bytes
/// per stream; past either, its whole process group is killed. Listings run `jobs` at a time;
/// verdicts come back in lesson order whatever finishes first.
///
/// Example: a listing `print(2 + 2)` above an output block `4` passes; above `5` it gives
/// `.differs` with the diff `-5` / `+4`.
public struct ListingVerifier: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// A name looked up on `PATH`, or a path.
        public var python: String
        /// Seconds one listing may run.
        public var timeout: Double
        /// Whether a skipped listing (missing module) fails the run.
        public var strict: Bool
        /// Bytes one listing may print on stdout or on stderr.
        public var outputLimit: Int
        /// Listings run at the same time.
        public var jobs: Int

        public init(python: String = "python3", timeout: Double = 30, strict: Bool = false,
                    outputLimit: Int = 1 << 20, jobs: Int = 2) {
            self.python = python
            self.timeout = timeout
            self.strict = strict
            self.outputLimit = outputLimit
            self.jobs = jobs
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The interpreter's absolute path; throws `VerifyError.interpreterNotFound` with a clear message.
    public func interpreter() throws -> URL {
        try PythonInterpreter.resolve(configuration.python)
    }

    /// Whether `verify` checks this listing: Python, with an `{output}` after it.
    public static func isChecked(_ listing: ListingModel) -> Bool {
        ["python", "python3", "py"].contains(listing.language.lowercased()) && listing.expectedOutput != nil
    }

    /// One verdict per checked listing, in lesson order.
    public func verify(_ lesson: EvaluatedLesson) -> [ListingVerdict] {
        let listings: [ListingModel] = lesson.blocks.compactMap {
            if case let .listing(model) = $0, Self.isChecked(model) { model } else { nil }
        }
        let python: URL
        do {
            python = try interpreter()
        } catch {
            return listings.map { ListingVerdict(location: $0.location, outcome: .interpreterMissing(message: "\(error)")) }
        }
        let results = ResultSlots(count: listings.count)
        let workers = max(1, min(configuration.jobs, listings.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claimNext() {
                let listing = listings[index]
                let outcome = run(listing, python: python)
                var raisedAt: SourceLocation?
                if case let .raised(traceback) = outcome {
                    raisedAt = ListingVerdict.raiseLocation(in: traceback, lines: listing.lineLocations)
                }
                results.store(ListingVerdict(location: listing.location, outcome: outcome, raisedAt: raisedAt), at: index)
            }
        }
        return results.values
    }

    /// Runs one listing in its own scratch folder.
    func run(_ listing: ListingModel, python: URL) -> ListingVerdict.Outcome {
        let scratch: URL
        do {
            scratch = try Self.makeScratchDirectory()
        } catch {
            return .raised(traceback: "\(error)\n")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try Data((listing.code + "\n").utf8).write(to: scratch.appendingPathComponent("listing.py"))
            var environment = ProcessInfo.processInfo.environment
            environment["PYTHONHASHSEED"] = "0"
            environment["PYTHONIOENCODING"] = "utf-8"
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            environment["MPLBACKEND"] = "Agg"
            let child = ChildProcess(executable: python, arguments: ["listing.py"], directory: scratch,
                                     environment: environment, timeout: configuration.timeout,
                                     outputLimit: configuration.outputLimit)
            let result = try child.run()
            return ListingRun.outcome(of: result, expected: listing.expectedOutput ?? "",
                                      timeout: configuration.timeout, outputLimit: configuration.outputLimit,
                                      scratch: [scratch.resolvingSymlinksInPath().path, scratch.path])
        } catch {
            return .raised(traceback: "could not run \(python.path): \(error)\n")
        }
    }

    /// `mkdtemp` under the system temporary folder: private (0700) and never reused.
    static func makeScratchDirectory() throws -> URL {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/lessonbuild-verify-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw VerifyError.temporaryDirectory(String(cString: strerror(errno)))
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }
}

/// Verdict slots filled by several workers, read back in index order.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [ListingVerdict?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claimNext() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ verdict: ListingVerdict, at index: Int) {
        lock.withLock { slots[index] = verdict }
    }

    var values: [ListingVerdict] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

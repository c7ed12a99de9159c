import Foundation

/// Runs every `{listing} python` that has an `{output}` after it and checks that it prints exactly
/// that output (see `ListingRun` for the comparison rule).
///
/// Each listing runs as `PYTHON listing.py` in a fresh private temporary folder (removed afterwards)
/// that also shows the lesson's folder, entry by entry (`images/photo.png` opens as it does beside
/// the lesson), under the ``ListingSupervisor`` (only fds 0-2, memory and CPU limits, every
/// descendant killed when it ends), with stdin closed, `PYTHONHASHSEED=0` (stable set and
/// dict-of-str ordering), `PYTHONIOENCODING=utf-8`, `PYTHONDONTWRITEBYTECODE=1` and `MPLBACKEND=Agg`,
/// under `timeout` seconds and `outputLimit` bytes per stream. With `sandbox` it runs under
/// bubblewrap (``ListingSandbox``: no network, a read-only system, a scrubbed environment, its own
/// PID namespace); without, it keeps the caller's environment and sees the lesson's entries through
/// symbolic links. Listings run `jobs` at a time; verdicts come back in lesson order.
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
        /// Whether listings run under bubblewrap (``ListingSandbox``).
        public var sandbox: Bool
        /// The `bwrap` executable: a name looked up on `PATH`, or a path.
        public var bubblewrap: String
        /// Bytes of address space one listing may map (`RLIMIT_AS`); 0 for no limit.
        public var memoryLimit: Int
        /// Seconds of CPU time one listing may use (`RLIMIT_CPU`); nil for twice `timeout`, rounded up.
        public var cpuLimit: Int?

        public init(python: String = "python3", timeout: Double = 30, strict: Bool = false,
                    outputLimit: Int = 1 << 20, jobs: Int = 2, sandbox: Bool = false, bubblewrap: String = "bwrap",
                    memoryLimit: Int = 4 << 30, cpuLimit: Int? = nil) {
            self.python = python
            self.timeout = timeout
            self.strict = strict
            self.outputLimit = outputLimit
            self.jobs = jobs
            self.sandbox = sandbox
            self.bubblewrap = bubblewrap
            self.memoryLimit = memoryLimit
            self.cpuLimit = cpuLimit
        }

        /// `RLIMIT_CPU` in whole seconds.
        var cpuSeconds: Int {
            cpuLimit ?? Int(min((timeout * 2).rounded(.up), 1e9))
        }
    }

    /// Whether `verify` sandboxes listings when neither `--sandbox` nor `--no-sandbox` is given: in CI
    /// (`CI=true`, as GitHub Actions, GitLab and `.ci/run` set it).
    public static func sandboxByDefault(environment: [String: String]) -> Bool {
        environment["CI"]?.lowercased() == "true"
    }

    /// The variables every listing gets, in both modes.
    static let pythonSettings = ["PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8",
                                 "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg"]

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

    /// The sandbox when `sandbox` is on, nil when off; throws `VerifyError.sandboxMissing` or
    /// `.sandboxUnusable` (each says to install bubblewrap or pass `--no-sandbox`).
    public func sandbox() throws -> ListingSandbox? {
        configuration.sandbox ? try ListingSandbox.locate(configuration.bubblewrap) : nil
    }

    /// One verdict per checked listing, in lesson order. `lessonFolder`'s entries are shown beside
    /// each listing (nil: none).
    public func verify(_ lesson: EvaluatedLesson, lessonFolder: URL? = nil) -> [ListingVerdict] {
        let listings: [ListingModel] = lesson.blocks.compactMap {
            if case let .listing(model) = $0, Self.isChecked(model) { model } else { nil }
        }
        guard !listings.isEmpty else { return [] }
        let python: URL, sandbox: ListingSandbox?
        do {
            python = PythonInterpreter.executable(of: try interpreter())
            sandbox = try self.sandbox()
        } catch {
            return listings.map { ListingVerdict(location: $0.location, outcome: .interpreterMissing(message: "\(error)")) }
        }
        let entries = lessonFolder.map(Self.entries(of:)) ?? []
        let results = ResultSlots(count: listings.count)
        let workers = max(1, min(configuration.jobs, listings.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claimNext() {
                let listing = listings[index]
                let outcome = run(listing, python: python, sandbox: sandbox, lessonEntries: entries)
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
    func run(_ listing: ListingModel, python: URL, sandbox: ListingSandbox? = nil,
             lessonEntries: [(source: String, name: String)] = []) -> ListingVerdict.Outcome {
        let scratch: URL
        do {
            scratch = try Self.makeScratchDirectory()
        } catch {
            return .raised(traceback: "\(error)\n")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try Data((listing.code + "\n").utf8).write(to: scratch.appendingPathComponent("listing.py"))
            let supervised = ListingSupervisor.arguments(python: python.path, memoryLimit: configuration.memoryLimit,
                                                         cpuLimit: configuration.cpuSeconds)
            let executable: URL, arguments: [String], environment: [String: String]
            if let sandbox {
                executable = sandbox.bubblewrap
                arguments = sandbox.arguments(scratch: scratch.path, lessonEntries: lessonEntries, python: python.path,
                                              command: [python.path] + supervised)
                environment = [:]
            } else {
                for entry in lessonEntries {
                    try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent(entry.name).path,
                                                               withDestinationPath: entry.source)
                }
                executable = python
                arguments = supervised
                environment = ProcessInfo.processInfo.environment.merging(Self.pythonSettings) { $1 }
            }
            let child = ChildProcess(executable: executable, arguments: arguments, directory: scratch,
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

    /// The entries of the lesson's folder a listing sees beside it, sorted: every name but
    /// `listing.py` (the listing's own file).
    static func entries(of folder: URL) -> [(source: String, name: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let absolute = folder.standardizedFileURL.path
        return names.sorted().filter { $0 != "listing.py" }.map { ("\(absolute)/\($0)", $0) }
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

import ArgumentParser
import Foundation
import LessonKit

/// `lessonbuild verify PATH...`: runs every `{listing} python` that has an `{output}` and checks that
/// it prints exactly that output. Exit status: 0 nothing differs, 1 a listing differs, raises, times
/// out or (with `--strict`) is skipped, a lesson has errors, or the interpreter is missing; 2 a bad
/// option value.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run each Python listing and check that it prints its {output} block, byte for byte.",
        discussion: """
            A folder verifies every .md file in it, sorted. Printed output is compared after removing \
            one final newline; a listing whose imports are not installed is skipped (a warning, an \
            error with --strict). Each listing runs in a private temporary folder that also shows the \
            lesson's folder (read-only in the sandbox), with only stdin, stdout and stderr open, under \
            memory and CPU limits, and every process it starts is killed when it ends. --sandbox (the \
            default when CI=true) runs it under bubblewrap: no network, a read-only system, a scrubbed \
            environment, its own PID namespace.
            """
    )

    @Argument(help: "Lesson files, or folders of them.")
    var paths: [String]

    @Option(help: "The Python interpreter: a name on PATH or a path.")
    var python = "python3"

    @Option(help: "Seconds each listing may run before it is stopped.")
    var timeout: Double = 30

    @Option(help: "Listings run at the same time.")
    var jobs = 2

    @Flag(help: "Fail when a listing is skipped because a module is not installed.")
    var strict = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(inversion: .prefixedNo,
          help: "Run listings under bubblewrap (bwrap). Default: on when the environment has CI=true.")
    var sandbox: Bool?

    @Option(help: "Megabytes of memory (address space) each listing may map; 0 for no limit.")
    var memoryLimit = 4096

    func run() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw usage("--timeout must be a number of seconds between 0 and 86400, got \(timeout)")
        }
        guard jobs >= 1, jobs <= 64 else { throw usage("--jobs must be between 1 and 64, got \(jobs)") }
        guard memoryLimit >= 0, memoryLimit <= 1 << 30 else {
            throw usage("--memory-limit must be a number of megabytes between 0 and \(1 << 30), got \(memoryLimit)")
        }
        let sandboxed = sandbox ?? ListingVerifier.sandboxByDefault(environment: ProcessInfo.processInfo.environment)
        let verifier = ListingVerifier(configuration: .init(python: python, timeout: timeout, strict: strict, jobs: jobs,
                                                            sandbox: sandboxed, memoryLimit: memoryLimit << 20))
        let report: VerifyReport
        do {
            report = try verifier.verify(paths: paths)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data((json ? report.json : report.text).utf8))
        if report.failed { throw ExitCode(1) }
    }

    private func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\nUsage: lessonbuild \(Self.usageString())\n".utf8))
        return ExitCode(2)
    }
}

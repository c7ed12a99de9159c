import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// `ListingVerifier` running real listings with the live `python3`.
@Suite(.enabled(if: VerifyTestSupport.hasPython))
struct VerifyListingTests {
    static func lesson(_ listings: [(code: String, output: String?)], language: String = "python") -> EvaluatedLesson {
        var blocks: [EvaluatedLesson.Block] = []
        for (index, listing) in listings.enumerated() {
            let location = SourceLocation(line: 10 * (index + 1), column: 1 + index)
            blocks.append(.listing(ListingModel(language: language, code: listing.code, location: location,
                                                expectedOutput: listing.output)))
            if let output = listing.output { blocks.append(.output(OutputModel(text: output))) }
        }
        return EvaluatedLesson(path: "t.md", name: "t", title: "T", summary: nil, template: [], blocks: blocks,
                               inlineTexts: [], questions: [], quiz: nil)
    }

    static func verify(_ code: String, output: String?, _ configuration: ListingVerifier.Configuration = .init())
        -> [ListingVerdict] {
        ListingVerifier(configuration: configuration).verify(lesson([(code, output)]))
    }

    @Test func matchingListingPasses() {
        let code = "import numpy as np\nprint(np.array([[1.5, 2.0], [3.25, -4.0]]))\nprint(f'{38535424:,}')"
        // What NumPy prints for this array, known independently of our printer.
        let verdicts = Self.verify(code, output: "[[ 1.5   2.  ]\n [ 3.25 -4.  ]]\n38,535,424")
        #expect(verdicts == [ListingVerdict(location: SourceLocation(line: 10, column: 1), outcome: .passed)])
    }

    @Test func comparisonRemovesExactlyOneFinalNewline() {
        #expect(Self.verify("print('a', end='')", output: "a").first?.outcome == .passed)
        #expect(Self.verify("print()", output: "").first?.outcome == .passed)
        #expect(Self.verify("pass", output: "").first?.outcome == .passed)
        guard case let .differs(diff) = Self.verify("print('a')\nprint()", output: "a").first?.outcome else {
            Issue.record("a trailing blank line must not pass")
            return
        }
        #expect(diff == "--- expected\n+++ actual\n@@ -1 +1,2 @@\n a\n+\n")
    }

    @Test func listingEditedBehindItsOutputsBackIsCaughtAtTheListing() {
        let code = "kernel = [-0.6, 1.1, -0.6]\nprint(sum(kernel))\nprint('shape:', (2, 2))\nprint('done')"
        let lesson = Self.lesson([("print('first')", "first"), (code, "-0.1\nshape: (3, 3)\ndone")])
        let verdicts = ListingVerifier().verify(lesson)
        #expect(verdicts.count == 2)
        #expect(verdicts.first?.outcome == .passed)
        #expect(verdicts.last?.location == SourceLocation(line: 20, column: 2))
        guard case let .differs(diff) = verdicts.last?.outcome else {
            Issue.record("expected a difference, got \(String(describing: verdicts.last))")
            return
        }
        // Python's own float sum: -0.6 + 1.1 + -0.6 == -0.09999999999999987.
        #expect(diff == """
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
            --0.1
            -shape: (3, 3)
            +-0.09999999999999987
            +shape: (2, 2)
             done

            """)
    }

    @Test func raisingListingShowsItsTraceback() {
        let verdicts = Self.verify("x = 1\nprint(x)\nraise ValueError('kernel cannot exceed padded input size')",
                                   output: "1")
        guard case let .raised(traceback) = verdicts.first?.outcome else {
            Issue.record("expected a traceback, got \(verdicts)")
            return
        }
        #expect(traceback.hasPrefix("Traceback (most recent call last):\n"))
        #expect(traceback.contains("File \"listing.py\", line 3, in <module>"))
        #expect(traceback.hasSuffix("ValueError: kernel cannot exceed padded input size\n"))
        #expect(!traceback.contains("lessonbuild-verify-"), "the scratch path must not leak into the report")
    }

    @Test func missingModuleIsSkippedWithItsName() {
        let code = "import numpy as np\nimport some_module_that_does_not_exist\nprint(1)"
        let verdicts = Self.verify(code, output: "1")
        #expect(verdicts.first?.outcome == .skipped(module: "some_module_that_does_not_exist"))
        #expect(verdicts.first?.isFailure(strict: false) == false)
        #expect(verdicts.first?.isFailure(strict: true) == true)
    }

    @Test func hangingListingIsStoppedAtTheTimeout() {
        let started = Date()
        let verdicts = Self.verify("print('start', flush=True)\nwhile True:\n    pass", output: "start",
                                   .init(timeout: 1))
        let elapsed = Date().timeIntervalSince(started)
        #expect(verdicts.first?.outcome == .timedOut(seconds: 1))
        #expect(elapsed < 6, "took \(elapsed) s")
    }

    /// A grandchild that inherits stdout and sleeps would keep the pipe open (and live on) if only
    /// the direct child were killed; the whole process group must go.
    @Test func timeoutKillsGrandchildrenToo() throws {
        let code = """
            import subprocess, time
            child = subprocess.Popen(['sleep', '60'])
            print(child.pid, flush=True)
            time.sleep(60)
            """
        let started = Date()
        let verdicts = Self.verify(code, output: "", .init(timeout: 1))
        let elapsed = Date().timeIntervalSince(started)
        #expect(verdicts.first?.outcome == .timedOut(seconds: 1))
        #expect(elapsed < 6, "took \(elapsed) s")
        // The grandchild's pid, read from a second run that reports it through a file.
        let dir = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pidFile = dir.appendingPathComponent("pid").path
        let reporting = "import subprocess, time\nchild = subprocess.Popen(['sleep', '60'])\n"
            + "open('\(pidFile)', 'w').write(str(child.pid))\ntime.sleep(60)"
        _ = Self.verify(reporting, output: "", .init(timeout: 1))
        let pid = try #require(Int32(String(decoding: try Data(contentsOf: URL(fileURLWithPath: pidFile)), as: UTF8.self)))
        var alive = true
        for _ in 0..<50 where alive {  // reparented to init, reaped shortly after the kill
            alive = kill(pid, 0) == 0
            if alive { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(!alive, "grandchild \(pid) survived the timeout")
        if alive { kill(pid, SIGKILL) }
    }

    /// The listing starts with no signal blocked, as from a shell (Dispatch threads block most).
    @Test func listingStartsWithNoBlockedSignals() {
        let code = "import signal\nprint(sorted(int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, [])))"
        #expect(Self.verify(code, output: "[]").first?.outcome == .passed)
    }

    @Test func hugeOutputIsCapped() {
        let verdicts = Self.verify("while True:\n    print('x' * 1000)", output: "x",
                                   .init(timeout: 20, outputLimit: 100_000))
        #expect(verdicts.first?.outcome == .outputTooLarge(limit: 100_000))
    }

    /// Large output on both pipes at once must not deadlock (each pipe buffer is 64 KiB).
    @Test func largeOutputOnBothStreamsDoesNotDeadlock() {
        let code = "import sys\nfor i in range(20000):\n    print(i)\n    print(i, file=sys.stderr)"
        let expected = (0..<20000).map(String.init).joined(separator: "\n")
        #expect(Self.verify(code, output: expected, .init(timeout: 20)).first?.outcome == .passed)
    }

    @Test func stdinIsClosedAndEachListingGetsAFreshFolder() {
        let write = "open('left-behind.txt', 'w').write('x')\nimport os\nprint(sorted(os.listdir('.')))"
        let lesson = Self.lesson([(write, "['left-behind.txt', 'listing.py']"),
                                  (write, "['left-behind.txt', 'listing.py']"),
                                  ("print(input())", "never")])
        let verdicts = ListingVerifier(configuration: .init(jobs: 1)).verify(lesson)
        #expect(verdicts.prefix(2).allSatisfy { $0.outcome == .passed })
        guard case let .raised(traceback) = verdicts.last?.outcome else {
            Issue.record("input() must fail on a closed stdin, got \(verdicts)")
            return
        }
        #expect(traceback.contains("EOFError"))
    }

    @Test func scratchFolderIsRemovedAfterTheRun() throws {
        guard case let .differs(diff) = Self.verify("import os\nprint(os.getcwd())", output: "?").first?.outcome else {
            Issue.record("expected a difference showing the folder")
            return
        }
        let folder = try #require(diff.split(separator: "\n").first { $0.hasPrefix("+/") }).dropFirst()
        #expect(folder.contains("lessonbuild-verify-"))
        #expect(!FileManager.default.fileExists(atPath: String(folder)), "\(folder) was left behind")
    }

    @Test func exitWithoutTracebackAndDeathBySignalAreFailures() {
        #expect(Self.verify("import sys\nprint(1)\nsys.exit(3)", output: "1").first?.outcome
                == .raised(traceback: "exited with status 3\n"))
        #expect(Self.verify("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", output: "").first?.outcome
                == .raised(traceback: "killed by signal 9\n"))
    }

    @Test(arguments: [
        ("Traceback (most recent call last):\n  File \"listing.py\", line 2\nModuleNotFoundError: No module named 'torch'\n", "torch"),
        ("ModuleNotFoundError: No module named 'torch.nn'\n\n", "torch.nn"),
        ("ImportError: No module named yaml\n", "yaml"),
        ("ImportError: cannot import name 'nn' from 'torch'\n", nil),
        ("ValueError: No module named 'torch'\n", nil),
        ("", nil),
    ] as [(String, String?)])
    func missingModuleIsReadFromTheTracebacksLastLine(stderr: String, module: String?) {
        #expect(ListingRun.missingModule(in: stderr) == module)
    }

    @Test func missingInterpreterIsAClearError() {
        let verifier = ListingVerifier(configuration: .init(python: "python9"))
        #expect(throws: VerifyError.interpreterNotFound("python9")) { try verifier.interpreter() }
        #expect("\(VerifyError.interpreterNotFound("python9"))" == "python interpreter 'python9' not found on PATH")
        let verdicts = verifier.verify(Self.lesson([("print(1)", "1")]))
        #expect(verdicts.first?.outcome == .interpreterMissing(message: "python interpreter 'python9' not found on PATH"))
    }

    @Test func onlyPythonListingsWithAnOutputAreRun() {
        let lesson = Self.lesson([("print(1)", nil), ("print(2)", "2")])
        #expect(ListingVerifier().verify(lesson).map(\.location) == [SourceLocation(line: 20, column: 2)])
        #expect(ListingVerifier().verify(Self.lesson([("print(1)", "2")], language: "swift")).isEmpty)
    }

    /// Verdicts come back in lesson order however the parallel runs finish.
    @Test func verdictOrderIsTheLessonOrder() {
        let lesson = Self.lesson([("import time\ntime.sleep(0.6)\nprint('slow')", "slow"),
                                  ("print('fast')", "nope"),
                                  ("print('third')", "third")])
        let verdicts = ListingVerifier(configuration: .init(jobs: 3)).verify(lesson)
        #expect(verdicts.map(\.location.line) == [10, 20, 30])
        #expect(verdicts.map { $0.outcome == .passed } == [true, false, true])
    }
}

import Foundation

/// One listing's run, judged: turns what the child printed and how it ended into an outcome.
///
/// The comparison rule: the output block holds the printed text without its final line break, and
/// `print` ends with one, so stdout passes when, after removing exactly one final `\n` (if any), its
/// bytes equal the block's UTF-8 bytes. `print("a")` matches a block `a`; `print("a\n")` (a blank
/// line after) does not. The diff shown compares the block plus `\n` with stdout as printed.
enum ListingRun {
    static func outcome(of result: ChildProcess.Result, expected: String, timeout: Double, outputLimit: Int,
                        scratch: [String]) -> ListingVerdict.Outcome {
        switch result.termination {
        case .timedOut:
            return .timedOut(seconds: timeout)
        case .outputTooLarge:
            return .outputTooLarge(limit: outputLimit)
        case let .signaled(signal):
            let why = signal == SIGXCPU ? " (SIGXCPU: the CPU-time limit was reached)" : ""
            return .raised(traceback: cleaned(result.stderr, scratch: scratch) + "killed by signal \(signal)\(why)\n")
        case let .exited(status) where status != 0:
            let stderr = cleaned(result.stderr, scratch: scratch)
            if let module = missingModule(in: stderr) { return .skipped(module: module) }
            return .raised(traceback: stderr.isEmpty ? "exited with status \(status)\n" : stderr)
        case .exited:
            var stdout = result.stdout[...]
            if stdout.last == UInt8(ascii: "\n") { stdout = stdout.dropLast() }
            if stdout.elementsEqual(expected.utf8) { return .passed }
            let actual = String(decoding: result.stdout, as: UTF8.self)
            return .differs(diff: UnifiedDiff.render(expected: expected + "\n", actual: actual))
        }
    }

    /// The module named by the traceback's last line when it is
    /// `ModuleNotFoundError: No module named 'torch'` (or the same as an `ImportError`).
    static func missingModule(in stderr: String) -> String? {
        guard let last = stderr.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return nil
        }
        for prefix in ["ModuleNotFoundError: No module named ", "ImportError: No module named "] {
            guard last.hasPrefix(prefix) else { continue }
            var name = last.dropFirst(prefix.count)
            if name.first == "'", name.last == "'", name.count >= 2 { name = name.dropFirst().dropLast() }
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }

    /// Stderr as text with the scratch folder's path removed, so tracebacks read `File "listing.py"`
    /// and stay the same from run to run.
    static func cleaned(_ bytes: [UInt8], scratch: [String]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        for path in scratch { text = text.replacingOccurrences(of: path + "/", with: "") }
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        return text
    }
}

/// A line diff in the unified format of `diff -u --label expected --label actual`.
///
/// Texts are split into lines at `\n`; a last line without `\n` is a different line from the same
/// text with one, and is followed by `\ No newline at end of file`, as GNU diff prints it. Hunks
/// carry `context` unchanged lines on each side; two changes separated by at most `2·context`
/// unchanged lines share a hunk. Ranges read `start,count`, with `,count` omitted when it is 1 and
/// `start` being the line before the hunk when count is 0.
///
/// Example: `UnifiedDiff.render(expected: "a\nb\n", actual: "a\nc\n")` is
///
///     --- expected
///     +++ actual
///     @@ -1,2 +1,2 @@
///      a
///     -b
///     +c
///
/// Identical texts give the empty string. The edit script is a shortest one (Myers) up to
/// `LineEditScript.defaultMaxCost` edits; ties between equally short scripts may be resolved
/// differently from GNU diff.
public enum UnifiedDiff {
    public static func render(expected: String, actual: String, context: Int = 3,
                              expectedLabel: String = "expected", actualLabel: String = "actual") -> String {
        let old = DiffLine.split(expected), new = DiffLine.split(actual)
        let script = LineEditScript(old: old, new: new)
        let hunks = DiffHunk.group(script.edits, context: max(0, context))
        guard !hunks.isEmpty else { return "" }
        var out = "--- \(expectedLabel)\n+++ \(actualLabel)\n"
        for hunk in hunks {
            out += hunk.render(old: old, new: new)
        }
        return out
    }
}

/// One line of a diffed text: its characters without the `\n`, and whether the `\n` was there.
struct DiffLine: Equatable, Sendable {
    var text: Substring
    var terminated: Bool

    static func split(_ text: String) -> [DiffLine] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = lines.last == ""
        if terminated { lines.removeLast() }
        return lines.enumerated().map { index, line in
            DiffLine(text: line, terminated: terminated || index < lines.count - 1)
        }
    }

    /// The line with its one-character prefix, then the "no newline" marker when it has none.
    func rendered(prefix: Character) -> String {
        terminated ? "\(prefix)\(text)\n" : "\(prefix)\(text)\n\\ No newline at end of file\n"
    }
}

/// A run of edits shown together under one `@@ -a,b +c,d @@` header.
struct DiffHunk: Sendable, Equatable {
    var edits: ArraySlice<LineEditScript.Edit>
    /// How many lines of each text come before the hunk.
    var oldBefore: Int
    var newBefore: Int

    /// Cuts an edit script into hunks of changes with up to `context` equal lines around them;
    /// changes whose gap is at most `2 · context` equal lines stay in one hunk.
    static func group(_ edits: [LineEditScript.Edit], context: Int) -> [DiffHunk] {
        let changed = edits.indices.filter { if case .equal = edits[$0] { false } else { true } }
        guard let first = changed.first else { return [] }
        var hunks: [DiffHunk] = []
        var start = max(0, first - context)
        var last = first
        // Lines of each text consumed before edit i.
        var oldBefore = [0], newBefore = [0]
        for edit in edits {
            let (o, n) = switch edit {
            case .equal: (1, 1)
            case .delete: (1, 0)
            case .insert: (0, 1)
            }
            oldBefore.append(oldBefore[oldBefore.count - 1] + o)
            newBefore.append(newBefore[newBefore.count - 1] + n)
        }
        func close() {
            hunks.append(DiffHunk(edits: edits[start...min(edits.count - 1, last + context)],
                                  oldBefore: oldBefore[start], newBefore: newBefore[start]))
        }
        for index in changed.dropFirst() {
            if index - last - 1 > 2 * context {
                close()
                start = index - context
            }
            last = index
        }
        close()
        return hunks
    }

    func render(old: [DiffLine], new: [DiffLine]) -> String {
        var oldStart: Int?, newStart: Int?
        var oldCount = 0, newCount = 0
        var body = ""
        var deleted: [DiffLine] = [], inserted: [DiffLine] = []
        func flush() {
            for line in deleted { body += line.rendered(prefix: "-") }
            for line in inserted { body += line.rendered(prefix: "+") }
            deleted.removeAll()
            inserted.removeAll()
        }
        for edit in edits {
            switch edit {
            case let .equal(o, n):
                flush()
                oldStart = oldStart ?? o
                newStart = newStart ?? n
                oldCount += 1
                newCount += 1
                body += old[o].rendered(prefix: " ")
            case let .delete(o):
                oldStart = oldStart ?? o
                oldCount += 1
                deleted.append(old[o])
            case let .insert(n):
                newStart = newStart ?? n
                newCount += 1
                inserted.append(new[n])
            }
        }
        flush()
        let oldRange = Self.range(start: oldStart ?? oldBefore, count: oldCount)
        let newRange = Self.range(start: newStart ?? newBefore, count: newCount)
        return "@@ -\(oldRange) +\(newRange) @@\n" + body
    }

    /// `start` is 0-based; a 1-line range prints only its 1-based line, an empty one the line before it.
    private static func range(start: Int, count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }
}

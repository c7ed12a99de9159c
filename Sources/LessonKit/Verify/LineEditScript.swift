/// A shortest edit script between two line sequences, found with Myers' greedy O((N+M)·D) algorithm
/// ("An O(ND) Difference Algorithm and its Variations", 1986, section 3).
///
/// The common prefix and suffix are matched first. When the remaining edit distance would exceed
/// `maxCost`, the search stops and the unmatched middle is reported as deleted then inserted: still
/// a correct script, no longer a shortest one (the memory of the trace grows as D², so D is capped).
///
/// Example: `a b c` → `a x c` gives `equal(0,0) delete(1) insert(1) equal(2,2)`.
struct LineEditScript: Sendable, Equatable {
    enum Edit: Sendable, Equatable {
        /// `old[oldIndex] == new[newIndex]`.
        case equal(oldIndex: Int, newIndex: Int)
        case delete(oldIndex: Int)
        case insert(newIndex: Int)
    }

    var edits: [Edit]

    /// The largest edit distance searched exactly (beyond it the middle is replaced wholesale).
    static let defaultMaxCost = 1_000

    init<Line: Equatable>(old: [Line], new: [Line], maxCost: Int = LineEditScript.defaultMaxCost) {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }

        var edits = (0..<prefix).map { Edit.equal(oldIndex: $0, newIndex: $0) }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        if let middle = Self.myers(old: old, oldRange: oldMiddle, new: new, newRange: newMiddle, maxCost: maxCost) {
            edits += middle
        } else {
            edits += oldMiddle.map { Edit.delete(oldIndex: $0) }
            edits += newMiddle.map { Edit.insert(newIndex: $0) }
        }
        edits += (0..<suffix).map {
            Edit.equal(oldIndex: old.count - suffix + $0, newIndex: new.count - suffix + $0)
        }
        self.edits = edits
    }

    /// The greedy forward search over diagonals k = x − y; `trace[d]` keeps the furthest x reached on
    /// each diagonal before step d, which the backtrack walks from the end. Nil past `maxCost`.
    private static func myers<Line: Equatable>(old: [Line], oldRange: Range<Int>, new: [Line], newRange: Range<Int>,
                                               maxCost: Int) -> [Edit]? {
        let n = oldRange.count, m = newRange.count
        if n == 0 || m == 0 {
            return oldRange.map { Edit.delete(oldIndex: $0) } + newRange.map { Edit.insert(newIndex: $0) }
        }
        let limit = min(n + m, maxCost)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, old[oldRange.lowerBound + x] == new[newRange.lowerBound + y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    return backtrack(trace: trace, n: n, m: m, oldBase: oldRange.lowerBound,
                                     newBase: newRange.lowerBound)
                }
            }
        }
        return nil
    }

    private static func backtrack(trace: [[Int]], n: Int, m: Int, oldBase: Int, newBase: Int) -> [Edit] {
        var x = n, y = m
        var reversed: [Edit] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]  // indexed by k + d
            let k = x - y
            let previousK: Int
            if d == 0 {
                previousK = 0
            } else if k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[previousK + d]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                reversed.append(.equal(oldIndex: oldBase + x, newIndex: newBase + y))
            }
            if d > 0 {
                if x == previousX {
                    reversed.append(.insert(newIndex: newBase + previousY))
                } else {
                    reversed.append(.delete(oldIndex: oldBase + previousX))
                }
            }
            x = previousX
            y = previousY
        }
        return reversed.reversed()
    }
}

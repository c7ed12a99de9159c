import CNNKernels

/// Turns a `{table}` value into rows of cells: a 2-D tensor, a list of lists, or a 1-D
/// tensor or list (one row).
enum TableCells {
    /// The most cells a `{table}` renders: a page is for reading, and NumPy-sized tensors are not.
    static let maxCells = 10_000

    static func rows(of value: Value, at location: SourceLocation) throws(EvaluationError) -> [[Value]] {
        let count = cellCount(of: value)
        guard count <= maxCells else {
            throw EvaluationError("a {table} shows at most \(maxCells) cells; this value has \(count) (slice it, e.g. x[0..<10, 0..<10])",
                                  at: location)
        }
        switch value {
        case .tensor(let tensor) where tensor.rank == 2:
            let (height, width) = (tensor.shape[0], tensor.shape[1])
            return (0..<height).map { row in (0..<width).map { column in Value(tensor.scalar(at: row * width + column)) } }
        case .tensor(let tensor) where tensor.rank == 1:
            return [(0..<tensor.count).map { Value(tensor.scalar(at: $0)) }]
        case .list(let rows) where rows.allSatisfy(\.isSequence):
            let cells = rows.map(\.elements)
            if let width = cells.first?.count, let ragged = cells.firstIndex(where: { $0.count != width }) {
                throw EvaluationError("table rows have different lengths (\(width) and \(cells[ragged].count))", at: location)
            }
            return cells
        case .list(let cells), .tuple(let cells, _):
            return [cells]
        default:
            throw EvaluationError("a {table} needs a 1-D or 2-D value, got \(value.typeDescription)", at: location)
        }
    }

    /// How many cells `value` would fill, without building them.
    static func cellCount(of value: Value) -> Int {
        switch value {
        case .tensor(let tensor): tensor.count
        case .list(let rows): rows.reduce(0) { $0 + ($1.isSequence ? $1.elementCount : 1) }
        case .tuple(let cells, _): cells.count
        default: 1
        }
    }
}

extension Value {
    /// The number of elements of a list, tuple or tensor.
    var elementCount: Int {
        switch self {
        case .list(let v), .tuple(let v, _): v.count
        case .tensor(let t): t.count
        default: 1
        }
    }

    var isSequence: Bool {
        switch self {
        case .list, .tuple: true
        case .tensor(let t): t.rank == 1
        default: false
        }
    }

    /// The elements of a list, tuple or 1-D tensor.
    var elements: [Value] {
        switch self {
        case .list(let v), .tuple(let v, _): v
        case .tensor(let t): (0..<t.count).map { Value(t.scalar(at: $0)) }
        default: [self]
        }
    }
}

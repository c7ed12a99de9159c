extension Tensor {
    /// `x.tolist()`: nested Python lists of Python scalars (a 0-d array gives the scalar).
    ///
    ///     Tensor(shape: [2, 1], ints: [1, 2]).tolist().str   // "[[1], [2]]"
    public func tolist() -> PyObject {
        func element(_ flat: Int) -> PyObject {
            switch scalar(at: flat) {
            case .bool(let flag): .bool(flag)
            case .int(let value): .int(value)
            case .float(let value): .float(value)
            }
        }
        func build(axis: Int, offset: Int, stride: Int) -> PyObject {
            if axis == shape.count { return element(offset) }
            let extent = shape[axis]
            let inner = extent == 0 ? 0 : stride / extent
            return .list((0..<extent).map { build(axis: axis + 1, offset: offset + $0 * inner, stride: inner) })
        }
        return build(axis: 0, offset: 0, stride: count)
    }
}

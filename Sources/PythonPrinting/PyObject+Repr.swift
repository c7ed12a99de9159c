extension PyObject {
    /// What Python's `str(v)` / `print(v)` writes: a str as is, a float as its repr,
    /// a NumPy array as `np.array2string` lays it out, containers as their repr.
    ///
    ///     PyObject.str("a").str                         // "a"
    ///     PyObject.list([.float(0.5), .int(2)]).str     // "[0.5, 2]"
    public var str: String {
        switch self {
        case .str(let text): text
        case .array(let tensor): NumPyArrayPrinter.str(tensor)
        case .numpyScalar(let scalar): PyObject(scalar).str
        default: repr
        }
    }

    /// What Python's `repr(v)` writes.
    ///
    ///     PyObject.tuple([.int(1)]).repr                // "(1,)"
    ///     PyObject.str("it's").repr                     // "\"it's\""
    ///     PyObject.dict([(key: "a", value: .none)]).repr    // "{'a': None}"
    public var repr: String {
        switch self {
        case .none: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let value): String(value)
        case .float(let value): PythonFloatText.repr(value)
        case .str(let text): PythonStringRepr.repr(text)
        case .tuple(let items):
            items.count == 1 ? "(" + items[0].repr + ",)" : "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .list(let items): "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .dict(let pairs):
            "{" + pairs.map { PythonStringRepr.repr($0.key) + ": " + $0.value.repr }.joined(separator: ", ") + "}"
        case .array(let tensor): NumPyArrayPrinter.repr(tensor)
        case .numpyScalar(.bool(let flag)): flag ? "np.True_" : "np.False_"
        case .numpyScalar(.int(let value)): "np.int64(\(value))"
        case .numpyScalar(.float(let value)): "np.float64(\(PythonFloatText.repr(value)))"
        case .range(let lower, let upper): "range(\(lower), \(upper))"
        }
    }
}

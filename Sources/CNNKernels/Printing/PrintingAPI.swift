// TEMPORARY interface stubs: the printer helper replaces this file with real implementations
// in their own files (PythonRepr.swift, NumPyArrayPrinter.swift, FormatSpec.swift,
// PythonFormatString.swift, ...). Signatures below are the contract other code builds against.

extension PyObject {
    /// What Python's `str(v)` / `print(v)` writes.
    public var str: String { fatalError("unimplemented") }
    /// What Python's `repr(v)` writes.
    public var repr: String { fatalError("unimplemented") }
    /// Python's `format(v, spec)`; throws for a malformed spec or one that does not fit the type
    /// (messages as Python's ValueError text, e.g. "Unknown format code 'd' for object of type 'float'").
    public func formatted(_ spec: String) throws(KernelError) -> String { fatalError("unimplemented") }
}

extension Tensor {
    /// `x.tolist()`: nested Python lists of Python scalars (a 0-d array gives the scalar).
    public func tolist() -> PyObject { fatalError("unimplemented") }
}

/// Python's `str.format(**fields)` for templates such as `"{name:9s} receptive field={field:2d}"`:
/// literal `{{`/`}}`, named and positional-free fields, `!r`/`!s` conversions, format specs.
public func pythonFormat(_ template: String, fields: (String) -> PyObject?) throws(KernelError) -> String {
    fatalError("unimplemented")
}

/// The registry of built-in functions and methods every lesson can call (LESSON-FORMAT.md §4).
///
/// Functions (signatures as Swift writes them; labeled arguments may come in any order):
///
///     zeros(_:dtype:) ones(_:dtype:)            shape: Int, tuple, list or 1-D int tensor
///     pad(_:_:) maximum(_:_:) minimum(_:_:) matmul(_:_:) allclose(_:_:rtol:atol:)
///     conv2d(_:_:stride:padding:dilation:bias:) convOutputSize(_:kernel:stride:padding:dilation:)
///     maxPool2d(_:size:stride:) → record MaxPoolResult(values, winners)   avgPool2d(_:size:stride:)
///     relu(_:) linear(_:weight:bias:) windowResponseTotal(_:kernel:padding:) coverage(_:_:kernel:padding:)
///     conv(_:stride:padding:name:) pool(_:stride:padding:name:) → record Layer
///     receptiveField(_:) → list of record ReceptiveFieldStep(name, kernel, stride, field, jump, start)
///     convParameters(channels:filters:kernel:bias:) denseParameters(inputs:units:bias:)
///         → record ParameterCount(weights, biases, total)
///     repr(_:) str(_:) lines(_:_:) literal(_:format:)  len(_:) abs(_:) floor(_:) round(_:_:)  Int(_:) Double(_:)
///
/// Tensor methods: `sum(axis:) max(axis:) min(axis:) mean(axis:) argmax() argmax2d() rounded(_:)
/// tolist() flattened() transposed() reshaped(_:) all() any()`; properties `shape size ndim dtype`.
/// Extensions beyond §4: `str`, `len`, `abs`, `floor`, `round`, `%`, `dtype:`, `reshaped`, `all`, `any`,
/// `ndim`, `dtype`, `count` (lists, tuples, strings), `literal(_:format:)`, `padding:` on layers.
enum Builtins {
    /// Functions by name: `zeros`, `conv2d`, `lines`, ...
    static let functions: [String: Builtin] = Dictionary(
        (tensorFunctions + cnnFunctions + formattingFunctions + pythonFunctions).map { ($0.name, $0) },
        uniquingKeysWith: { first, _ in first })

    /// Methods by name: `sum`, `rounded`, `tolist`, ...
    static let methods: [String: Builtin] = Dictionary(
        tensorMethods.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}

/// For methods defined on tensors only.
@Sendable func isTensor(_ value: Value) -> Bool {
    if case .tensor = value { true } else { false }
}

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
///     exp log log2 log10 sqrt sin cos tan tanh ceil sign sigmoid (_:)  atan2(_:_:) pow(_:_:)
///     softmax(_:axis:) logSoftmax(_:axis:)                        (Builtins+Math.swift)
///     arange(_:_:step:) linspace(_:_:count:) eye(_:) full(_:_:) stack(_:axis:) concatenate(_:axis:)
///     where(_:_:_:) clip(_:_:_:) flip(_:axis:) outer(_:_:)         (Builtins+Builders.swift)
///     softmaxCrossEntropy(_:target:) linearBackward(_:weight:gradOutput:) reluBackward(_:gradOutput:)
///     maxPool2dBackward(_:gradOutput:size:stride:)
///     conv2dBackward(_:_:gradOutput:stride:padding:dilation:)      (Builtins+Backward.swift)
///     choose(_:) randomInt(_:) randomTensor(_:from:) shuffled(_:)  in `:given:` only (Builtins+Random.swift)
///
/// Tensor methods: `sum(axis:) max(axis:) min(axis:) mean(axis:) argmax() argmax2d() rounded(_:)
/// tolist() flattened() transposed() reshaped(_:) all() any() argmin() argmin2d() prod(axis:) var(axis:)
/// std(axis:) astype(_:)`; properties `shape size ndim dtype`.
/// Extensions beyond §4: `str`, `len`, `abs`, `floor`, `round`, `%`, `dtype:`, `reshaped`, `all`, `any`,
/// `ndim`, `dtype`, `count` (lists, tuples, strings), `literal(_:format:)`, `padding:` on layers.
enum Builtins {
    /// Functions by name: `zeros`, `conv2d`, `lines`, ...
    static let functions: [String: Builtin] = registry(allFunctions)

    /// Methods by name: `sum`, `rounded`, `tolist`, ...
    static let methods: [String: Builtin] = registry(tensorMethods + figureMethods)

    /// Every function definition, one group per file.
    static let allFunctions: [Builtin] = tensorFunctions + cnnFunctions + formattingFunctions + pythonFunctions
        + mathFunctions
        + builderFunctions
        + backwardFunctions
        + figureFunctions
        + randomFunctions

    /// Names defined more than once among functions or among methods (a registration mistake:
    /// the registry would keep only the first). A test requires this to be empty.
    static var duplicateNames: [String] {
        func duplicates(_ builtins: [Builtin]) -> [String] {
            Dictionary(grouping: builtins.map(\.name), by: { $0 }).filter { $0.value.count > 1 }.map(\.key)
        }
        return (duplicates(allFunctions) + duplicates(tensorMethods + figureMethods)).sorted()
    }

    /// Builtins by name; of duplicates (see `duplicateNames`) the first is kept.
    private static func registry(_ builtins: [Builtin]) -> [String: Builtin] {
        Dictionary(builtins.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// For methods defined on tensors only.
@Sendable func isTensor(_ value: Value) -> Bool {
    if case .tensor = value { true } else { false }
}

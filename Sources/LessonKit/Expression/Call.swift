import CNNKernels

/// The arguments of one builtin call after label matching, with typed accessors that fail at
/// the offending argument: `argument 'stride' of conv2d(_:_:stride:padding:dilation:bias:) must be an Int, got Double`.
struct Call {
    let builtin: Builtin
    /// The value a method is called on (`x` in `x.sum()`), nil for functions.
    let receiver: Value?
    /// Each parameter's value, nil when the argument was left out.
    let values: [Value?]
    let ranges: [Range<Int>?]
    /// The whole call expression; kernel errors are reported here.
    let range: Range<Int>
    let interpreter: Interpreter

    var limits: EvaluationLimits { interpreter.limits }

    /// Where messages about parameter `i` point: the argument, or the call when it was left out.
    func range(_ i: Int) -> Range<Int> { ranges[i] ?? range }

    func value(_ i: Int) throws(ExpressionFailure) -> Value {
        guard let value = values[i] else {
            throw ExpressionFailure("\(builtin.signature) is missing argument '\(builtin.parameters[i].name)'", at: range)
        }
        return value
    }

    func mismatch(_ i: Int, _ expected: String, _ got: Value) -> ExpressionFailure {
        let parameter = builtin.parameters[i]
        let which = parameter.label.map { "'\($0)'" } ?? "\((builtin.parameters[...i].filter { $0.label == nil }.count))"
        return ExpressionFailure(
            "argument \(which) of \(builtin.signature) must be \(expected), got \(got.typeDescription)", at: range(i))
    }

    func int(_ i: Int) throws(ExpressionFailure) -> Int {
        let v = try value(i)
        switch v {
        case .int(let n), .numpy(.int(let n)): return n
        default: throw mismatch(i, "an Int", v)
        }
    }

    func int(_ i: Int, default fallback: Int) throws(ExpressionFailure) -> Int {
        values[i] == nil ? fallback : try int(i)
    }

    func optionalInt(_ i: Int) throws(ExpressionFailure) -> Int? {
        values[i] == nil ? nil : try int(i)
    }

    func double(_ i: Int, default fallback: Double) throws(ExpressionFailure) -> Double {
        guard let v = values[i] else { return fallback }
        switch v {
        case .int(let n), .numpy(.int(let n)): return Double(n)
        case .double(let d), .numpy(.float(let d)): return d
        default: throw mismatch(i, "a number", v)
        }
    }

    func bool(_ i: Int, default fallback: Bool) throws(ExpressionFailure) -> Bool {
        guard let v = values[i] else { return fallback }
        guard let b = v.truth else { throw mismatch(i, "a Bool", v) }
        return b
    }

    func string(_ i: Int) throws(ExpressionFailure) -> String {
        let v = try value(i)
        guard case .string(let s) = v else { throw mismatch(i, "a String", v) }
        return s
    }

    func optionalString(_ i: Int) throws(ExpressionFailure) -> String? {
        values[i] == nil ? nil : try string(i)
    }

    /// A tensor argument; Int, Double and Bool scalars become 0-d tensors (as NumPy accepts them).
    func tensor(_ i: Int) throws(ExpressionFailure) -> Tensor {
        let v = try value(i)
        if case .tensor(let t) = v { return t }
        if let scalar = v.scalar { return try kernel { () throws(KernelError) in Tensor(scalar) } }
        throw mismatch(i, "a tensor", v)
    }

    func optionalTensor(_ i: Int) throws(ExpressionFailure) -> Tensor? {
        values[i] == nil ? nil : try tensor(i)
    }

    /// The receiver of a tensor method.
    func receiverTensor() throws(ExpressionFailure) -> Tensor {
        guard case .tensor(let t)? = receiver else {
            throw ExpressionFailure("\(builtin.name)() needs a tensor, got \(receiver?.typeDescription ?? "nothing")", at: range)
        }
        return t
    }

    /// Runs a kernel, reporting its `KernelError` unchanged at the call and charging its work.
    func kernel<T>(_ body: () throws(KernelError) -> T) throws(ExpressionFailure) -> T {
        try kernelCall(at: range, body)
    }

    /// Counts `elements` of tensor work against the lesson's budget.
    func charge(_ elements: Int) throws(ExpressionFailure) {
        try interpreter.chargeWork(elements, at: range)
    }

    /// Checks a string result against the length limit.
    func checked(_ text: String) throws(ExpressionFailure) -> Value {
        try limits.check(text, at: range)
        return .string(text)
    }
}

import CNNKernels

extension Builtins {
    /// Elementwise math of LESSON-FORMAT.md §8, with NumPy's semantics on tensors:
    /// `exp log log2 log10 sqrt sin cos tan tanh ceil sign sigmoid` (one argument), `atan2`,
    /// `pow`, `softmax(_:axis:)`, `logSoftmax(_:axis:)`. (`abs` and `floor` are Python's
    /// built-ins in `pythonFunctions`, elementwise on tensors too.)
    ///
    /// On a plain Int or Double the transcendental functions give a Double (`exp(0)` is
    /// `1.0`); `ceil` gives an Int like Python's `math.ceil` (as `floor` does), `sign` keeps
    /// the number's type, `pow` of two Ints is an Int. Domain errors give `nan` and poles
    /// `±inf`, as NumPy prints them (`log(0.0)` is `-inf`), never an error, so a lesson value
    /// always matches its NumPy listing.
    static let mathFunctions: [Builtin] = MathFunction.allCases.filter { $0 != .abs && $0 != .floor }.map(unary) + [
        Builtin("atan2", "_y _x") { call throws(ExpressionFailure) in
            let y = try call.value(0), x = try call.value(1)
            if let a = plainNumber(y), let b = plainNumber(x) { return .double(atan2Scalar(a, b)) }
            let ty = try call.tensor(0), tx = try call.tensor(1)
            try call.charge(ty.count + tx.count)
            return .tensor(try call.kernel { () throws(KernelError) in try atan2(ty, tx) })
        },
        Builtin("pow", "_base _exponent") { call throws(ExpressionFailure) in
            let base = try call.value(0), exponent = try call.value(1)
            let a = try call.tensor(0), b = try call.tensor(1)
            try call.charge(a.count + b.count)
            let result = try call.kernel { () throws(KernelError) in try power(a, b) }
            if plainNumber(base) != nil, plainNumber(exponent) != nil, result.count == 1 {
                return Value(result.scalar(at: 0))
            }
            return .tensor(result)
        },
        softmaxBuiltin("softmax", softmax),
        softmaxBuiltin("logSoftmax", logSoftmax),
    ]

    /// `exp(x)` and its kin: a tensor elementwise, a number as a Double (see `mathFunctions`).
    private static func unary(_ function: MathFunction) -> Builtin {
        Builtin(function.rawValue, "_x") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            switch value {
            case .tensor(let t):
                try call.charge(t.count)
                return .tensor(try call.kernel { () throws(KernelError) in try t.applying(function) })
            case .int(let i) where function == .sign:
                return .int(i.signum())
            case .int(let i) where function == .ceil:
                return .int(i)
            case .double(let d) where function == .ceil:
                return .int(try integral(d.rounded(.up), of: d, at: call.range))
            case .int(let i):
                return .double(function.apply(Double(i)))
            case .double(let d):
                return .double(function.apply(d))
            default:
                throw call.mismatch(0, "a number or tensor", value)
            }
        }
    }

    private static func softmaxBuiltin(_ name: String,
                                       _ kernel: @escaping @Sendable (Tensor, Int) throws(KernelError) -> Tensor) -> Builtin {
        Builtin(name, "_x axis?") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), axis = try call.int(1, default: -1)
            try call.charge(x.count.multipliedReportingOverflow(by: 3).partialValue)
            return .tensor(try call.kernel { () throws(KernelError) in try kernel(x, axis) })
        }
    }

    /// An Int or Double as a Double; nil for anything else.
    private static func plainNumber(_ value: Value) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private static func atan2Scalar(_ y: Double, _ x: Double) -> Double {
        let t = (try? atan2(Tensor(.float(y)), Tensor(.float(x))))?.doubles.first
        return t ?? .nan
    }
}

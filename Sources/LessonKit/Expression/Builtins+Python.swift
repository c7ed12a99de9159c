import CNNKernels
import PythonPrinting
import Foundation

extension Builtins {
    /// Python's `len`, `abs`, `floor` and `round` (extensions to LESSON-FORMAT.md §4).
    static let pythonFunctions: [Builtin] = [
        // `Int(x)` and `Double(x)`: plain Python numbers, also from NumPy scalars and 0-d tensors.
        Builtin("Int", "_value") { call throws(ExpressionFailure) in
            switch try call.number(0) {
            case .int(let i): return .int(i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .int(try integral(d.rounded(.towardZero), of: d, at: call.range))
            }
        },
        Builtin("Double", "_value") { call throws(ExpressionFailure) in
            .double(try call.number(0).double)
        },
        Builtin("len", "_value") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            switch value {
            case .list(let items), .tuple(let items, _): return .int(items.count)
            case .string(let s): return .int(s.unicodeScalars.count)
            case .tensor(let t) where t.rank > 0: return .int(t.shape[0])
            case .record(_, let fields): return .int(fields.count)
            default: throw call.mismatch(0, "a list, tuple, string or tensor", value)
            }
        },
        Builtin("abs", "_value") { call throws(ExpressionFailure) in
            var value = try call.value(0)
            let numpy = value.isNumPy
            value = value.asPython
            if numpy, case .bool = value { return value.asNumPy }
            switch value {
            case .int(let i):
                guard i != Int.min else { throw ExpressionFailure("integer overflow: abs(\(i)) does not fit in 64 bits", at: call.range) }
                return numpy ? .numpy(.int(Swift.abs(i))) : .int(Swift.abs(i))
            case .double(let d): return numpy ? .numpy(.float(Swift.abs(d))) : .double(Swift.abs(d))
            case .tensor(let t):
                try call.charge(t.count)
                return .tensor(try call.kernel { () throws(KernelError) in try t.applying(.abs) })  // int64.min: an error
            default: throw call.mismatch(0, "a number or tensor", value)
            }
        },
        Builtin("floor", "_value") { call throws(ExpressionFailure) in
            let value = try call.value(0).asPython  // math.floor(np.float64(2.5)) is the Python int 2
            switch value {
            case .int: return value
            case .double(let d): return .int(try integral(d.rounded(.down), of: d, at: call.range))
            case .tensor(let t):
                try call.charge(t.count)
                guard case .float64(let v) = t.storage else { return value }
                let floored = Tensor.Storage.float64(v.map { $0.rounded(.down) })
                return .tensor(try call.kernel { () throws(KernelError) in try Tensor(shape: t.shape, storage: floored) })
            default: throw call.mismatch(0, "a number or tensor", value)
            }
        },
        Builtin("round", "_value _digits?") { call throws(ExpressionFailure) in
            var value = try call.value(0)
            let digits = call.values[1] == nil ? nil : try decimalsArgument(call, 1)
            if case .numpy(let s) = value {
                // round(np.float64(x)) is a Python int; round(np.float64(x), n) is NumPy's np.round, a NumPy scalar.
                guard let digits else { return try call.interpreter.pythonRound(Value(s), at: call.range) }
                let rounded = try call.kernel { () throws(KernelError) in try Tensor(s).rounded(digits) }
                return .numpy(rounded.scalar(at: 0))
            }
            value = value.asPython
            switch value {
            case .int(let i): return .int(try roundInt(i, digits: digits ?? 0, at: call.range))
            case .double(let d):
                guard let digits else { return .int(try roundToInt(d, at: call.range)) }
                return .double(try roundDouble(d, digits: digits, at: call.range(1)))
            case .tensor(let t):
                return .tensor(try call.kernel { () throws(KernelError) in try t.rounded(digits ?? 0) })
            default: throw call.mismatch(0, "a number or tensor", value)
            }
        },
    ]

    /// `round(x)` for a float: the nearest Int, ties to even (`round(2.5)` is 2).
    static func roundToInt(_ x: Double, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        try integral(x.rounded(.toNearestOrEven), of: x, at: range)
    }

    /// `r` (an integral Double computed from `x`) as an Int, with Python's messages for NaN and infinity.
    static func integral(_ r: Double, of x: Double, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        guard !x.isNaN else { throw ExpressionFailure("cannot convert float NaN to integer", at: range) }
        guard x.isFinite else { throw ExpressionFailure("cannot convert float infinity to integer", at: range) }
        guard let i = Int(exactly: r) else {
            throw ExpressionFailure("\(PyObject.float(x).repr) does not fit in a 64-bit Int", at: range)
        }
        return i
    }

    /// `round(x, n)` for a float as CPython computes it: the exact binary value rounded half to
    /// even at `n` decimals (`round(2.675, 2)` is 2.67 because 2.675 is stored as 2.67499999...).
    static func roundDouble(_ x: Double, digits: Int, at range: Range<Int>) throws(ExpressionFailure) -> Double {
        guard x.isFinite, x != 0 else { return x }
        if digits > 323 { return x }
        guard digits >= 0 else {
            throw ExpressionFailure("round(_:_:) with negative digits is supported for Int values only", at: range)
        }
        // glibc's printf rounds the exact binary value half to even, like CPython's dtoa mode 3.
        let text = String(format: "%.*f", Int32(digits), x)
        return Double(text) ?? x
    }

    /// `round(i, n)` for an Int: unchanged for n ≥ 0; else to a multiple of 10^-n, ties to even.
    static func roundInt(_ i: Int, digits: Int, at range: Range<Int>) throws(ExpressionFailure) -> Int {
        guard digits < 0 else { return i }
        guard digits > -20 else { return 0 }  // |i| < 10^19 / 2 ≤ 10^(-digits) / 2
        var power = 1
        for _ in 0..<(-digits) {
            let (p, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow {  // 10^19: only |i| ≥ 5·10^18 rounds away from 0, to ±10^19, which overflows
                guard i.magnitude < 5_000_000_000_000_000_000 else {
                    throw ExpressionFailure("integer overflow in round(\(i), \(digits))", at: range)
                }
                return 0
            }
            power = p
        }
        var q = i / power, r = i % power
        if r < 0 { q -= 1; r += power }
        if r > power - r || (r == power - r && q % 2 != 0) { q += 1 }
        let (result, overflow) = q.multipliedReportingOverflow(by: power)
        guard !overflow else { throw ExpressionFailure("integer overflow in round(\(i), \(digits))", at: range) }
        return result
    }
}

extension Call {
    /// Argument `i` as one number: an Int, Double or Bool, a NumPy scalar or a 0-d tensor.
    func number(_ i: Int) throws(ExpressionFailure) -> Scalar {
        let v = try value(i)
        if let s = v.scalar { return s }
        if case .tensor(let t) = v, t.rank == 0 { return t.scalar(at: 0) }
        if case .tensor = v {
            throw ExpressionFailure("\(builtin.name)(_:) converts one number, got \(v.typeDescription); index one element first, e.g. x[0, 0]",
                                    at: range(i))
        }
        throw mismatch(i, "a number", v)
    }
}

extension Interpreter {
    /// Python's `round(x)` of a plain number: the nearest Int, ties to even.
    func pythonRound(_ value: Value, at range: Range<Int>) throws(ExpressionFailure) -> Value {
        switch value {
        case .int: return value
        case .bool(let b): return .int(b ? 1 : 0)
        case .double(let d): return .int(try Builtins.roundToInt(d, at: range))
        default: throw ExpressionFailure("round(_:_:) needs a number, got \(value.typeDescription)", at: range)
        }
    }
}

// TEMPORARY interface stubs: the expression-language helper replaces this file with the real
// Value.swift, Token.swift, Lexer.swift, Expr.swift, Parser.swift, Interpreter.swift, Builtins*.swift.
// The signatures below are the contract that Evaluate/ and Quiz/ build against.
import CNNKernels

/// A value of the lesson's expression language. Never `Any`.
public indirect enum Value: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case tensor(Tensor)
    case tuple([Value])
    case list([Value])
    /// A record with named fields in order (e.g. a receptive-field step, a pool result).
    case record(typeName: String, fields: [Field])

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: Value
        public init(name: String, value: Value) { self.name = name; self.value = value }
    }
}

extension Value {
    /// The Python object this value stands for (tensors as NumPy arrays, records as dicts).
    public var pyObject: PyObject { fatalError("unimplemented") }
    /// What Python's `print(v)` writes.
    public var printed: String { pyObject.str }
    /// Python's `format(v, spec)`.
    public func formatted(_ spec: String) throws(KernelError) -> String { try pyObject.formatted(spec) }
    /// A short name of the value's type for messages: "int", "float", "tensor (2, 2) float64", "list".
    public var typeDescription: String { fatalError("unimplemented") }
}

/// A failure while evaluating lesson code, located in the lesson source.
public struct EvaluationError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
    /// True when this failure only repeats an earlier one (a use of a name whose `let` failed):
    /// the build does not report it again.
    public var isCascade: Bool
    public init(_ message: String, at location: SourceLocation, isCascade: Bool = false) {
        self.message = message
        self.location = location
        self.isCascade = isCascade
    }
}

/// Maps a UTF-8 byte offset in a piece of source text to its location in the lesson file.
public typealias Locator = (Int) -> SourceLocation

/// The lesson's one scope, filled by `{eval}` blocks top to bottom.
public final class Interpreter {
    public init() { fatalError("unimplemented") }

    /// Runs the statements of one `{eval}` block (`let`, `assert`, `//` comments). Every failing
    /// statement is reported and the name it would bind is poisoned; later statements still run.
    public func run(block source: String, locate: Locator) -> [EvaluationError] { fatalError("unimplemented") }

    /// Evaluates one expression against the scope.
    public func evaluate(_ source: String, locate: Locator) throws(EvaluationError) -> Value { fatalError("unimplemented") }

    /// The names bound so far, in binding order (for diagnostics like "did you mean").
    public var boundNames: [String] { fatalError("unimplemented") }
}

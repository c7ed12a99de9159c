// TEMPORARY interface stubs: the kernels helper replaces this file with real implementations,
// one operation per file (Tensor+Arithmetic.swift, Conv2D.swift, MaxPool2D.swift, ...).
// Signatures below are the contract the expression language builds against.

/// An elementwise binary operator, with NumPy broadcasting and type promotion.
public enum ArithmeticOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }
/// A comparison operator; the result is a bool tensor.
public enum ComparisonOperator: String, Sendable { case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=" }

/// One index of a subscript: `x[1]`, `x[0..<3]`, `x[1...2]`, `x[...]`-style full axis.
public enum TensorIndex: Sendable, Equatable {
    /// A single position; negative counts from the end, as in NumPy.
    case position(Int)
    /// A half-open range `lower..<upper` (nil bound: start or end of the axis).
    case range(lower: Int?, upper: Int?)
}

extension Tensor {
    public static func zeros(_ shape: [Int], dtype: DType = .float64) throws(KernelError) -> Tensor { fatalError() }
    public static func ones(_ shape: [Int], dtype: DType = .float64) throws(KernelError) -> Tensor { fatalError() }
    /// A 0-d tensor holding `scalar`.
    public init(_ scalar: Scalar) { fatalError() }

    public func applying(_ op: ArithmeticOperator, _ other: Tensor) throws(KernelError) -> Tensor { fatalError() }
    public func comparing(_ op: ComparisonOperator, _ other: Tensor) throws(KernelError) -> Tensor { fatalError() }
    public func negated() throws(KernelError) -> Tensor { fatalError() }
    public func logicalNot() throws(KernelError) -> Tensor { fatalError() }

    public func sum() -> Scalar { fatalError() }
    public func sum(axis: Int) throws(KernelError) -> Tensor { fatalError() }
    public func max() throws(KernelError) -> Scalar { fatalError() }
    public func max(axis: Int) throws(KernelError) -> Tensor { fatalError() }
    public func min() throws(KernelError) -> Scalar { fatalError() }
    public func min(axis: Int) throws(KernelError) -> Tensor { fatalError() }
    public func mean() throws(KernelError) -> Double { fatalError() }
    public func mean(axis: Int) throws(KernelError) -> Tensor { fatalError() }
    public func argmax() throws(KernelError) -> Int { fatalError() }
    public func argmax2d() throws(KernelError) -> (row: Int, column: Int) { fatalError() }
    public func rounded(_ decimals: Int = 0) throws(KernelError) -> Tensor { fatalError() }
    public func flattened() -> Tensor { fatalError() }
    public func transposed() -> Tensor { fatalError() }
    public func reshaped(_ shape: [Int]) throws(KernelError) -> Tensor { fatalError() }
    /// NumPy basic indexing: positions drop an axis, ranges keep it; trailing axes are kept whole.
    public func indexed(_ indices: [TensorIndex]) throws(KernelError) -> Tensor { fatalError() }
}

/// `np.round(x, n)` for one double, exactly as NumPy computes it.
public func roundHalfEven(_ x: Double, decimals: Int) -> Double { fatalError() }
/// `np.sum` over contiguous doubles: NumPy's pairwise summation, bit for bit.
public func pairwiseSum(_ values: UnsafeBufferPointer<Double>) -> Double { fatalError() }

public func pad(_ x: Tensor, _ width: Int) throws(KernelError) -> Tensor { fatalError() }
public func matmul(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor { fatalError() }
public func maximum(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor { fatalError() }
public func minimum(_ a: Tensor, _ b: Tensor) throws(KernelError) -> Tensor { fatalError() }
public func allclose(_ a: Tensor, _ b: Tensor, rtol: Double = 1e-05, atol: Double = 1e-08) throws(KernelError) -> Bool { fatalError() }

public func conv2d(_ input: Tensor, _ kernel: Tensor, stride: Int = 1, padding: Int = 0, dilation: Int = 1, bias: Tensor? = nil) throws(KernelError) -> Tensor { fatalError() }
public func convOutputSize(_ size: Int, kernel: Int, stride: Int = 1, padding: Int = 0, dilation: Int = 1) throws(KernelError) -> Int { fatalError() }

/// A position in a 2-D map: `(row, col)`.
public struct GridPoint: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }
}
public struct MaxPoolResult: Sendable, Equatable {
    public var values: Tensor
    /// The input position of each output's maximum, row-major over outputs (ties: first).
    public var winners: [GridPoint]
    public init(values: Tensor, winners: [GridPoint]) { self.values = values; self.winners = winners }
}
public func maxPool2d(_ x: Tensor, size: Int, stride: Int? = nil) throws(KernelError) -> MaxPoolResult { fatalError() }
public func avgPool2d(_ x: Tensor, size: Int, stride: Int? = nil) throws(KernelError) -> Tensor { fatalError() }
public func relu(_ x: Tensor) throws(KernelError) -> Tensor { fatalError() }
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) throws(KernelError) -> Tensor { fatalError() }
public func windowResponseTotal(_ image: Tensor, kernel: Int = 3, padding: Int = 0) throws(KernelError) -> Double { fatalError() }
public func coverage(height: Int, width: Int, kernel: Int = 3, padding: Int = 0) throws(KernelError) -> Tensor { fatalError() }

public struct LayerSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case conv, pool }
    public var kind: Kind
    public var kernel: Int
    public var stride: Int
    /// Zero padding on each side (affects only `start`).
    public var padding: Int
    /// Defaults to "conv 3x3" / "pool 2x2" style names.
    public var name: String
    public init(kind: Kind, kernel: Int, stride: Int, padding: Int = 0, name: String? = nil) {
        self.kind = kind; self.kernel = kernel; self.stride = stride; self.padding = padding
        self.name = name ?? "\(kind.rawValue) \(kernel)x\(kernel)"
    }
}
public struct ReceptiveFieldStep: Sendable, Equatable {
    public var name: String
    public var kernel: Int
    public var stride: Int
    /// Input pixels that influence one value after this layer.
    public var field: Int
    /// Distance in input pixels between neighbouring values after this layer.
    public var jump: Int
    /// Input coordinate of the first output's window start (Araujo et al. 2019), e.g. -1 with padding 1.
    public var start: Double
}
public func receptiveField(_ layers: [LayerSpec]) throws(KernelError) -> [ReceptiveFieldStep] { fatalError() }

public struct ParameterCount: Sendable, Equatable {
    public var weights: Int
    public var biases: Int
    public var total: Int { weights + biases }
}
public func convParameters(channels: Int, filters: Int, kernel: Int, bias: Bool = true) throws(KernelError) -> ParameterCount { fatalError() }
public func denseParameters(inputs: Int, units: Int, bias: Bool = true) throws(KernelError) -> ParameterCount { fatalError() }

/// An n-dimensional array with one of NumPy's dtypes, stored row-major (C order).
///
/// Shapes may have any rank, including 0 (a scalar array). Element storage is one
/// flat Swift array per dtype, so every operation is a loop over contiguous memory.
///
///     let x = Tensor(shape: [2, 2], doubles: [0.852, 0.789, 0.817, 0.874])
///     x.count   // 4
///     x.dtype   // .float64
public struct Tensor: Sendable, Equatable {
    /// The elements, flat and row-major, tagged with their dtype.
    public enum Storage: Sendable, Equatable {
        case bool([Bool])
        case int64([Int])
        case float64([Double])
    }

    /// The extent of each axis; `[]` for a 0-d array.
    public let shape: [Int]
    /// The elements in row-major order; `storage` holds exactly `shape.product` of them.
    public let storage: Storage

    /// Creates a tensor, checking that the storage holds one element per position of `shape`.
    public init(shape: [Int], storage: Storage) throws(KernelError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw KernelError("shape \(shapeText(shape)) has a negative extent")
        }
        let expected = try checkedProduct(shape)
        guard expected == storage.count else {
            throw KernelError("\(storage.count) elements cannot fill shape \(shapeText(shape))")
        }
        self.shape = shape
        self.storage = storage
    }

    /// A float64 tensor. Precondition: `doubles.count` equals the product of `shape`.
    public init(shape: [Int], doubles: [Double]) {
        precondition(shape.reduce(1, *) == doubles.count, "element count does not match shape")
        self.shape = shape
        self.storage = .float64(doubles)
    }

    /// An int64 tensor. Precondition: `ints.count` equals the product of `shape`.
    public init(shape: [Int], ints: [Int]) {
        precondition(shape.reduce(1, *) == ints.count, "element count does not match shape")
        self.shape = shape
        self.storage = .int64(ints)
    }

    /// A bool tensor. Precondition: `bools.count` equals the product of `shape`.
    public init(shape: [Int], bools: [Bool]) {
        precondition(shape.reduce(1, *) == bools.count, "element count does not match shape")
        self.shape = shape
        self.storage = .bool(bools)
    }

    /// The NumPy dtype of the elements.
    public var dtype: DType {
        switch storage {
        case .bool: .bool
        case .int64: .int64
        case .float64: .float64
        }
    }

    /// The number of elements (NumPy's `size`).
    public var count: Int { storage.count }

    /// The number of axes (NumPy's `ndim`).
    public var rank: Int { shape.count }

    /// The element at flat row-major `index`, as a scalar of the tensor's dtype.
    public func scalar(at index: Int) -> Scalar {
        switch storage {
        case .bool(let v): .bool(v[index])
        case .int64(let v): .int(v[index])
        case .float64(let v): .float(v[index])
        }
    }

    /// Every element converted to Double (bools as 0 and 1), in row-major order.
    public var doubles: [Double] {
        switch storage {
        case .bool(let v): v.map { $0 ? 1 : 0 }
        case .int64(let v): v.map(Double.init)
        case .float64(let v): v
        }
    }
}

extension Tensor.Storage {
    /// The number of elements stored.
    public var count: Int {
        switch self {
        case .bool(let v): v.count
        case .int64(let v): v.count
        case .float64(let v): v.count
        }
    }
}

/// The dtypes a lesson can create, named as NumPy names them.
public enum DType: String, Sendable, Equatable, CaseIterable {
    case bool, int64, float64
}

/// One element outside a tensor: what NumPy returns from `x.sum()` or `x[1, 2]`.
public enum Scalar: Sendable, Equatable {
    case bool(Bool)
    case int(Int)
    case float(Double)

    /// The value as Double (bools as 0 and 1).
    public var double: Double {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        }
    }
}

/// `(2, 2)` style text for a shape, as Python prints a shape tuple.
public func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// The product of `extents`, or a thrown error when it overflows `Int`.
func checkedProduct(_ extents: [Int]) throws(KernelError) -> Int {
    var total = 1
    for extent in extents {
        let (product, overflow) = total.multipliedReportingOverflow(by: extent)
        guard !overflow else { throw KernelError("shape \(shapeText(extents)) is too large") }
        total = product
    }
    return total
}

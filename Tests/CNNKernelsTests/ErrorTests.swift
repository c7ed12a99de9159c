import Foundation
import Testing
import TestSupport
@testable import CNNKernels

/// Author mistakes become thrown `KernelError`s with exact messages: NumPy's own wording
/// (from `Oracle/error_messages.py`, live or its fixture) where NumPy has one, the seed's
/// wording for `convOutputSize`, and the kernels' documented wording elsewhere.
@Suite struct ErrorTests {
    static let numpy: [String: String] = {
        let text: String?
        if PythonOracle.hasNumPy {
            text = try? PythonOracle.run([PythonOracle.folder.appendingPathComponent("error_messages.py").path])
        } else {
            text = try? String(contentsOf: PythonOracle.folder.appendingPathComponent("error_messages.json"), encoding: .utf8)
        }
        let object = text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
        return (object as? [String: String] ?? [:]).mapValues { $0.trimmingCharacters(in: .whitespaces) }
    }()

    static let a23 = Tensor(shape: [2, 3], doubles: [1, 2, 3, 4, 5, 6])

    /// The `KernelError` message `body` throws, nil if it returns normally.
    func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as KernelError { return error.message } catch { return "unexpected \(error)" }
        return nil
    }

    @Test func numpyMessages() throws {
        let n = Self.numpy
        #expect(n.count == 13)
        let checks: [(String, String?)] = [
            ("broadcast", message { _ = try Tensor.zeros([2]).applying(.add, Tensor.zeros([3])) }),
            ("broadcast_2d", message { _ = try Tensor.zeros([2, 3]).applying(.multiply, Tensor.zeros([4, 1])) }),
            ("bool_subtract", message { _ = try Tensor(shape: [1], bools: [true]).applying(.subtract, Tensor(shape: [1], bools: [false])) }),
            ("bool_negative", message { _ = try Tensor(shape: [1], bools: [true]).negated() }),
            ("index_out_of_bounds", message { _ = try Tensor.zeros([4]).indexed([.position(5)]) }),
            ("negative_index_out_of_bounds", message { _ = try Self.a23.indexed([.range(lower: nil, upper: nil), .position(-4)]) }),
            ("too_many_indices", message { _ = try Self.a23.indexed([.position(1), .position(2), .position(0)]) }),
            ("empty_max", message { _ = try Tensor.zeros([0]).max() }),
            ("empty_min", message { _ = try Tensor.zeros([0]).min() }),
            ("empty_argmax", message { _ = try Tensor.zeros([0]).argmax() }),
            ("reshape", message { _ = try Self.a23.reshaped([4, 2]) }),
            ("axis", message { _ = try Self.a23.sum(axis: 2) }),
            ("matmul_mismatch", message { _ = try matmul(Self.a23, Self.a23) }),
        ]
        for (key, got) in checks {
            #expect(got != nil && got == n[key], "\(key): kernels say \(got ?? "nothing"), NumPy says \(n[key] ?? "?")")
        }
    }

    @Test(arguments: [
        ((0, 3, 1, 0, 1), "size, kernel, and stride must be positive; padding cannot be negative"),
        ((4, 0, 1, 0, 1), "size, kernel, and stride must be positive; padding cannot be negative"),
        ((4, 3, 0, 0, 1), "size, kernel, and stride must be positive; padding cannot be negative"),
        ((4, 3, 1, -1, 1), "size, kernel, and stride must be positive; padding cannot be negative"),
        ((4, 7, 1, 1, 1), "kernel cannot exceed padded input size"),
        ((4, 3, 1, 0, 2), "kernel cannot exceed padded input size"),
        ((4, 3, 1, 0, 0), "dilation must be positive"),
    ])
    func convOutputSizeErrors(_ a: (Int, Int, Int, Int, Int), _ expected: String) {
        #expect(message { _ = try convOutputSize(a.0, kernel: a.1, stride: a.2, padding: a.3, dilation: a.4) } == expected)
    }

    @Test func conv2dShapeErrors() throws {
        let x = try Tensor.ones([3, 2, 2])
        #expect(message { _ = try conv2d(Tensor.ones([2, 2]), Tensor.ones([5, 5])) } == "kernel 5×5 exceeds the padded 2×2 input")
        #expect(message { _ = try conv2d(x, Tensor.ones([2, 3, 3])) } == "kernel has 2 channels but the input has 3")
        #expect(message { _ = try conv2d(x, Tensor.ones([4, 2, 1, 1])) } == "kernel has 2 channels but the input has 3")
        #expect(message { _ = try conv2d(Tensor.ones([4, 4]), Tensor.ones([3, 3]), dilation: 2) }
                == "kernel 3×3 with dilation 2 (spanning 5×5) exceeds the padded 4×4 input")
        #expect(message { _ = try conv2d(x, Tensor.ones([3, 3])) }
                == "a 2-D kernel fits a single-channel input, but the input has 3 channels; give the kernel 3 channels")
        #expect(message { _ = try conv2d(x, Tensor.ones([3, 1, 1]), stride: 0) } == "stride must be positive, got 0")
        #expect(message { _ = try conv2d(x, Tensor.ones([3, 1, 1]), padding: -1) } == "padding cannot be negative, got -1")
        #expect(message { _ = try conv2d(x, Tensor.ones([3, 1, 1]), dilation: 0) } == "dilation must be positive, got 0")
        #expect(message { _ = try conv2d(x, Tensor.ones([2, 3, 1, 1]), bias: Tensor.ones([3])) }
                == "bias has shape (3,) but there are 2 filters; give one bias per filter")
        #expect(message { _ = try conv2d(Tensor.ones([5]), Tensor.ones([3, 3])) }
                == "conv2d needs an H×W, C×H×W or N×C×H×W input, not shape (5,)")
    }

    @Test func sizeLimits() {
        #expect(message { _ = try Tensor.zeros([1 << 13, 1 << 12]) } == "a tensor of shape (8192, 4096) has 33554432 elements; the limit is 16777216")
        #expect(message { _ = try Tensor.zeros([Int.max, 3]) } == "shape (9223372036854775807, 3) is too large")
        #expect(message { _ = try conv2d(Tensor.ones([2, 2]), Tensor.ones([1, 1]), padding: 5000) }
                == "a tensor of shape (10002, 10002) has 100040004 elements; the limit is 16777216")
        #expect(message { _ = try pad(Tensor.ones([3, 3]), 3000) } == "a tensor of shape (6003, 6003) has 36036009 elements; the limit is 16777216")
        #expect(message { _ = try coverage(height: 5000, width: 5000) } == "a tensor of shape (5000, 5000) has 25000000 elements; the limit is 16777216")
    }

    @Test func overflowAndDtypeErrors() {
        let big = Tensor(shape: [1], ints: [Int.max])
        #expect(message { _ = try big.applying(.add, Tensor(.int(1))) } == "integer overflow in add: 9223372036854775807 and 1 do not fit in int64")
        #expect(message { _ = try big.applying(.multiply, Tensor(.int(2))) } == "integer overflow in multiply: 9223372036854775807 and 2 do not fit in int64")
        let pair = Tensor(shape: [2], ints: [Int.max, 1])
        #expect(message { _ = try pair.checkedSum() } == "integer overflow in sum: the total does not fit in int64")
        #expect(message { _ = try pair.sum(axis: 0) } == "integer overflow in sum: the total does not fit in int64")
        #expect(pair.sum() == .int(Int.min), "sum() wraps as NumPy's int64 does")
        #expect(message { _ = try Tensor(shape: [1], ints: [Int.min]).negated() } == "integer overflow in negative: -(-9223372036854775808) does not fit in int64")
        #expect(message { _ = try Tensor.zeros([2]).logicalNot() } == "logical not needs a bool array, not float64")
        #expect(message { _ = try Tensor(shape: [1], bools: [true]).rounded(1) } == "cannot round a bool array; convert it to numbers first")
        #expect(message { _ = try convParameters(channels: 0, filters: 16, kernel: 3) } == "channels, filters and kernel must be positive")
        #expect(message { _ = try denseParameters(inputs: Int.max / 2, units: 4) } == "the parameter count is too large to represent")
        #expect(message { _ = try denseParameters(inputs: 3, units: -1) } == "inputs and units must be positive")
        #expect(message { _ = try receptiveField([LayerSpec(kind: .pool, kernel: 2, stride: 0)]) }
                == "layer 'pool 2x2': kernel and stride must be positive; padding cannot be negative")
        #expect(message { _ = try maxPool2d(Tensor.ones([2, 2]), size: 3) } == "pool window 3×3 exceeds the 2×2 input")
        #expect(message { _ = try maxPool2d(Tensor.ones([2, 2]), size: 0) } == "pool size must be positive, got 0")
        #expect(message { _ = try Tensor.zeros([0]).mean() } == "cannot take the mean of an empty array")
        #expect(message { _ = try Tensor.zeros([3]).argmax2d() } == "argmax2d needs a 2-D array, not a 1-D array of shape (3,)")
        #expect(message { _ = try roundInteger(Int.max, decimals: -1) } == "integer overflow in round: 9223372036854775807 rounded to -1 decimals does not fit in int64")
    }
}

@Test func roundingIntegersToExtremeDecimalsDoesNotTrap() throws {
    // np.round(np.array([7]), -(2**63)) returns 0; the point here is that Int.min never traps.
    let t = Tensor(shape: [1], ints: [7])
    #expect(try t.rounded(Int.min) == Tensor(shape: [1], ints: [0]))
}

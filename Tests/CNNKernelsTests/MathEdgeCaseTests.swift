import Testing
@testable import CNNKernels

/// Degenerate shapes and extreme arguments of the v2 kernels end in a value or a
/// `KernelError`, never a trap.
@Suite struct MathEdgeCaseTests {
    @Test func degenerateShapesNeverTrap() throws {
        let empty = Tensor(shape: [0], doubles: [])
        let scalar = Tensor(.float(2))
        let wide = Tensor(shape: [2, 0], doubles: [])
        let tall = Tensor(shape: [0, 3], doubles: [])
        #expect(throws: KernelError.self) { try softmax(empty) }
        #expect(throws: KernelError.self) { try softmax(scalar) }
        #expect(throws: KernelError.self) { try softmax(wide) }
        #expect(try softmax(tall).shape == [0, 3])
        #expect(try logSoftmax(tall).shape == [0, 3])
        #expect(try flip(scalar) == scalar)
        #expect(try flip(empty) == empty)
        #expect(try outer(empty, scalar).shape == [0, 1])
        #expect(try `where`(Tensor(.bool(true)), scalar, empty).shape == [0])
        #expect(try wide.prod(axis: 1) == Tensor(shape: [2], doubles: [1, 1]))
        #expect(throws: KernelError.self) { try wide.variance(axis: 1) }
        #expect(throws: KernelError.self) { try empty.variance() }
        #expect(throws: KernelError.self) { try empty.argmin() }
        #expect(try concatenate([empty, Tensor(shape: [1], ints: [3])]) == Tensor(shape: [1], doubles: [3]))
        #expect(try stack([scalar, scalar]).shape == [2])
        #expect(throws: KernelError.self) { try stack([scalar], axis: 2) }
        #expect(try Tensor.linspace(0, 1, count: 0).count == 0)
    }

    @Test func extremeArgumentsNeverTrap() throws {
        #expect(try Tensor.arange(start: .float(0), stop: .float(-.infinity)).count == 0)
        #expect(throws: KernelError.self) { try Tensor.arange(start: .float(0), stop: .float(.infinity)) }
        #expect(throws: KernelError.self) { try Tensor.arange(start: .float(.nan), stop: .float(1)) }
        #expect(throws: KernelError.self) { try Tensor.arange(start: .int(0), stop: .int(Int.min), step: .int(-1)) }
        #expect(try Tensor.arange(start: .int(-9_000_000_000_000_000_000), stop: .int(9_000_000_000_000_000_000),
                                  step: .int(1_000_000_000_000_000_000)).count == 18)
        #expect(throws: KernelError.self) { try Tensor.eye(Int.max) }
        #expect(throws: KernelError.self) { try Tensor.linspace(0, 1, count: Int.max) }
        #expect(try remainder(Tensor(.int(Int.min)), Tensor(.int(-1))) == Tensor(.int(0)))
        #expect(throws: KernelError.self) { try integerPower(Int.min, 2) }
        #expect(try integerPower(-1, Int.max) == -1)
        #expect(throws: KernelError.self) { try Tensor(.float(9.3e18)).astype(.int64) }
        #expect(try Tensor(.float(-9.2e18)).astype(.int64) == Tensor(.int(-9_200_000_000_000_000_000)))
        #expect(throws: KernelError.self) { try Tensor(.int(Int.min)).applying(.abs) }
        #expect(try Tensor(.int(Int.min)).applying(.sign) == Tensor(.int(-1)))
    }
}

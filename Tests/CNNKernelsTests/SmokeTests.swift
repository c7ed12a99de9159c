import Testing
import TestSupport
@testable import CNNKernels

@Test func tensorChecksElementCount() {
    #expect(throws: KernelError.self) { try Tensor(shape: [2, 2], storage: .float64([1, 2, 3])) }
}

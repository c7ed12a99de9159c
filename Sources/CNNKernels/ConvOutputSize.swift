/// The output length of a convolution or pooling along one axis:
/// ⌊(N + 2P − d(K − 1) − 1) / S⌋ + 1.
///
///     try convOutputSize(224, kernel: 3, stride: 2, padding: 1)   // 112
///
/// Throws the seed listing's messages: "size, kernel, and stride must be positive; padding
/// cannot be negative" and "kernel cannot exceed padded input size" (the dilated extent
/// d(K − 1) + 1 is what must fit).
public func convOutputSize(_ size: Int, kernel: Int, stride: Int = 1, padding: Int = 0, dilation: Int = 1) throws(KernelError) -> Int {
    guard size > 0, kernel > 0, stride > 0, padding >= 0 else {
        throw KernelError("size, kernel, and stride must be positive; padding cannot be negative")
    }
    guard dilation > 0 else { throw KernelError("dilation must be positive") }
    let (twice, o1) = padding.multipliedReportingOverflow(by: 2)
    let (padded, o2) = size.addingReportingOverflow(twice)
    let (span, o3) = dilation.multipliedReportingOverflow(by: kernel - 1)
    guard !o1, !o2, !o3 else { throw KernelError("kernel cannot exceed padded input size") }
    guard span < padded else { throw KernelError("kernel cannot exceed padded input size") }
    return (padded - span - 1) / stride + 1
}

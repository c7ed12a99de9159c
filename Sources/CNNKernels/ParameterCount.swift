/// Learnable parameters of one layer.
public struct ParameterCount: Sendable, Equatable {
    public var weights: Int
    public var biases: Int
    public var total: Int { weights + biases }
    public init(weights: Int, biases: Int) { self.weights = weights; self.biases = biases }
}

/// A convolution layer's parameters: weights = filters·channels·K², biases = filters.
///
///     try convParameters(channels: 3, filters: 16, kernel: 3)   // 432 weights + 16 biases = 448
public func convParameters(channels: Int, filters: Int, kernel: Int, bias: Bool = true) throws(KernelError) -> ParameterCount {
    guard channels > 0, filters > 0, kernel > 0 else {
        throw KernelError("channels, filters and kernel must be positive")
    }
    let weights = try checkedCount([filters, channels, kernel, kernel], bias: bias ? filters : 0)
    return ParameterCount(weights: weights, biases: bias ? filters : 0)
}

/// A dense (fully connected) layer's parameters: weights = inputs·units, biases = units.
///
///     try denseParameters(inputs: 224 * 224 * 3, units: 256)   // 38,535,168 + 256
public func denseParameters(inputs: Int, units: Int, bias: Bool = true) throws(KernelError) -> ParameterCount {
    guard inputs > 0, units > 0 else { throw KernelError("inputs and units must be positive") }
    let weights = try checkedCount([inputs, units], bias: bias ? units : 0)
    return ParameterCount(weights: weights, biases: bias ? units : 0)
}

/// The product of `factors`, checking that it and the total with `bias` fit in Int.
private func checkedCount(_ factors: [Int], bias: Int) throws(KernelError) -> Int {
    var product = 1
    var overflow = false
    for f in factors {
        let (p, o) = product.multipliedReportingOverflow(by: f)
        overflow = overflow || o
        product = p
    }
    guard !overflow, !product.addingReportingOverflow(bias).overflow else {
        throw KernelError("the parameter count is too large to represent")
    }
    return product
}

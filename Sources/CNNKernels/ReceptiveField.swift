/// One layer of a receptive-field trace.
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

/// The receptive field after one layer.
public struct ReceptiveFieldStep: Sendable, Equatable {
    public var name: String
    public var kernel: Int
    public var stride: Int
    /// Input pixels that influence one value after this layer.
    public var field: Int
    /// Distance in input pixels between neighbouring values after this layer.
    public var jump: Int
    /// Input coordinate of the first output's window start (Araujo et al. 2019), e.g. -1 with padding 1.
    public var start: Int
}

/// Traces field, jump and start through `layers` (Araujo, Norris & Sim, Distill 2019):
/// field_l = field_{l−1} + (K_l − 1)·jump_{l−1}, jump_l = jump_{l−1}·S_l,
/// start_l = start_{l−1} − P_l·jump_{l−1}, from field 1, jump 1, start 0.
///
///     // conv3, conv3, pool2/2, conv3 → fields 3, 5, 6, 10; jumps 1, 1, 2, 2
public func receptiveField(_ layers: [LayerSpec]) throws(KernelError) -> [ReceptiveFieldStep] {
    var field = 1, jump = 1, start = 0
    var steps = [ReceptiveFieldStep]()
    for layer in layers {
        guard layer.kernel > 0, layer.stride > 0, layer.padding >= 0 else {
            throw KernelError("layer '\(layer.name)': kernel and stride must be positive; padding cannot be negative")
        }
        let (grow, o1) = (layer.kernel - 1).multipliedReportingOverflow(by: jump)
        let (newField, o2) = field.addingReportingOverflow(grow)
        let (shift, o3) = layer.padding.multipliedReportingOverflow(by: jump)
        let (newStart, o4) = start.subtractingReportingOverflow(shift)
        let (newJump, o5) = jump.multipliedReportingOverflow(by: layer.stride)
        guard !(o1 || o2 || o3 || o4 || o5) else {
            throw KernelError("layer '\(layer.name)': the receptive field grows too large to count")
        }
        (field, start, jump) = (newField, newStart, newJump)
        steps.append(ReceptiveFieldStep(name: layer.name, kernel: layer.kernel, stride: layer.stride,
                                        field: field, jump: jump, start: start))
    }
    return steps
}

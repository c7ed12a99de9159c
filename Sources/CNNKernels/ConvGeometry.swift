/// The validated shapes of one `conv2d` call, with every input viewed as N×C×H×W and every
/// kernel as F×C×KH×KW.
struct ConvGeometry {
    var batch: Int, channels: Int, height: Int, width: Int
    var filters: Int, kernelHeight: Int, kernelWidth: Int
    var stride: Int, padding: Int, dilation: Int
    var paddedHeight: Int, paddedWidth: Int
    var outHeight: Int, outWidth: Int
    /// The output tensor's shape: [N]? + [F]? + [Ho, Wo].
    var outputShape: [Int]

    /// Taps per output value: C·KH·KW.
    var taps: Int { channels * kernelHeight * kernelWidth }

    init(input: [Int], kernel: [Int], stride: Int, padding: Int, dilation: Int) throws(KernelError) {
        guard stride > 0 else { throw KernelError("stride must be positive, got \(stride)") }
        guard padding >= 0 else { throw KernelError("padding cannot be negative, got \(padding)") }
        guard dilation > 0 else { throw KernelError("dilation must be positive, got \(dilation)") }
        switch input.count {
        case 2: (batch, channels, height, width) = (1, 1, input[0], input[1])
        case 3: (batch, channels, height, width) = (1, input[0], input[1], input[2])
        case 4: (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        default:
            throw KernelError("conv2d needs an H×W, C×H×W or N×C×H×W input, not shape \(shapeText(input))")
        }
        let kernelChannels: Int
        switch kernel.count {
        case 2: (filters, kernelChannels, kernelHeight, kernelWidth) = (1, 1, kernel[0], kernel[1])
        case 3: (filters, kernelChannels, kernelHeight, kernelWidth) = (1, kernel[0], kernel[1], kernel[2])
        case 4: (filters, kernelChannels, kernelHeight, kernelWidth) = (kernel[0], kernel[1], kernel[2], kernel[3])
        default:
            throw KernelError("conv2d needs a K×K, C×K×K or F×C×K×K kernel, not shape \(shapeText(kernel))")
        }
        if kernel.count == 2 && channels != 1 {
            throw KernelError("a 2-D kernel fits a single-channel input, but the input has \(channels) channels; give the kernel \(channels) channels")
        }
        guard kernelChannels == channels else {
            throw KernelError("kernel has \(kernelChannels) channels but the input has \(channels)")
        }
        guard kernelHeight > 0, kernelWidth > 0, filters > 0, channels > 0 else {
            throw KernelError("kernel shape \(shapeText(kernel)) has an empty axis")
        }
        guard height > 0, width > 0, batch > 0 else {
            throw KernelError("input shape \(shapeText(input)) has an empty axis")
        }
        let limit = Int.max / 8
        guard padding < limit / 2, dilation < limit / Swift.max(kernelHeight, kernelWidth), height < limit, width < limit else {
            throw KernelError("conv2d sizes are too large")
        }
        paddedHeight = height + 2 * padding
        paddedWidth = width + 2 * padding
        let effectiveHeight = dilation * (kernelHeight - 1) + 1
        let effectiveWidth = dilation * (kernelWidth - 1) + 1
        guard effectiveHeight <= paddedHeight, effectiveWidth <= paddedWidth else {
            let size = "\(kernelHeight)×\(kernelWidth)"
            let what = dilation == 1 ? "kernel \(size)" : "kernel \(size) with dilation \(dilation) (spanning \(effectiveHeight)×\(effectiveWidth))"
            throw KernelError("\(what) exceeds the padded \(paddedHeight)×\(paddedWidth) input")
        }
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        outHeight = (paddedHeight - effectiveHeight) / stride + 1
        outWidth = (paddedWidth - effectiveWidth) / stride + 1
        var shape = [Int]()
        if input.count == 4 { shape.append(batch) }
        if kernel.count == 4 { shape.append(filters) }
        outputShape = shape + [outHeight, outWidth]
        try Limits.checkElements(outputShape)
        try Limits.checkElements([batch, channels, paddedHeight, paddedWidth])
    }
}

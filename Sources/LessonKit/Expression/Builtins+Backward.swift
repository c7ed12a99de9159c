import CNNKernels

extension Builtins {
    /// Backward passes of LESSON-FORMAT.md §8, for lessons on training:
    ///
    ///     softmaxCrossEntropy(_:target:) → record SoftmaxCrossEntropy(loss, probabilities, gradient)
    ///     linearBackward(_:weight:gradOutput:) → record LinearGradients(input, weight, bias)
    ///     reluBackward(_:gradOutput:) maxPool2dBackward(_:gradOutput:size:stride:) → tensor
    ///     conv2dBackward(_:_:gradOutput:stride:padding:dilation:) → record Conv2DGradients(input, kernel, bias)
    ///
    /// The formulas are in the kernels' doc comments (CNNKernels).
    static let backwardFunctions: [Builtin] = [
        Builtin("softmaxCrossEntropy", "_logits target") { call throws(ExpressionFailure) in
            let logits = try call.tensor(0), target = try call.tensor(1)
            try call.charge(logits.count.multipliedReportingOverflow(by: 4).partialValue)
            let result = try call.kernel { () throws(KernelError) in try softmaxCrossEntropy(logits, target: target) }
            return .record("SoftmaxCrossEntropy", [
                "loss": .double(result.loss), "probabilities": .tensor(result.probabilities), "gradient": .tensor(result.gradient),
            ])
        },
        Builtin("linearBackward", "_input weight gradOutput") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), weight = try call.tensor(1), g = try call.tensor(2)
            try call.charge(weight.count.multipliedReportingOverflow(by: 3 * max(1, x.rank == 2 ? x.shape[1] : 1)).partialValue)
            let result = try call.kernel { () throws(KernelError) in try linearBackward(x, weight: weight, gradOutput: g) }
            return .record("LinearGradients", [
                "input": .tensor(result.input), "weight": .tensor(result.weight), "bias": .tensor(result.bias),
            ])
        },
        Builtin("reluBackward", "_input gradOutput") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), g = try call.tensor(1)
            try call.charge(x.count + g.count)
            return .tensor(try call.kernel { () throws(KernelError) in try reluBackward(x, gradOutput: g) })
        },
        Builtin("maxPool2dBackward", "_input gradOutput size stride?") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), g = try call.tensor(1), size = try call.int(2), stride = try call.optionalInt(3)
            try call.charge(x.count.multipliedReportingOverflow(by: 2).partialValue + g.count)
            return .tensor(try call.kernel { () throws(KernelError) in
                try maxPool2dBackward(x, gradOutput: g, size: size, stride: stride)
            })
        },
        Builtin("conv2dBackward", "_input _kernel gradOutput stride? padding? dilation?") { call throws(ExpressionFailure) in
            let input = try call.tensor(0), kernel = try call.tensor(1), g = try call.tensor(2)
            let stride = try call.int(3, default: 1), padding = try call.int(4, default: 0)
            let dilation = try call.int(5, default: 1)
            // Two products per (filter, channel, tap, output position): bounded by 2·|g|·|kernel|.
            try call.charge(g.count.multipliedReportingOverflow(by: kernel.count).partialValue
                .multipliedReportingOverflow(by: 2).partialValue + input.count)
            let result = try call.kernel { () throws(KernelError) in
                try conv2dBackward(input, kernel, gradOutput: g, stride: stride, padding: padding, dilation: dilation)
            }
            let bias: Value = result.bias.rank == 0 ? Value(result.bias.scalar(at: 0)) : .tensor(result.bias)
            return .record("Conv2DGradients", ["input": .tensor(result.input), "kernel": .tensor(result.kernel), "bias": bias])
        },
    ]
}

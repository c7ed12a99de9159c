import CNNKernels

extension Builtins {
    /// The CNN kernels of LESSON-FORMAT.md §4, with records for their structured results.
    static let cnnFunctions: [Builtin] = [
        Builtin("conv2d", "_input _kernel stride? padding? dilation? bias?") { call throws(ExpressionFailure) in
            let input = try call.tensor(0), kernel = try call.tensor(1)
            let stride = try call.int(2, default: 1), padding = try call.int(3, default: 0)
            let dilation = try call.int(4, default: 1), bias = try call.optionalTensor(5)
            try call.charge(input.count.multipliedReportingOverflow(by: kernel.count).partialValue)
            return .tensor(try call.kernel { () throws(KernelError) in
                try conv2d(input, kernel, stride: stride, padding: padding, dilation: dilation, bias: bias)
            })
        },
        Builtin("convOutputSize", "_size kernel stride? padding? dilation?") { call throws(ExpressionFailure) in
            let size = try call.int(0), kernel = try call.int(1)
            let stride = try call.int(2, default: 1), padding = try call.int(3, default: 0)
            let dilation = try call.int(4, default: 1)
            return .int(try call.kernel { () throws(KernelError) in
                try convOutputSize(size, kernel: kernel, stride: stride, padding: padding, dilation: dilation)
            })
        },
        Builtin("maxPool2d", "_input size stride?") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), size = try call.int(1), stride = try call.optionalInt(2)
            try call.charge(x.count)
            let result = try call.kernel { () throws(KernelError) in try maxPool2d(x, size: size, stride: stride) }
            return .record("MaxPoolResult", [
                "values": .tensor(result.values),
                "winners": .list(result.winners.map { .tuple([.int($0.row), .int($0.column)]) }),
            ])
        },
        Builtin("avgPool2d", "_input size stride?") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), size = try call.int(1), stride = try call.optionalInt(2)
            try call.charge(x.count)
            return .tensor(try call.kernel { () throws(KernelError) in try avgPool2d(x, size: size, stride: stride) })
        },
        Builtin("relu", "_input") { call throws(ExpressionFailure) in
            let x = try call.tensor(0)
            return .tensor(try call.kernel { () throws(KernelError) in try relu(x) })
        },
        Builtin("linear", "_input weight bias?") { call throws(ExpressionFailure) in
            let x = try call.tensor(0), weight = try call.tensor(1), bias = try call.optionalTensor(2)
            try call.charge(x.count + weight.count)
            return .tensor(try call.kernel { () throws(KernelError) in try linear(x, weight: weight, bias: bias) })
        },
        Builtin("windowResponseTotal", "_image kernel? padding?") { call throws(ExpressionFailure) in
            let image = try call.tensor(0), kernel = try call.int(1, default: 3), padding = try call.int(2, default: 0)
            try call.charge(image.count.multipliedReportingOverflow(by: kernel.multipliedReportingOverflow(by: kernel).partialValue).partialValue)
            return .double(try call.kernel { () throws(KernelError) in try windowResponseTotal(image, kernel: kernel, padding: padding) })
        },
        Builtin("coverage", "_height _width kernel? padding?") { call throws(ExpressionFailure) in
            let height = try call.int(0), width = try call.int(1)
            let kernel = try call.int(2, default: 3), padding = try call.int(3, default: 0)
            return .tensor(try call.kernel { () throws(KernelError) in
                try coverage(height: height, width: width, kernel: kernel, padding: padding)
            })
        },
        Builtin("conv", "_kernel stride? padding? name?") { call throws(ExpressionFailure) in
            try layer(.conv, call, defaultStride: nil)
        },
        Builtin("pool", "_kernel stride? padding? name?") { call throws(ExpressionFailure) in
            try layer(.pool, call, defaultStride: try call.int(0))
        },
        Builtin("receptiveField", "_layers") { call throws(ExpressionFailure) in
            let value = try call.value(0)
            guard case .list(let items) = value else { throw call.mismatch(0, "a list of conv(...) / pool(...) layers", value) }
            var layers: [LayerSpec] = []
            for item in items {
                guard let spec = layerSpec(item) else {
                    throw ExpressionFailure(
                        "receptiveField(_:) needs a list of conv(...) / pool(...) layers; element \(layers.count) is \(item.typeDescription)",
                        at: call.range(0))
                }
                layers.append(spec)
            }
            let steps = try call.kernel { () throws(KernelError) in try receptiveField(layers) }
            return .list(steps.map { step in
                .record("ReceptiveFieldStep", [
                    "name": .string(step.name), "kernel": .int(step.kernel), "stride": .int(step.stride),
                    "field": .int(step.field), "jump": .int(step.jump), "start": .int(step.start),
                ])
            })
        },
        Builtin("convParameters", "channels filters kernel bias?") { call throws(ExpressionFailure) in
            let channels = try call.int(0), filters = try call.int(1), kernel = try call.int(2)
            let bias = try call.bool(3, default: true)
            return parameterRecord(try call.kernel { () throws(KernelError) in
                try convParameters(channels: channels, filters: filters, kernel: kernel, bias: bias)
            })
        },
        Builtin("denseParameters", "inputs units bias?") { call throws(ExpressionFailure) in
            let inputs = try call.int(0), units = try call.int(1), bias = try call.bool(2, default: true)
            return parameterRecord(try call.kernel { () throws(KernelError) in
                try denseParameters(inputs: inputs, units: units, bias: bias)
            })
        },
    ]

    /// `conv(3)` / `pool(2, stride: 2)` as a `Layer` record (kind, kernel, stride, padding, name).
    private static func layer(_ kind: LayerSpec.Kind, _ call: Call, defaultStride: Int?) throws(ExpressionFailure) -> Value {
        let kernel = try call.int(0)
        let stride = try call.int(1, default: defaultStride ?? 1)
        let padding = try call.int(2, default: 0)
        let spec = LayerSpec(kind: kind, kernel: kernel, stride: stride, padding: padding, name: try call.optionalString(3))
        return .record("Layer", [
            "kind": .string(spec.kind.rawValue), "kernel": .int(spec.kernel), "stride": .int(spec.stride),
            "padding": .int(spec.padding), "name": .string(spec.name),
        ])
    }

    private static func layerSpec(_ value: Value) -> LayerSpec? {
        guard case .record("Layer", _) = value,
              case .string(let kindName)? = value.field("kind"), let kind = LayerSpec.Kind(rawValue: kindName),
              case .int(let kernel)? = value.field("kernel"), case .int(let stride)? = value.field("stride"),
              case .int(let padding)? = value.field("padding"), case .string(let name)? = value.field("name")
        else { return nil }
        return LayerSpec(kind: kind, kernel: kernel, stride: stride, padding: padding, name: name)
    }

    private static func parameterRecord(_ count: ParameterCount) -> Value {
        .record("ParameterCount", ["weights": .int(count.weights), "biases": .int(count.biases), "total": .int(count.total)])
    }
}

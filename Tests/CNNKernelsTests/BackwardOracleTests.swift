import Foundation
import Testing
@testable import CNNKernels

/// The backward kernels against `Oracle/backward_oracle.py`, independent NumPy
/// implementations of the same chain-rule formulas run live on 150 seeded cases (strides,
/// paddings, dilations, overlapping pool windows with ties, batches of logits). Values must
/// match bit for bit, except (a) those NumPy computes with BLAS (`@`: linearBackward's input
/// gradient and its batch weight gradient; OpenBLAS fuses and reorders), which must agree within
/// 1e-13 of the largest value, and (b) softmaxCrossEntropy, which inherits the 1-ulp
/// differences between libm's `exp` and NumPy's AVX-512 `exp` (benchmarks/MATH.md): within
/// 2.3e-16 absolute (one ulp of a probability).
/// Where `torch` is importable, PyTorch autograd is a second oracle (within 1e-12).
@Suite struct BackwardOracleTests {
    static let hasTorch: Bool = PythonOracle.hasNumPy && (try? PythonOracle.run(["-c", "import torch"])) != nil

    struct Case {
        var kind: String
        var args: [String: Int]
        var inputs: [String: Tensor]
        var outputs: [String: Tensor]
    }

    static func load(_ arguments: [String]) throws -> [Case] {
        let text = try PythonOracle.run([PythonOracle.folder.appendingPathComponent("backward_oracle.py").path] + arguments)
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let items = root?["cases"] as? [[String: Any]] ?? []
        return try items.map { item in
            func tensors(_ key: String) throws -> [String: Tensor] {
                var result: [String: Tensor] = [:]
                for (name, value) in item[key] as? [String: Any] ?? [:] { result[name] = try decodeTensor(value) }
                return result
            }
            return Case(kind: item["kind"] as? String ?? "", args: item["args"] as? [String: Int] ?? [:],
                        inputs: try tensors("inputs"), outputs: try tensors("outputs"))
        }
    }

    /// The kernels' outputs for one case, by the oracle's names.
    static func compute(_ c: Case) throws -> [String: Tensor] {
        let i = c.inputs
        switch c.kind {
        case "conv2dBackward":
            let r = try conv2dBackward(i["input"]!, i["kernel"]!, gradOutput: i["gradOutput"]!, stride: c.args["stride"]!,
                                       padding: c.args["padding"]!, dilation: c.args["dilation"]!)
            return ["input": r.input, "kernel": r.kernel, "bias": r.bias]
        case "maxPool2dBackward":
            return ["input": try maxPool2dBackward(i["input"]!, gradOutput: i["gradOutput"]!, size: c.args["size"]!, stride: c.args["stride"]!)]
        case "reluBackward":
            return ["input": try reluBackward(i["input"]!, gradOutput: i["gradOutput"]!)]
        case "linearBackward":
            let r = try linearBackward(i["input"]!, weight: i["weight"]!, gradOutput: i["gradOutput"]!)
            return ["input": r.input, "weight": r.weight, "bias": r.bias]
        default:
            let r = try softmaxCrossEntropy(i["logits"]!, target: i["target"]!)
            return ["loss": Tensor(.float(r.loss)), "probabilities": r.probabilities, "gradient": r.gradient]
        }
    }

    static func maxUlps(_ a: Tensor, _ b: Tensor) -> UInt64 {
        guard a.shape == b.shape else { return .max }
        return zip(a.doubles, b.doubles).map { ulpDistance($0, $1) == 0 || $0 == $1 ? 0 : ulpDistance($0, $1) }.max() ?? 0
    }

    @Test(.enabled(if: PythonOracle.hasNumPy, "needs python3 with numpy"))
    func backwardKernelsMatchNumPy() throws {
        let cases = try Self.load([])
        #expect(cases.count >= 150)
        var exact = 0, compared = 0
        for c in cases {
            let ours = try Self.compute(c)
            for (name, expected) in c.outputs {
                guard let got = ours[name] else { Issue.record("\(c.kind): no output \(name)"); continue }
                compared += 1
                let viaBLAS = c.kind == "linearBackward" && (name == "input" || (name == "weight" && c.inputs["input"]!.rank == 2))
                if sameBits(got, expected) { exact += 1; continue }
                let scale = expected.doubles.map(\.magnitude).max() ?? 0
                let tolerance = viaBLAS ? 1e-13 * (1 + scale) : (c.kind == "softmaxCrossEntropy" ? 2.3e-16 * max(1, scale) : 0)
                let worst = got.shape == expected.shape ? zip(got.doubles, expected.doubles).map { abs($0 - $1) }.max() ?? 0 : .infinity
                #expect(worst <= tolerance, "\(c.kind).\(name) \(c.args): \(describe(got)) vs NumPy \(describe(expected)) (\(Self.maxUlps(got, expected)) ulp)")
            }
        }
        print("backward kernels: \(exact) of \(compared) outputs bit-identical to NumPy over \(cases.count) cases")
    }

    @Test(.enabled(if: hasTorch, "needs python3 with torch (optional)"))
    func backwardKernelsMatchPyTorchAutograd() throws {
        for c in try Self.load(["--torch"]) {
            let ours = try Self.compute(c)
            for (name, expected) in c.outputs {
                guard let got = ours[name] else { continue }
                #expect(got.shape == expected.shape, "\(c.kind).\(name)")
                for (a, b) in zip(got.doubles, expected.doubles) {
                    #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(c.kind).\(name) \(c.args): \(a) vs torch \(b)")
                }
            }
        }
    }
}

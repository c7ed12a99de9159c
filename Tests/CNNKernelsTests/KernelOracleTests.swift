import Foundation
import Testing
import TestSupport
@testable import CNNKernels

/// Differential test against NumPy: `Oracle/kernel_oracle.py` generates seeded random cases and
/// NumPy's answers (run live when python3 has numpy, else the committed `kernel_cases.json`
/// written by the same script), and every answer must match bit for bit, except matmul with
/// an inner dimension above 1 (BLAS fuses and blocks; compared with allclose, as documented).
///
/// Set `KERNEL_ORACLE_SEED` to replay another seed.
@Suite struct KernelOracleTests {
    static let defaultSeed = 20261127

    @Test func kernelsMatchNumPy() throws {
        let seed = ProcessInfo.processInfo.environment["KERNEL_ORACLE_SEED"].flatMap(Int.init) ?? Self.defaultSeed
        let text: String
        let source: String
        if PythonOracle.hasNumPy {
            let script = PythonOracle.folder.appendingPathComponent("kernel_oracle.py").path
            text = try PythonOracle.run([script, "--seed", "\(seed)", "--cases", "600"])
            source = "live NumPy, seed \(seed)"
        } else {
            text = try String(contentsOf: PythonOracle.folder.appendingPathComponent("kernel_cases.json"), encoding: .utf8)
            source = "fixture kernel_cases.json"
        }
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let cases = document?["cases"] as? [[String: Any]] ?? []
        let fileSeed = (document?["seed"] as? NSNumber)?.intValue ?? -1
        #expect(cases.count >= 600, "the oracle produced only \(cases.count) cases")
        var compared = 0
        var counts = [String: Int]()
        for (index, testCase) in cases.enumerated() {
            let op = testCase["op"] as? String ?? "?"
            let mismatch: String?
            do {
                mismatch = try check(testCase)
            } catch {
                mismatch = "threw \(error)"
            }
            if let mismatch {
                Issue.record("seed \(fileSeed) (\(source)), case \(index) (\(op)): \(mismatch)")
                print("first mismatch: seed \(fileSeed), case \(index) \(op): \(mismatch)")
                return
            }
            compared += 1
            counts[op, default: 0] += 1
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("compared \(compared) kernel cases against NumPy (\(source); \(summary))")
    }

    /// Runs one case; nil when the kernel agrees with NumPy, else a description of the difference.
    func check(_ c: [String: Any]) throws -> String? {
        func tensor(_ key: String) throws -> Tensor { try decodeTensor(c[key]) }
        func int(_ key: String) -> Int? { (c[key] as? NSNumber)?.intValue }
        func double(_ key: String) -> Double {
            Double(bitPattern: UInt64(bitPattern: (c[key] as? NSNumber)?.int64Value ?? 0))
        }
        let op = c["op"] as? String ?? ""
        if op == "allclose" {
            let got = try allclose(tensor("a"), tensor("b"), rtol: double("rtol"), atol: double("atol"))
            let expected = (c["expect"] as? NSNumber)?.boolValue
            return got == expected ? nil : "allclose gave \(got), NumPy \(String(describing: expected))"
        }
        let expect = try tensor("expect")
        var got: Tensor
        var exact = true
        switch op {
        case "conv2d":
            let bias = c["bias"] is NSNull ? nil : try tensor("bias")
            got = try conv2d(tensor("input"), tensor("kernel"), stride: int("stride")!, padding: int("padding")!,
                             dilation: int("dilation")!, bias: bias)
        case "maxpool":
            let result = try maxPool2d(tensor("input"), size: int("size")!, stride: int("stride"))
            let winners = (c["winners"] as? [[NSNumber]] ?? []).map { GridPoint(row: $0[0].intValue, column: $0[1].intValue) }
            if result.winners != winners { return "winners \(result.winners) != NumPy \(winners)" }
            got = result.values
        case "avgpool": got = try avgPool2d(tensor("input"), size: int("size")!, stride: int("stride"))
        case "sum": got = Tensor(try tensor("input").sum())
        case "mean": got = Tensor(.float(try tensor("input").mean()))
        case "sum_axis": got = try tensor("input").sum(axis: int("axis")!)
        case "mean_axis": got = try tensor("input").mean(axis: int("axis")!)
        case "max": got = Tensor(try tensor("input").max())
        case "min": got = Tensor(try tensor("input").min())
        case "max_axis": got = try tensor("input").max(axis: int("axis")!)
        case "min_axis": got = try tensor("input").min(axis: int("axis")!)
        case "argmax": got = Tensor(.int(try tensor("input").argmax()))
        case "round": got = try tensor("input").rounded(int("decimals")!)
        case "arith":
            let symbol = c["operator"] as? String ?? ""
            guard let op = ArithmeticOperator(rawValue: symbol) else { return "unknown operator \(symbol)" }
            got = try tensor("a").applying(op, tensor("b"))
        case "compare":
            let symbol = c["operator"] as? String ?? ""
            guard let op = ComparisonOperator(rawValue: symbol) else { return "unknown operator \(symbol)" }
            got = try tensor("a").comparing(op, tensor("b"))
        case "maximum": got = try maximum(tensor("a"), tensor("b"))
        case "minimum": got = try minimum(tensor("a"), tensor("b"))
        case "matmul":
            got = try matmul(tensor("a"), tensor("b"))
            exact = (c["exact"] as? NSNumber)?.boolValue ?? true || got.dtype != .float64
        case "index":
            let indices = (c["indices"] as? [[Any]] ?? []).map { item -> TensorIndex in
                if item.first as? String == "p" { return .position((item[1] as? NSNumber)?.intValue ?? 0) }
                return .range(lower: (item[1] as? NSNumber)?.intValue, upper: (item[2] as? NSNumber)?.intValue)
            }
            got = try tensor("input").indexed(indices)
        case "relu": got = try relu(tensor("input"))
        case "reshape": got = try tensor("input").reshaped((c["shape"] as? [NSNumber] ?? []).map(\.intValue))
        case "not": got = try tensor("input").logicalNot()
        case "negative": got = try tensor("input").negated()
        case "pad": got = try pad(tensor("input"), int("width")!)
        case "transpose": got = try tensor("input").transposed()
        case "window_response":
            got = Tensor(.float(try windowResponseTotal(tensor("input"), kernel: int("kernel")!, padding: int("padding")!)))
        case "coverage":
            got = try coverage(height: int("height")!, width: int("width")!, kernel: int("kernel")!, padding: int("padding")!)
        default:
            return "unknown op \(op)"
        }
        if exact {
            return sameBits(got, expect) ? nil : "got \(describe(got)), NumPy \(describe(expect))"
        }
        let sameKind = got.shape == expect.shape && got.dtype == expect.dtype
        let close = try sameKind && allclose(got, expect, rtol: 1e-12, atol: 1e-12)
        return close ? nil : "got \(describe(got)), NumPy \(describe(expect)) (allclose 1e-12)"
    }
}

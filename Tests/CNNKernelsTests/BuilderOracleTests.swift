import Foundation
import Testing
@testable import CNNKernels

/// Builders and reductions whose last bit depends on NumPy's algorithm (arange's fill,
/// linspace, the two-pass var/std with pairwise sums, prod, remainder, int power), and the
/// shape builders with random shapes, negative axes, empty extents and mixed dtypes (stack,
/// concatenate, flip, where, clip, outer), against `Oracle/builders_oracle.py` run live:
/// every value bit for bit, with NumPy's dtype and shape.
@Suite struct BuilderOracleTests {
    @Test(.enabled(if: PythonOracle.hasNumPy, "needs python3 with numpy"))
    func buildersAndReductionsMatchNumPy() throws {
        let text = try PythonOracle.run([PythonOracle.folder.appendingPathComponent("builders_oracle.py").path])
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let cases = root?["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 1_000)
        var counts: [String: Int] = [:]
        for item in cases {
            let kind = item["kind"] as? String ?? ""
            let args = item["args"] as? [String: Any] ?? [:]
            let expected = try decodeTensor(item["output"])
            let x = try item["x"].map(decodeTensor), y = try item["y"].map(decodeTensor)
            func number(_ key: String) -> Double { (args[key] as? NSNumber)?.doubleValue ?? .nan }
            let axis = (args["axis"] as? NSNumber)?.intValue ?? 0
            let got: Tensor
            switch kind {
            case "arange":
                got = try Tensor.arange(start: .float(number("start")), stop: .float(number("stop")), step: .float(number("step")))
            case "linspace":
                got = try Tensor.linspace(number("start"), number("stop"), count: Int(number("count")))
            case "var": got = Tensor(.float(try x!.variance()))
            case "std": got = Tensor(.float(try x!.standardDeviation()))
            case "varAxis": got = try x!.variance(axis: axis)
            case "stdAxis": got = try x!.standardDeviation(axis: axis)
            case "argmin": got = Tensor(.int(try x!.argmin()))
            case "prod": got = Tensor(try x!.prod())
            case "prodAxis": got = try x!.prod(axis: axis)
            case "remainder": got = try remainder(x!, y!)
            case "concatenate", "stack":
                let parts = try (item["parts"] as? [Any] ?? []).map(decodeTensor)
                got = kind == "stack" ? try stack(parts, axis: axis) : try concatenate(parts, axis: axis)
            case "flip": got = try flip(x!, axis: axis)
            case "flipAll": got = try flip(x!)
            case "where": got = try `where`(try decodeTensor((item["parts"] as? [Any])?.first), x!, y!)
            case "clip": got = try clip(x!, Tensor(.float(number("lo"))), Tensor(.float(number("hi"))))
            case "outer": got = try outer(x!, y!)
            default: got = try power(x!, y!)
            }
            counts[kind, default: 0] += 1
            #expect(sameBits(got, expected), "\(kind) \(args): \(describe(got)) vs NumPy \(describe(expected))")
        }
        print("builders and reductions: \(cases.count) cases bit-identical to NumPy: \(counts.sorted { $0.key < $1.key })")
    }
}

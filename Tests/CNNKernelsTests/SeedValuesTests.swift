import Foundation
import Testing
import TestSupport
@testable import CNNKernels

/// Every number the seed lesson's listings 01–09 compute, reproduced by the kernels. The
/// expected values come from `Oracle/seed_values.py` (the listings' own code) run live, or
/// from its committed output `seed_values.json` when numpy is not available.
@Suite struct SeedValuesTests {
    nonisolated(unsafe) static let expected: [String: Any] = {
        let text: String?
        if PythonOracle.hasNumPy {
            text = try? PythonOracle.run([PythonOracle.folder.appendingPathComponent("seed_values.py").path])
        } else {
            text = try? String(contentsOf: PythonOracle.folder.appendingPathComponent("seed_values.json"), encoding: .utf8)
        }
        let object = text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
        return object as? [String: Any] ?? [:]
    }()

    static let image = Tensor(shape: [4, 4], doubles: [0.05, 0.08, 0.06, 0.07, 0.12, 0.92, 0.88, 0.09,
                                                       0.08, 0.90, 0.93, 0.11, 0.06, 0.07, 0.09, 0.05])
    static let edge = Tensor(shape: [3, 3], doubles: [-0.6, -0.6, -0.6, 1.1, 1.1, 1.1, -0.6, -0.6, -0.6])

    func listing(_ key: String) -> [String: Any] { Self.expected[key] as? [String: Any] ?? [:] }

    func floats(_ any: Any?) -> [Double] {
        ((any as? [NSNumber]) ?? [(any as? NSNumber)].compactMap { $0 }).map {
            Double(bitPattern: UInt64(bitPattern: $0.int64Value))
        }
    }

    func bitsEqual(_ got: [Double], _ expected: [Double]) -> Bool {
        got.count == expected.count && zip(got, expected).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test func expectedValuesLoaded() {
        #expect(Self.expected.count == 10, "seed_values.py produced \(Self.expected.count) listings")
    }

    @Test func parameterCounts01() throws {
        let e = listing("01")
        let dense = try denseParameters(inputs: 224 * 224 * 3, units: 256)
        let conv = try convParameters(channels: 3, filters: 16, kernel: 3)
        #expect(dense.weights == (e["dense_weights"] as? Int))
        #expect(dense.biases == (e["dense_biases"] as? Int))
        #expect(dense.total == (e["dense_parameters"] as? Int))
        #expect(conv.weights == (e["conv_weights"] as? Int))
        #expect(conv.total == (e["conv_parameters"] as? Int))
        #expect(bitsEqual([Double(dense.total) / Double(conv.total)], floats(e["ratio"])))
    }

    @Test func firstResponse02() throws {
        let e = listing("02")
        let patch = try Self.image.indexed([.range(lower: 0, upper: 3), .range(lower: 0, upper: 3)])
        let products = try patch.applying(.multiply, Self.edge)
        #expect(bitsEqual(products.doubles, floats(e["products"])))
        let rows = try products.sum(axis: 1)
        #expect(bitsEqual(rows.doubles, floats(e["rows"])))
        #expect(bitsEqual(try rows.rounded(3).doubles, floats(e["rows_rounded"])))
        #expect(bitsEqual([products.sum().double], floats(e["response"])))
    }

    @Test func featureMap03() throws {
        let e = listing("03")
        let map = try conv2d(Self.image, Self.edge)
        #expect(bitsEqual(map.doubles, floats(e["feature_map"])))
        #expect(bitsEqual(try map.rounded(3).doubles, floats(e["rounded"])))
        let strongest = try map.argmax2d()
        #expect([strongest.row, strongest.column] == (e["strongest"] as? [Int]))
    }

    @Test func convSizes04() throws {
        let rows = Self.expected["04"] as? [[Int]] ?? []
        #expect(rows.count == 3)
        for row in rows {
            #expect(try convOutputSize(row[0], kernel: row[1], stride: row[2], padding: row[3]) == row[4])
        }
        let errors = Self.expected["04_errors"] as? [[Any]] ?? []
        #expect(errors.count == 5)
        for row in errors {
            let a = row.prefix(4).map { ($0 as? Int) ?? 0 }
            #expect(throws: KernelError(row[4] as? String ?? "")) {
                try convOutputSize(a[0], kernel: a[1], stride: a[2], padding: a[3])
            }
        }
    }

    @Test func channels05() throws {
        let e = listing("05")
        let filters = try Tensor.zeros([16, 3, 3, 3])
        #expect(try filters.indexed([.position(0)]).shape == (e["filter_shape"] as? [Int]))
        #expect(filters.shape[0] == (e["outputs"] as? Int))
        #expect(try convParameters(channels: 3, filters: 16, kernel: 3).total == (e["parameters"] as? Int))
        let out = try conv2d(Tensor.zeros([3, 224, 224]), filters, padding: 1, bias: Tensor.zeros([16]))
        #expect(out.shape == [16, 224, 224])
    }

    @Test func receptiveField06() throws {
        let trace = Self.expected["06"] as? [[Any]] ?? []
        let steps = try receptiveField([
            LayerSpec(kind: .conv, kernel: 3, stride: 1), LayerSpec(kind: .conv, kernel: 3, stride: 1),
            LayerSpec(kind: .pool, kernel: 2, stride: 2), LayerSpec(kind: .conv, kernel: 3, stride: 1),
        ])
        #expect(trace.count == 4)
        #expect(steps.map(\.name) == trace.map { $0[0] as? String ?? "" })
        #expect(steps.map(\.field) == trace.map { $0[1] as? Int ?? 0 })
        #expect(steps.map(\.jump) == trace.map { $0[2] as? Int ?? 0 })
    }

    @Test func maxPool07() throws {
        let e = listing("07")
        let map = Tensor(shape: [4, 4], doubles: [0.10, 0.42, 0.18, 0.30, 0.25, 0.91, 0.44, 0.12,
                                                   0.08, 0.21, 0.77, 0.55, 0.16, 0.14, 0.32, 0.49])
        let result = try maxPool2d(map, size: 2)
        #expect(bitsEqual(result.values.doubles, floats(e["pooled"])))
        #expect(bitsEqual(try result.values.rounded(2).doubles, floats(e["rounded"])))
        #expect(result.winners.map { [$0.row, $0.column] } == (e["winners"] as? [[Int]]))
    }

    @Test func padding08() throws {
        let e = listing("08")
        var edge = [Double](repeating: 0, count: 25), center = edge
        edge[0] = 1
        center[12] = 1
        let edgeSignal = Tensor(shape: [5, 5], doubles: edge), centerSignal = Tensor(shape: [5, 5], doubles: center)
        #expect(bitsEqual([try windowResponseTotal(edgeSignal, padding: 0)], floats(e["valid_edge"])))
        #expect(bitsEqual([try windowResponseTotal(centerSignal, padding: 0)], floats(e["valid_center"])))
        #expect(bitsEqual([try windowResponseTotal(edgeSignal, padding: 1)], floats(e["padded_edge"])))
    }

    @Test func forward09() throws {
        let e = listing("09")
        let activated = try relu(conv2d(Self.image, Self.edge))
        #expect(bitsEqual(activated.doubles, floats(e["activated"])))
        let pooled = Tensor(shape: [1], doubles: [try activated.max().double])
        #expect(bitsEqual(pooled.doubles, floats(e["pooled"])))
        #expect(bitsEqual(try pooled.rounded(3).doubles, floats(e["pooled_rounded"])))
        let logits = try linear(pooled, weight: Tensor(shape: [2, 1], doubles: [1.4, -0.9]),
                                bias: Tensor(shape: [2], doubles: [-0.2, 0.1]))
        #expect(bitsEqual(logits.doubles, floats(e["logits"])))
        #expect(bitsEqual(try logits.rounded(3).doubles, floats(e["logits_rounded"])))
        let matches = try allclose(logits, Tensor(shape: [2], doubles: [1.0236, -0.6866]), atol: 1e-4)
        #expect(matches == (e["matches"] as? Bool))
    }
}

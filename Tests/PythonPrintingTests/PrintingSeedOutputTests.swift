import Testing
import TestSupport
@testable import CNNKernels
@testable import PythonPrinting

/// Every printed line of the seed lesson's listings (/work/shared/seed/listings/*.out,
/// produced by Python 3 / NumPy 2.4), rebuilt from the values those listings compute.
/// Doubles are the exact values NumPy computed (e.g. `products.sum()` is
/// 0.8520000000000003); the expected text is the listing's recorded output.
@Suite struct PrintingSeedOutputTests {
    /// 01_params.py
    @Test func parameterCounts() throws {
        let fields: [(key: String, value: PyObject)] = [
            ("dense_parameters", .int(38_535_424)), ("dense_weights", .int(38_535_168)), ("dense_biases", .int(256)),
            ("conv_parameters", .int(448)), ("conv_weights", .int(432)), ("conv_biases", .int(16)),
            ("ratio", .float(38_535_424.0 / 448.0)),
        ]
        #expect(try pythonFormat("dense parameters: {dense_parameters:,} ({dense_weights:,} weights + {dense_biases} biases)", fields: fields)
            == "dense parameters: 38,535,424 (38,535,168 weights + 256 biases)")
        #expect(try pythonFormat("conv parameters: {conv_parameters:,} ({conv_weights:,} weights + {conv_biases} biases)", fields: fields)
            == "conv parameters: 448 (432 weights + 16 biases)")
        #expect(try pythonFormat("parameter-count ratio: {ratio:,.0f}x", fields: fields) == "parameter-count ratio: 86,017x")
    }

    /// 02_first_response.py
    @Test func firstResponse() throws {
        let rows = Tensor(shape: [3], doubles: [-0.114, 2.112, -1.146])
        #expect("row contributions: " + rows.tolist().str == "row contributions: [-0.114, 2.112, -1.146]")
        #expect(try "first response: " + PyObject.float(0.8520000000000003).formatted(".3f") == "first response: 0.852")
    }

    /// 03_feature_map.py and 09_forward.py: `print(np.round(feature_map, 3))`.
    @Test func roundedFeatureMap() {
        let rounded = Tensor(shape: [2, 2], doubles: [0.852, 0.789, 0.817, 0.874])
        #expect(PyObject.array(rounded).str == "[[0.852 0.789]\n [0.817 0.874]]")
        // The unrounded map prints the same at NumPy's 8-digit precision.
        let raw = Tensor(shape: [2, 2], doubles: [0.8520000000000003, 0.7890000000000004, 0.8170000000000002, 0.874])
        #expect(PyObject.array(raw).str == "[[0.852 0.789]\n [0.817 0.874]]")
        #expect("strongest response: " + PyObject.tuple([.int(1), .int(1)]).str == "strongest response: (1, 1)")
    }

    /// 04_conv_size.py
    @Test func convSizes() throws {
        let cases: [(String, Int, Int, String)] = [
            ("worked patch", 4, 2, "worked patch: 4 -> 2"),
            ("same-size patch", 4, 4, "same-size patch: 4 -> 4"),
            ("strided photo", 224, 112, "strided photo: 224 -> 112"),
        ]
        for (name, size, output, expected) in cases {
            let text = try pythonFormat("{name}: {size} -> {output}", fields: [
                (key: "name", value: .str(name)), (key: "size", value: .int(size)), (key: "output", value: .int(output)),
            ])
            #expect(text == expected)
        }
    }

    /// 05_channels.py: `print("input shape:", image.shape)` etc.
    @Test func channelShapes() {
        #expect("input shape: " + PyObject.tuple([.int(3), .int(224), .int(224)]).str == "input shape: (3, 224, 224)")
        #expect("one filter shape: " + PyObject.tuple([.int(3), .int(3), .int(3)]).str == "one filter shape: (3, 3, 3)")
        #expect("output channels: " + PyObject.int(16).str == "output channels: 16")
        #expect("parameters including biases: " + PyObject.int(448).str == "parameters including biases: 448")
    }

    /// 06_receptive_field.py
    @Test func receptiveFieldTrace() throws {
        let trace: [(String, Int, Int)] = [("conv 3x3", 3, 1), ("conv 3x3", 5, 1), ("pool 2x2", 6, 2), ("conv 3x3", 10, 2)]
        let expected = [
            "conv 3x3  receptive field= 3, jump=1",
            "conv 3x3  receptive field= 5, jump=1",
            "pool 2x2  receptive field= 6, jump=2",
            "conv 3x3  receptive field=10, jump=2",
        ]
        for ((name, field, jump), line) in zip(trace, expected) {
            let text = try pythonFormat("{name:9s} receptive field={field:2d}, jump={jump}", fields: [
                (key: "name", value: .str(name)), (key: "field", value: .int(field)), (key: "jump", value: .int(jump)),
            ])
            #expect(text == line)
        }
    }

    /// 07_max_pool.py
    @Test func maxPool() {
        let pooled = Tensor(shape: [2, 2], doubles: [0.91, 0.44, 0.21, 0.77])
        #expect(PyObject.array(pooled).str == "[[0.91 0.44]\n [0.21 0.77]]")
        let winners = PyObject.list([[1, 1], [1, 2], [2, 1], [2, 2]].map { .tuple($0.map(PyObject.int)) })
        #expect("winner coordinates: " + winners.str == "winner coordinates: [(1, 1), (1, 2), (2, 1), (2, 2)]")
    }

    /// 08_padding.py
    @Test func paddingTotals() throws {
        #expect(try "valid edge total: " + PyObject.float(1).formatted(".0f") == "valid edge total: 1")
        #expect(try "valid center total: " + PyObject.float(9).formatted(".0f") == "valid center total: 9")
        #expect(try "padded edge total: " + PyObject.float(4).formatted(".0f") == "padded edge total: 4")
    }

    /// 09_forward.py and 10_pytorch.py
    @Test func forwardPass() {
        #expect("pooled activation: " + PyObject.array(Tensor(shape: [1], doubles: [0.874])).str == "pooled activation: [0.874]")
        #expect("logits: " + PyObject.array(Tensor(shape: [2], doubles: [1.024, -0.687])).str == "logits: [ 1.024 -0.687]")
        #expect("pytorch logits: " + PyObject.array(Tensor(shape: [2], doubles: [1.024, -0.687])).str == "pytorch logits: [ 1.024 -0.687]")
        #expect("matches NumPy: " + PyObject.bool(true).str == "matches NumPy: True")
    }
}

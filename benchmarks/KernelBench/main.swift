// Times the CNN kernels on lesson-sized work; benchmarks/kernels.sh runs it beside NumPy.
// Output: one machine-readable line per benchmark, `bench <name> median_ms=<ms> reps=<n>`.
import CNNKernels

/// Deterministic inputs in [-1, 1) (splitmix64), so every run times the same numbers.
func randomDoubles(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-52 - 1
    }
}

/// Runs `body` `reps` times after one warm-up and prints the median wall time.
func bench(_ name: String, reps: Int, _ body: () throws -> Void) rethrows {
    try body()
    let clock = ContinuousClock()
    var times = [Double]()
    for _ in 0..<reps {
        let elapsed = try clock.measure(body)
        times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
    }
    times.sort()
    let median = reps % 2 == 1 ? times[reps / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2
    print("bench \(name) median_ms=\(median) reps=\(reps)")
}

let reps = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 11 : 11
let image = Tensor(shape: [1, 3, 224, 224], doubles: randomDoubles(3 * 224 * 224, seed: 1))
let filters = Tensor(shape: [16, 3, 3, 3], doubles: randomDoubles(16 * 27, seed: 2))
let bias = Tensor(shape: [16], doubles: randomDoubles(16, seed: 3))
let maps = Tensor(shape: [16, 224, 224], doubles: randomDoubles(16 * 224 * 224, seed: 4))

/// Release-build check that the SIMD path still equals the definition bit for bit: every
/// output of the first and last rows is recomputed as `pairwiseSum` of its window products.
func selfCheck(stride: Int) throws -> Bool {
    let out = try conv2d(image, filters, stride: stride, padding: 1, bias: bias).doubles
    let x = image.doubles, k = filters.doubles, b = bias.doubles
    let size = (224 + 2 - 3) / stride + 1
    var products = [Double](repeating: 0, count: 27)
    for f in 0..<16 {
        for oy in [0, size - 1] {
            for ox in 0..<size {
                for c in 0..<3 {
                    for i in 0..<3 {
                        for j in 0..<3 {
                            let r = oy * stride + i - 1, col = ox * stride + j - 1
                            let v = (0..<224).contains(r) && (0..<224).contains(col) ? x[(c * 224 + r) * 224 + col] : 0
                            products[(c * 3 + i) * 3 + j] = v * k[f * 27 + (c * 3 + i) * 3 + j]
                        }
                    }
                }
                let expected = products.withUnsafeBufferPointer(pairwiseSum) + b[f]
                if out[(f * size + oy) * size + ox].bitPattern != expected.bitPattern { return false }
            }
        }
    }
    return true
}

var sink = 0.0
do {
    print("selfcheck conv2d_stride1 \(try selfCheck(stride: 1) ? "bit-identical" : "MISMATCH")")
    print("selfcheck conv2d_stride2 \(try selfCheck(stride: 2) ? "bit-identical" : "MISMATCH")")
    try bench("conv2d_stride1", reps: reps) {
        let out = try conv2d(image, filters, stride: 1, padding: 1, bias: bias)
        sink += out.doubles[0]
    }
    try bench("conv2d_stride2", reps: reps) {
        let out = try conv2d(image, filters, stride: 2, padding: 1, bias: bias)
        sink += out.doubles[0]
    }
    try bench("maxpool2x2_winners", reps: reps) {
        let out = try maxPool2d(maps, size: 2)
        sink += Double(out.winners.count)
    }
} catch {
    print("error: \(error)")
}
print("checksum \(sink)")

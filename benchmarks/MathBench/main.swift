// Times NumPyMath's ported exp, log and tanh against the C library's on 1e6 doubles;
// benchmarks/math.sh runs it beside NumPy. Output: one line per benchmark,
// `bench <name> median_ms=<ms> reps=<n>`, and a `check` line with the path NumPyMath took.
import CNNKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic inputs in [lo, hi) (splitmix64), so every run times the same numbers.
func uniform(_ count: Int, _ lo: Double, _ hi: Double, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return lo + (hi - lo) * (Double(z >> 11) * 0x1p-53)
    }
}

/// Runs `body` `reps` times after one warm-up and prints the median wall time.
func bench(_ name: String, reps: Int, _ body: () -> Double) {
    var sink = body()
    let clock = ContinuousClock()
    var times = [Double]()
    for _ in 0..<reps {
        let elapsed = clock.measure { sink += body() }
        times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
    }
    times.sort()
    print("bench \(name) median_ms=\(times[reps / 2]) reps=\(reps) sink=\(sink.isNaN ? 0 : 1)")
}

/// Applies `f` to every input and returns a sum, so the work cannot be optimized away.
@inline(never)
func run(_ x: [Double], _ out: inout [Double], _ f: (Double) -> Double) -> Double {
    for i in x.indices { out[i] = f(x[i]) }
    return out[x.count / 2]
}

let reps = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 11 : 11
let n = 1_000_000
let expInput = uniform(n, -50, 50, seed: 1)
let logInput = uniform(n, 0, 1000, seed: 2)
let tanhInput = uniform(n, -5, 5, seed: 3)
var out = [Double](repeating: 0, count: n)
print("check svml=\(NumPyMath.usesSVML) tanh_svml=\(NumPyMath.tanhUsesSVML)")
bench("exp_libm", reps: reps) { run(expInput, &out) { exp($0) } }
bench("exp_ported", reps: reps) { run(expInput, &out, NumPyMath.exp) }
bench("log_libm", reps: reps) { run(logInput, &out) { log($0) } }
bench("log_ported", reps: reps) { run(logInput, &out, NumPyMath.log) }
bench("tanh_libm", reps: reps) { run(tanhInput, &out) { tanh($0) } }
bench("tanh_ported", reps: reps) { run(tanhInput, &out, NumPyMath.tanh) }

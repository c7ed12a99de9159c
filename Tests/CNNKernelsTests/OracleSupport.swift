import Foundation
import TestSupport
@testable import CNNKernels

/// Runs Python/NumPy live from the tests, or reports that it cannot.
enum PythonOracle {
    /// The `Oracle/` folder beside the tests.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Oracle")

    /// True when `python3 -c "import numpy"` succeeds (and `CNN_ORACLE_OFFLINE` is not set,
    /// which forces the committed fixtures).
    static let hasNumPy: Bool = ProcessInfo.processInfo.environment["CNN_ORACLE_OFFLINE"] == nil
        && (try? run(["-c", "import numpy"])) != nil

    /// Runs `python3 arguments…` and returns its standard output; throws on a non-zero exit.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError("python3 exited with \(process.terminationStatus): \(errorText)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a Python snippet (with numpy available) and returns its printed lines.
    static func lines(_ code: String) throws -> [String] {
        try run(["-c", code]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

struct OracleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The doubles a `lcg` tensor stands for: splitmix64, (z >> 11) − 2⁵², scaled by 2⁻⁴⁰.
func splitmixDoubles(seed: UInt64, count: Int) -> [Double] {
    var state = seed
    var out = [Double]()
    out.reserveCapacity(count)
    for _ in 0..<count {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        out.append(Double(Int64(z >> 11) - (1 << 52)) * 0x1p-40)
    }
    return out
}

/// Decodes the oracle's JSON tensor: `{"dtype", "shape", "data"}` with floats as int64 bit
/// patterns, or `{"dtype": "float64", "shape": [n], "lcg": seed, "scale": bits}` (splitmix
/// doubles times the scale).
func decodeTensor(_ any: Any?) throws -> Tensor {
    guard let object = any as? [String: Any], let dtype = object["dtype"] as? String,
          let shape = (object["shape"] as? [NSNumber])?.map(\.intValue) else {
        throw OracleError("not a tensor: \(String(describing: any))")
    }
    if let seed = object["lcg"] as? NSNumber {
        let scale = (object["scale"] as? NSNumber).map { Double(bitPattern: UInt64(bitPattern: $0.int64Value)) } ?? 1
        let values = splitmixDoubles(seed: seed.uint64Value, count: shape.reduce(1, *))
        return Tensor(shape: shape, doubles: scale == 1 ? values : values.map { $0 * scale })
    }
    let data = object["data"] as? [Any] ?? []
    switch dtype {
    case "float64":
        return Tensor(shape: shape, doubles: data.map { Double(bitPattern: UInt64(bitPattern: ($0 as! NSNumber).int64Value)) })
    case "int64":
        return Tensor(shape: shape, ints: data.map { ($0 as! NSNumber).intValue })
    case "bool":
        return Tensor(shape: shape, bools: data.map { ($0 as! NSNumber).boolValue })
    default:
        throw OracleError("unknown dtype \(dtype)")
    }
}

/// Bit-for-bit equality: same shape, same dtype, same bits (so NaN == NaN and 0.0 != -0.0).
func sameBits(_ a: Tensor, _ b: Tensor) -> Bool {
    guard a.shape == b.shape else { return false }
    switch (a.storage, b.storage) {
    case let (.float64(x), .float64(y)): return zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
    case let (.int64(x), .int64(y)): return x == y
    case let (.bool(x), .bool(y)): return x == y
    default: return false
    }
}

/// A short description of a tensor for failure messages (floats with their bits).
func describe(_ t: Tensor) -> String {
    let values: [String]
    switch t.storage {
    case .float64(let v): values = v.prefix(12).map { "\($0)" }
    case .int64(let v): values = v.prefix(12).map { "\($0)" }
    case .bool(let v): values = v.prefix(12).map { "\($0)" }
    }
    return "\(t.dtype) \(t.shape) [\(values.joined(separator: ", "))\(t.count > 12 ? ", …" : "")]"
}

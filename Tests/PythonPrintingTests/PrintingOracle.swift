import Foundation
import TestSupport
@testable import CNNKernels
@testable import PythonPrinting

/// The Python/NumPy oracle for the printer tests: `PrintOracle/print_oracle.py` run live
/// when `python3` with NumPy is available, else the committed fixture it produced.
///
/// Environment: `PRINT_ORACLE_SEED` runs the live oracle with another seed,
/// `PRINT_ORACLE_SCALE` multiplies the case counts, `PRINT_ORACLE_FIXTURE=1` forces the
/// committed fixture, `PRINT_ORACLE_VERBOSE=1` prints every mismatch.
struct PrintingOracle: @unchecked Sendable {
    let seed: Int
    let source: String
    let root: [String: Any]

    static let shared: PrintingOracle = load()

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("PrintOracle")
    }

    private static func load() -> PrintingOracle {
        let seed = ProcessInfo.processInfo.environment["PRINT_ORACLE_SEED"].flatMap(Int.init) ?? 20261127
        let environment = ProcessInfo.processInfo.environment
        if environment["PRINT_ORACLE_FIXTURE"] == nil,
           let data = runLive(seed: seed, scale: environment["PRINT_ORACLE_SCALE"] ?? "1"),
           let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            return PrintingOracle(seed: seed, source: "live python3", root: json)
        }
        let fixture = directory.appendingPathComponent("print_oracle_fixture.json")
        let data = (try? Data(contentsOf: fixture)) ?? Data("{}".utf8)
        let json = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        return PrintingOracle(seed: json["seed"] as? Int ?? -1, source: "fixture", root: json)
    }

    private static func runLive(seed: Int, scale: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory.appendingPathComponent("print_oracle.py").path, "--seed", String(seed), "--scale", scale]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    func cases(_ key: String) -> [[String: Any]] { root[key] as? [[String: Any]] ?? [] }

    // MARK: decoding

    static func double(_ hex: Any?) -> Double {
        Double(bitPattern: UInt64(hex as? String ?? "", radix: 16) ?? 0)
    }

    static func object(_ any: Any?) -> PyObject {
        guard let dict = any as? [String: Any], let kind = dict["t"] as? String else { return .none }
        let value = dict["v"]
        switch kind {
        case "bool": return .bool(value as? Bool ?? false)
        case "int": return .int(Int(value as? String ?? "") ?? 0)
        case "float": return .float(double(value))
        case "str": return .str(value as? String ?? "")
        case "tuple": return .tuple((value as? [Any] ?? []).map(object))
        case "list": return .list((value as? [Any] ?? []).map(object))
        case "dict":
            return .dict((value as? [[Any]] ?? []).map { (key: $0[0] as? String ?? "", value: object($0[1])) })
        case "array": return .array(tensor(dict))
        default: return .none
        }
    }

    static func tensor(_ dict: [String: Any]) -> Tensor {
        let shape = dict["shape"] as? [Int] ?? []
        let values = dict["v"] as? [Any] ?? []
        switch dict["dtype"] as? String {
        case "int64": return Tensor(shape: shape, ints: values.map { Int($0 as? String ?? "") ?? 0 })
        case "bool": return Tensor(shape: shape, bools: values.map { $0 as? Bool ?? false })
        default: return Tensor(shape: shape, doubles: values.map(double))
        }
    }
}

/// Counts compared cases and keeps the first mismatch, for one readable failure message.
struct MismatchLog {
    var compared = 0
    var failures = 0
    var first: String?

    mutating func check(_ got: String, _ expected: String, _ context: @autoclosure () -> String) {
        compared += 1
        if got != expected {
            failures += 1
            if ProcessInfo.processInfo.environment["PRINT_ORACLE_VERBOSE"] != nil {
                print("MISMATCH \(context())\n  expected: \(expected.debugDescription)\n  got:      \(got.debugDescription)")
            }
            if first == nil { first = "\(context())\n  expected: \(expected.debugDescription)\n  got:      \(got.debugDescription)" }
        }
    }

    func report(_ what: String) -> String {
        let oracle = PrintingOracle.shared
        let line = "compared \(compared) printer cases (\(what)) against Python/NumPy (\(oracle.source), seed \(oracle.seed))"
        print(line)
        return line + (first.map { "; \(failures) mismatches, first: \($0)" } ?? "")
    }
}

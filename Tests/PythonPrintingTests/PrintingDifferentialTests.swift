import Testing
import TestSupport
@testable import CNNKernels
@testable import PythonPrinting

/// Differential tests: every case's expected text comes from Python/NumPy (see PrintingOracle).
@Suite struct PrintingDifferentialTests {
    let oracle = PrintingOracle.shared

    @Test func oracleHasCases() {
        #expect(oracle.cases("reprs").count > 500, "oracle (\(oracle.source)) returned no cases")
    }

    @Test func floatReprAndStr() {
        var log = MismatchLog()
        for c in oracle.cases("reprs") {
            let x = PrintingOracle.double(c["v"])
            log.check(PyObject.float(x).repr, c["repr"] as? String ?? "", "repr(\(x.bitPattern))")
            log.check(PyObject.float(x).str, c["str"] as? String ?? "", "str(\(x.bitPattern))")
        }
        let summary = log.report("float repr")
        #expect(log.failures == 0, "\(summary)")
    }

    /// NumPy's own `format_float_positional` / `format_float_scientific` with random options:
    /// the Dragon4 engine (unique / exact digits, cutoffs, min_digits, trims, padding).
    @Test func numpyDragon4() {
        var log = MismatchLog()
        for c in oracle.cases("dragon4") {
            let x = PrintingOracle.double(c["v"])
            let trim: NumPyFloatText.Trim
            switch c["trim"] as? String {
            case "k": trim = .keep
            case "0": trim = .leaveOneZero
            case "-": trim = .dropPoint
            default: trim = .dot
            }
            let precision = c["precision"] as? Int ?? -1, minDigits = c["min_digits"] as? Int ?? -1
            let unique = c["unique"] as? Bool ?? true, sign = c["sign"] as? Bool ?? false
            let padLeft = c["pad_left"] as? Int ?? -1, pad = c["pad"] as? Int ?? -1
            let got = c["scientific"] as? Bool == true
                ? NumPyFloatText.scientific(x, precision: precision, unique: unique, minDigits: minDigits, trim: trim,
                                            sign: sign, padLeft: padLeft, exponentDigits: pad)
                : NumPyFloatText.positional(x, precision: precision, unique: unique, minDigits: minDigits, trim: trim,
                                            sign: sign, padLeft: padLeft, padRight: pad)
            log.check(got, c["out"] as? String ?? "", "numpy format_float of \(x) with \(c)")
        }
        let summary = log.report("numpy dragon4")
        #expect(log.failures == 0, "\(summary)")
    }

    @Test func formatSpecs() {
        var log = MismatchLog()
        for c in oracle.cases("formats") {
            let value = PrintingOracle.object(c["value"])
            let spec = c["spec"] as? String ?? ""
            let got: String
            do { got = try value.formatted(spec) } catch { got = "error: " + error.message }
            let expected = c["out"] as? String ?? "error: " + (c["message"] as? String ?? "")
            log.check(got, expected, "format(\(value.repr), \(spec.debugDescription))")
        }
        let summary = log.report("format")
        #expect(log.failures == 0, "\(summary)")
    }

    @Test func numpyArrayStrAndRepr() {
        var log = MismatchLog()
        for c in oracle.cases("arrays") {
            let value = PrintingOracle.object(c["value"])
            guard case .array(let tensor) = value else { continue }
            log.check(value.str, c["str"] as? String ?? "", "str(array shape \(tensor.shape) \(tensor.dtype))")
            log.check(value.repr, c["repr"] as? String ?? "", "repr(array shape \(tensor.shape) \(tensor.dtype))")
        }
        let summary = log.report("numpy str/repr")
        #expect(log.failures == 0, "\(summary)")
    }

    @Test func objectStrAndRepr() {
        var log = MismatchLog()
        for c in oracle.cases("objects") {
            let value = PrintingOracle.object(c["value"])
            log.check(value.str, c["str"] as? String ?? "", "str of \(c["value"] ?? "")")
            log.check(value.repr, c["repr"] as? String ?? "", "repr of \(c["value"] ?? "")")
        }
        let summary = log.report("objects")
        #expect(log.failures == 0, "\(summary)")
    }

    @Test func tolistPrinting() {
        var log = MismatchLog()
        for c in oracle.cases("tolists") {
            guard case .array(let tensor) = PrintingOracle.object(c["value"]) else { continue }
            log.check(tensor.tolist().str, c["str"] as? String ?? "", "str(a.tolist()) shape \(tensor.shape)")
        }
        let summary = log.report("tolist")
        #expect(log.failures == 0, "\(summary)")
    }

    @Test func formatTemplates() {
        var log = MismatchLog()
        for c in oracle.cases("templates") {
            let template = c["template"] as? String ?? ""
            let fields = (c["fields"] as? [[Any]] ?? []).map {
                (key: $0[0] as? String ?? "", value: PrintingOracle.object($0[1]))
            }
            let got: String
            do { got = try pythonFormat(template, fields: fields) } catch { got = "error: " + error.message }
            let expected: String
            if let out = c["out"] as? String {
                expected = out
            } else if c["error"] as? String == "KeyError" || c["error"] as? String == "IndexError" {
                // Python's KeyError text is just the name; ours explains. Only require a throw.
                expected = got.hasPrefix("error: ") ? got : "error: (Python raised \(c["error"] ?? ""))"
            } else {
                expected = "error: " + (c["message"] as? String ?? "")
            }
            log.check(got, expected, "\(template.debugDescription).format(...)")
        }
        let summary = log.report("str.format")
        #expect(log.failures == 0, "\(summary)")
    }
}

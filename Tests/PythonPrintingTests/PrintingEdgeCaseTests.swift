import Testing
import TestSupport
@testable import CNNKernels
@testable import PythonPrinting

/// Hand-picked cases from the brief, each checked against what CPython 3.11 / NumPy 2.4
/// print (values confirmed in a Python session; the differential suite covers the rest).
@Suite struct PrintingEdgeCaseTests {
    @Test(arguments: [
        (1e-05, "1e-05"), (1e16, "1e+16"), (1.5e-07, "1.5e-07"), (0.0001, "0.0001"),
        (123456789012345.0, "123456789012345.0"), (-0.0, "-0.0"), (Double.infinity, "inf"),
        (-Double.infinity, "-inf"), (Double.nan, "nan"), (1e22, "1e+22"), (Double.leastNonzeroMagnitude, "5e-324"),
        (0.1 + 0.2, "0.30000000000000004"), (1.0, "1.0"), (9007199254740993.0, "9007199254740992.0"),
    ])
    func floatRepr(value: Double, expected: String) {
        #expect(PyObject.float(value).repr == expected)
    }

    @Test(arguments: [
        (2.675, ".2f", "2.67"), (0.125, ".2f", "0.12"), (0.375, ".2f", "0.38"), (0.5, ".0f", "0"),
        (1.5, ".0f", "2"), (2.5, ".0f", "2"), (0.1, "", "0.1"), (1e16, "", "1e+16"), (3.0, ".3", "3.0"),
        (123.0, ".3", "1.23e+02"), (1.5, "%", "150.000000%"), (-0.0, "z.1f", "0.0"), (-0.0001, "z.1f", "0.0"),
        (Double.infinity, "010", "0000000inf"), (Double.nan, "+010.2f", "+000000nan"),
        (12345.678, "012,.2f", "0,012,345.68"), (1.5, "#.0f", "2."), (1.5, "#.3g", "1.50"), (1.5, "0<10", "1.50000000"),
    ])
    func floatFormat(value: Double, spec: String, expected: String) throws {
        #expect(try PyObject.float(value).formatted(spec) == expected)
    }

    @Test func hugeFixedFormatPrintsAllDigits() throws {
        let text = try PyObject.float(1e300).formatted("f")
        #expect(text.hasPrefix("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"))
        #expect(text.hasSuffix(".000000"))
        #expect(try PyObject.float(.greatestFiniteMagnitude).formatted("f").count == 309 + 7)
    }

    @Test(arguments: [
        (1234, "010,", "00,001,234"), (-100, "#010x", "-0x0000064"), (255, "#X", "0XFF"), (65, "c", "A"),
        (1 << 40, "_b", "1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"), (5, ".2f", "5.00"), (1, "=5", "    1"),
    ])
    func intFormat(value: Int, spec: String, expected: String) throws {
        #expect(try PyObject.int(value).formatted(spec) == expected)
    }

    @Test(arguments: [
        (PyObject.float(1.5), "d", "Unknown format code 'd' for object of type 'float'"),
        (PyObject.float(1.5), "abc", "Invalid format specifier 'abc' for object of type 'float'"),
        (PyObject.str("a"), ",", "Cannot specify ',' with 's'."),
        (PyObject.int(1), ".2", "Precision not allowed in integer format specifier"),
        (PyObject.bool(true), "s", "Unknown format code 's' for object of type 'bool'"),
        (PyObject.tuple([.int(1)]), "s", "unsupported format string passed to tuple.__format__"),
        (PyObject.array(Tensor(shape: [1], doubles: [1])), "s", "unsupported format string passed to numpy.ndarray.__format__"),
        (PyObject.float(1.5), "99999999999999999999", "Too many decimal digits in format string"),
    ])
    func formatErrors(value: PyObject, spec: String, message: String) {
        #expect(throws: KernelError(message)) { try value.formatted(spec) }
    }

    @Test func boolAndContainerFormats() throws {
        #expect(try PyObject.bool(true).formatted("") == "True")
        #expect(try PyObject.bool(true).formatted(">5") == "    1")
        #expect(try PyObject.tuple([.int(1)]).formatted("") == "(1,)")
        #expect(try PyObject.array(Tensor(shape: [], doubles: [1.5])).formatted(".2f") == "1.50")
        #expect(try PyObject.str("conv").formatted("9s") == "conv     ")
    }

    @Test func reprsOfContainersAndStrings() {
        #expect(PyObject.tuple([]).repr == "()")
        #expect(PyObject.tuple([.int(1)]).repr == "(1,)")
        #expect(PyObject.dict([(key: "a", value: .int(1))]).repr == "{'a': 1}")
        #expect(PyObject.str("it's").repr == "\"it's\"")
        #expect(PyObject.str("a\tb\n\\").repr == "'a\\tb\\n\\\\'")
        #expect(PyObject.str("x").str == "x")
        #expect(PyObject.list([.str("x"), .none]).str == "['x', None]")
    }

    @Test func templateErrors() {
        #expect(throws: KernelError("Single '}' encountered in format string")) { try pythonFormat("a}b", fields: { _ in .int(1) }) }
        #expect(throws: KernelError("no field named 'x' (fields: a, b)")) {
            try pythonFormat("{x}", fields: [(key: "a", value: .int(1)), (key: "b", value: .int(2))])
        }
        #expect(throws: KernelError.self) { try pythonFormat("{x:{y}}", fields: { _ in .int(1) }) }
    }

    @Test func numpyArrays() {
        #expect(PyObject.array(Tensor(shape: [2], doubles: [1, 2])).str == "[1. 2.]")
        #expect(PyObject.array(Tensor(shape: [2], bools: [true, false])).str == "[ True False]")
        #expect(PyObject.array(Tensor(shape: [0], doubles: [])).str == "[]")
        #expect(PyObject.array(Tensor(shape: [2], doubles: [1e-5, 1])).str == "[1.e-05 1.e+00]")
        #expect(PyObject.array(Tensor(shape: [3], doubles: [.nan, 1, -.infinity])).str == "[ nan   1. -inf]")
        #expect(PyObject.array(Tensor(shape: [], doubles: [1e16])).str == "1e+16")
        #expect(PyObject.array(Tensor(shape: [2], doubles: [1, 2.5])).repr == "array([1. , 2.5])")
        let big = Tensor(shape: [1001], ints: Array(0..<1001))
        #expect(PyObject.array(big).str == "[   0    1    2 ...  998  999 1000]")
    }

    @Test func tolistShapes() {
        #expect(Tensor(shape: [], doubles: [2.5]).tolist() == .float(2.5))
        #expect(Tensor(shape: [2, 1], ints: [1, 2]).tolist().str == "[[1], [2]]")
        #expect(Tensor(shape: [2, 0], doubles: []).tolist().str == "[[], []]")
    }
}

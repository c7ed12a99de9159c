import Foundation
import Testing
@testable import CNNKernels

/// The ported SVML tables and coefficients equal, bit for bit, the data in the NumPy binary
/// installed here: `Oracle/svml_tables.py` reads them at their symbols in
/// `_multiarray_umath*.so`, independent of how the Swift literals were written.
@Suite struct SVMLTablesTests {
    static let ported: [String: [Double]] = [
        "exp.th": SVMLExp.th,
        "exp.tlr": SVMLExp.tlr,
        "exp.constants": [SVMLExp.log2e, SVMLExp.shifter, SVMLExp.ln2High, SVMLExp.ln2Low, SVMLExp.c1, SVMLExp.c2,
                          SVMLExp.c3, SVMLExp.c4, SVMLExp.c5, SVMLExp.c6, SVMLExp.callout],
        "exp.rare": SVMLExp.rareTable,
        "log.high": SVMLLog.high,
        "log.low": SVMLLog.low,
        "log.constants": [SVMLLog.ln2High, SVMLLog.ln2Low, SVMLLog.a2, SVMLLog.a3, SVMLLog.a4, SVMLLog.a5,
                          SVMLLog.a6, SVMLLog.a7, SVMLLog.a8, SVMLLog.a9],
        "log2.high": SVMLLog2.high,
        "log2.low": SVMLLog2.low,
        "log2.constants": [SVMLLog2.a2, SVMLLog2.a3, SVMLLog2.a4, SVMLLog2.a5, SVMLLog2.a6, SVMLLog2.a7,
                           SVMLLog2.a8, SVMLLog2.a9, SVMLLog2.a10, SVMLLog2.a11, SVMLLog2.log2e],
        "log10.high": SVMLLog10.high,
        "log10.low": SVMLLog10.low,
        "log10.constants": [SVMLLog10.a2, SVMLLog10.a3, SVMLLog10.a4, SVMLLog10.a5, SVMLLog10.a6, SVMLLog10.a7,
                            SVMLLog10.a8, SVMLLog10.a9, SVMLLog10.a0, SVMLLog10.log10e,
                            SVMLLog10.log10Of2High, SVMLLog10.log10Of2Low],
        "tanh.start": SVMLTanh.start,
        "tanh.coefficients": SVMLTanh.coefficients.flatMap { $0 },
    ]

    @Test(.enabled(if: PythonOracle.hasNumPy, "needs python3 with numpy"))
    func tablesEqualNumPysBinary() throws {
        let json = try PythonOracle.run([PythonOracle.folder.appendingPathComponent("svml_tables.py").path])
        let numpy = try JSONDecoder().decode([String: [UInt64]].self, from: Data(json.utf8))
        #expect(Set(numpy.keys) == Set(Self.ported.keys))
        for (name, values) in Self.ported {
            #expect(values.map(\.bitPattern) == numpy[name], "\(name) differs from NumPy's binary")
        }
    }
}

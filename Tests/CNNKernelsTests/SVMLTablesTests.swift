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

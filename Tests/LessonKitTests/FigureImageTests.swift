import Foundation
import Testing
import CNNKernels
import RasterIO
import TestSupport
@testable import LessonKit

/// `loadImage` and `image()` against Pillow + NumPy, run live: the PNGs come from
/// `Oracle/make_pngs.py` (assembled from chunks, every colour type and bit depth), the
/// expected pixels from Pillow itself.
@Suite(.enabled(if: VerifyTestSupport.pythonHasModule("PIL") && VerifyTestSupport.pythonHasModule("numpy")))
struct FigureImageTests {
    static let script = RenderPaths.oracle.appendingPathComponent("make_pngs.py").path

    struct Entry: Decodable {
        var name: String
        var readable: Bool
    }

    @Test func loadImageEqualsPillowBitForBit() throws {
        let folder = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try VerifyTestSupport.run("python3", [Self.script, folder.path])
        try #require(made.status == 0, "make_pngs.py failed: \(made.stderr)")
        let manifest = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        let readable = manifest.filter(\.readable)
        #expect(readable.count > 200)
        let interpreter = Interpreter()
        interpreter.resourceDirectory = folder.path
        var compared = 0
        for entry in readable {
            for mode in ["L", "RGB"] {
                let base = folder.appendingPathComponent("\(entry.name).\(mode)")
                let shape = try String(contentsOf: base.appendingPathExtension("shape"), encoding: .utf8)
                    .split(separator: ",").map { Int(String($0))! }
                let bytes = try Data(contentsOf: base.appendingPathExtension("f64"))
                let expected = bytes.withUnsafeBytes { raw in
                    (0..<bytes.count / 8).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self).littleEndian }
                }
                let value = try evaluateExpression("loadImage(\"\(entry.name).png\", mode: \"\(mode)\")", in: interpreter)
                guard case .tensor(let tensor) = value, case .float64(let actual) = tensor.storage else {
                    Issue.record("\(entry.name) \(mode): not a float64 tensor: \(value.typeDescription)")
                    continue
                }
                #expect(tensor.shape == shape, "\(entry.name) \(mode)")
                let mismatch = zip(actual, expected).enumerated().first { $0.element.0.bitPattern != $0.element.1 }?.offset
                #expect(actual.count == expected.count && mismatch == nil,
                        "\(entry.name) \(mode): first difference at element \(mismatch ?? -1)")
                compared += 1
            }
        }
        #expect(compared == readable.count * 2)

        // The files Pillow cannot read, and 16-bit ones (which the contract refuses), fail at the argument.
        for entry in manifest where !entry.readable {
            let source = "loadImage(\"\(entry.name).png\")"
            let failure = expressionFailure(source, in: interpreter)
            #expect(failure != nil, "\(entry.name) should not load")
            #expect(failure?.location == SourceLocation(line: 1, column: 11), "\(entry.name): \(failure?.message ?? "")")
        }
        let sixteen = expressionFailure("loadImage(\"gray16.png\")", in: interpreter)
        #expect(sixteen?.message.contains("16-bit") == true)
    }

    /// cnn.md's photo section: the numbers its prose cites equal NumPy + Pillow's on the same file
    /// (`np.sum(window * kernel)` over every 3 × 3 window of the gray photo).
    @Test func cnnPhotoStatisticsMatchNumPy() throws {
        let lessons = Paths.root.appendingPathComponent("lessons")
        let diagnostics = DiagnosticEngine()
        let lesson = try #require(LessonPipeline.evaluate(path: lessons.appendingPathComponent("cnn.md").path, diagnostics: diagnostics),
                                  "\(diagnostics.sorted)")
        let text = PageRenderer.body(lesson).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let script = """
        import numpy as np
        from PIL import Image
        gray = np.asarray(Image.open("images/cracked-panel.png").convert("L"), dtype=np.float64) / 255
        kernel = np.array([[-0.6, -0.6, -0.6], [1.1, 1.1, 1.1], [-0.6, -0.6, -0.6]])
        out = np.empty((gray.shape[0] - 2, gray.shape[1] - 2))
        for r in range(out.shape[0]):
            for c in range(out.shape[1]):
                out[r, c] = np.sum(gray[r:r + 3, c:c + 3] * kernel)
        peak = tuple(int(i) for i in np.unravel_index(np.argmax(out), out.shape))
        print(f"a {gray.shape[0]} x {gray.shape[1]} picture")
        print(f"a {out.shape[0]} x {out.shape[1]} feature map whose strongest response, {out.max():.3f}, sits at {peak}, on the crack.")
        print(f"The weakest, {out.min():.3f}, comes from")
        """
        let result = try VerifyTestSupport.run("python3", ["-c", script], in: lessons)
        try #require(result.status == 0, "\(result.stderr)")
        for line in result.stdout.split(separator: "\n") {
            #expect(text.contains(line), "the page does not say: \(line)")
        }
    }

    /// The writer's bytes depend on the pixels only: same pixels, same file; only IHDR, IDAT and IEND chunks.
    @Test func pngWriterIsDeterministic() throws {
        let raster = Raster(width: 3, height: 2, channels: 3, pixels: (0..<18).map { UInt8($0 * 14) })
        let first = try PNGEncoder.encode(raster), second = try PNGEncoder.encode(raster)
        #expect(first == second)
        var chunks: [String] = []
        var offset = 8
        while offset + 8 <= first.count {
            let length = first[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            chunks.append(String(decoding: first[offset + 4..<offset + 8], as: UTF8.self))
            offset += 12 + length
        }
        #expect(Set(chunks) == ["IHDR", "IDAT", "IEND"] && chunks.last == "IEND", "\(chunks)")
        #expect(try PNGDecoder.decode(first, mode: .rgb) == raster)
    }

    /// Missing files, folders and bad modes are located errors at the call in a lesson, and nothing is written.
    @Test func badPathsAreLocatedErrors() throws {
        let folder = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pictures.png"), withIntermediateDirectories: true)
        try Data("not a png".utf8).write(to: folder.appendingPathComponent("notes.png"))
        let lesson = folder.appendingPathComponent("bad.md")
        try """
        ```{eval}
        let a = loadImage("missing.png")
        let b = loadImage("pictures.png")
        let c = loadImage("notes.png")
        let d = loadImage("notes.png", mode: "CMYK")
        ```
        """.write(to: lesson, atomically: true, encoding: .utf8)
        let diagnostics = DiagnosticEngine()
        let site = folder.appendingPathComponent("site")
        let builder = SiteBuilder(outputDirectory: site.path, diagnostics: diagnostics)
        #expect(builder.render(lessonPaths: [lesson.path]) == nil)
        let errors = diagnostics.sorted.map(\.description)
        #expect(errors.count == 4, "\(errors)")
        #expect(errors.first { $0.contains("2:19: error:") && $0.contains("missing.png") && $0.contains("No such file") } != nil, "\(errors)")
        #expect(errors.first { $0.contains("3:19: error:") && $0.contains("directory") } != nil, "\(errors)")
        #expect(errors.first { $0.contains("4:19: error:") && $0.contains("not a PNG") } != nil, "\(errors)")
        #expect(errors.first { $0.contains("5:38: error:") && $0.contains("\"L\"") } != nil, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    /// `image(x)` writes PNGs whose pixels, decoded by Pillow, are exactly
    /// `np.clip(np.round(x * 255), 0, 255).astype(np.uint8)` (floats) or the integers (int64).
    @Test func imagePNGsDecodeInPillowToTheDocumentedPixels() throws {
        let folder = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 10)
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * Double(generator.next() >> 11) / Double(1 << 53) }
        // Halfway cases of x * 255 (k + 0.5) and values outside [0, 1] that must clip.
        var gray = (0..<5).map { row in (0..<7).map { col in (Double(row * 7 + col) + 0.5) / 255 } }
        gray[0][0] = -0.3
        gray[0][1] = 1.7
        gray[0][2] = 0.0
        gray[0][3] = 1.0
        let rgb = (0..<3).map { _ in (0..<4).map { _ in (0..<6).map { _ in uniform(-0.05, 1.05) } } }
        let ints = (0..<3).map { row in (0..<5).map { col in (row * 97 + col * 31) % 256 } }
        func literal(_ value: Any) -> String {
            if let rows = value as? [Any] { return "[" + rows.map(literal).joined(separator: ", ") + "]" }
            if let double = value as? Double { return Value.double(double).printed }
            return "\(value)"
        }
        let cases: [(name: String, literal: String, float: Bool)] = [
            ("gray", literal(gray), true), ("rgb", literal(rgb), true), ("ints", literal(ints), false),
        ]
        var lesson = "```{eval}\n"
        for c in cases { lesson += "let \(c.name) = \(c.literal)\n" }
        lesson += "```\n"
        for c in cases { lesson += "\n```{figure} image(\(c.name))\n:name: fig-\(c.name)\n```\n" }
        let path = folder.appendingPathComponent("images.md")
        try lesson.write(to: path, atomically: true, encoding: .utf8)
        let diagnostics = DiagnosticEngine()
        let site = folder.appendingPathComponent("site")
        let builder = SiteBuilder(outputDirectory: site.path, diagnostics: diagnostics)
        let files = try #require(builder.render(lessonPaths: [path.path]), "\(diagnostics.sorted)")
        try builder.write(files)
        let html = try String(contentsOf: site.appendingPathComponent("images.html"), encoding: .utf8)

        var check = "import numpy as np, sys\nfrom PIL import Image\nok = True\n"
        for c in cases {
            let id = "id=\"fig-\(c.name)\""
            let figure = try #require(html.range(of: id).map { html[$0.upperBound...] })
            let src = try #require(figure.range(of: "src=\"").map { figure[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(src.hasPrefix("figure-") && src.hasSuffix(".png") && !src.contains("/"))
            let expected = c.float ? "np.clip(np.round(x * 255), 0, 255).astype(np.uint8)" : "x.astype(np.uint8)"
            check += """
            x = np.array(\(c.literal))
            if x.ndim == 3: x = x.transpose(1, 2, 0)
            got = np.asarray(Image.open(\"\(site.appendingPathComponent(String(src)).path)\"))
            want = \(expected)
            if got.dtype != np.uint8 or got.shape != want.shape or not np.array_equal(got, want):
                ok = False; print(\"\(c.name)\", got.shape, want.shape, got.ravel()[:8], want.ravel()[:8])

            """
        }
        check += "sys.exit(0 if ok else 1)\n"
        let result = try VerifyTestSupport.run("python3", ["-c", check])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}

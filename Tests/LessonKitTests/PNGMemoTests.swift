import Foundation
import Testing
import RasterIO
import TestSupport
@testable import LessonKit

/// The PNG memo never changes what a lesson computes: a picture rewritten on disk at the same path
/// (as in `serve`) loads as its new pixels, checked against Pillow run live; a remembered encoding
/// is the encoding; the memo stays within its capacity.
@Suite("PNG memo")
struct PNGMemoTests {
    /// Writes a random `size` × `size` RGB PNG with Pillow at `path` (seeded) and prints
    /// `np.asarray(Image.open(path).convert(mode), dtype=np.float64) / 255` for both modes (RGB
    /// channels first) as JSON lists of the doubles' bit patterns in hex: the oracle's pixels.
    static let writeAndRead = """
    import json, sys
    import numpy as np
    from PIL import Image
    path, seed, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pixels = np.random.default_rng(seed).integers(0, 256, size=(size, size, 3), dtype=np.uint8)
    Image.fromarray(pixels, "RGB").save(path)
    out = {}
    for mode in ["L", "RGB"]:
        a = np.asarray(Image.open(path).convert(mode), dtype=np.float64) / 255
        if mode == "RGB":
            a = a.transpose(2, 0, 1)
        out[mode] = [format(int(bits), "016x") for bits in a.ravel().view(np.uint64)]
    print(json.dumps(out))
    """

    @Test(.enabled(if: Tools.hasPillow, "needs python3 with NumPy and Pillow"))
    func aPictureRewrittenAtTheSamePathLoadsItsNewPixels() throws {
        let folder = try VerifyTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("photo.png").path
        let interpreter = Interpreter()
        interpreter.resourceDirectory = folder.path
        for seed in [1, 2, 1] {  // the third version has the first one's bytes again
            let result = try #require(RenderPython.run(script: Self.writeAndRead, arguments: [path, "\(seed)", "9"]))
            try #require(result.status == 0, "\(result.errors)")
            let expected = try JSONDecoder().decode([String: [String]].self, from: Data(result.output.utf8))
            for mode in ["L", "RGB"] {
                for _ in 0..<2 {  // the second load is remembered
                    let value = try evaluateExpression("loadImage(\"photo.png\", mode: \"\(mode)\")", in: interpreter)
                    guard case .tensor(let tensor) = value, case .float64(let actual) = tensor.storage else {
                        Issue.record("not a float64 tensor: \(value.typeDescription)")
                        continue
                    }
                    let bits = actual.map { String(repeating: "0", count: 16 - String($0.bitPattern, radix: 16).count)
                        + String($0.bitPattern, radix: 16) }
                    #expect(bits == expected[mode], "seed \(seed) mode \(mode)")
                }
            }
        }
    }

    @Test func aRememberedEncodingIsTheEncoding() throws {
        let memo = PNGMemo(capacity: 1 << 20)
        var generator = SplitMix64(seed: 7)
        for channels in [1, 3] {
            let pixels = (0..<(13 * 11 * channels)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let raster = Raster(width: 13, height: 11, channels: channels, pixels: pixels)
            let direct = try PNGEncoder.encode(raster)
            #expect(try memo.encode(raster).bytes == direct)
            #expect(try memo.encode(raster).bytes == direct)
            #expect(try memo.encode(raster).fnv1a == FNV1a.hex(direct))
            // The same pixels in another shape are another picture.
            let transposed = Raster(width: 11, height: 13, channels: channels, pixels: pixels)
            #expect(try memo.encode(transposed).bytes == PNGEncoder.encode(transposed))
            #expect(try PNGDecoder.decode(memo.encode(raster).bytes, mode: channels == 1 ? .luminance : .rgb).pixels == pixels)
        }
    }

    @Test func theMemoStaysWithinItsCapacity() throws {
        let memo = PNGMemo(capacity: 4096)
        for size in [8, 16, 24, 32, 40, 48, 100] {
            let raster = Raster(width: size, height: size, channels: 1, pixels: (0..<size * size).map { UInt8($0 % 251) })
            #expect(try memo.encode(raster).bytes == PNGEncoder.encode(raster))
            #expect(memo.storedBytes <= 4096)
        }
    }
}

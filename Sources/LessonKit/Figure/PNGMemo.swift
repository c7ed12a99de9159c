import Foundation
import RasterIO

/// Decoded and encoded PNGs remembered by content, so that a picture is decoded, and a figure's
/// pixels are compressed, once per process however many lessons use them (a course's shared photo,
/// the 200 lessons of `benchmarks/site.sh`, every rebuild of one lesson in `serve`).
///
/// A pure memo: the key is the whole input (the file's bytes and the mode; the pixels), compared in
/// full on a hit, so a result is always what decoding or encoding that input gives, and the site's
/// bytes do not depend on what was built before. Thread-safe (lessons build in parallel). Bounded:
/// when the remembered keys and values would pass `capacity` bytes, everything is forgotten.
///
///     let raster = try PNGMemo.shared.decode(bytes, mode: .rgb, maxPixels: 1 << 20)  // decodes
///     let again = try PNGMemo.shared.decode(bytes, mode: .rgb, maxPixels: 1 << 20)   // remembered
final class PNGMemo: @unchecked Sendable {
    /// The process's memo: 64 MiB, about 40 photos of 224 × 224 with their decoded pixels.
    static let shared = PNGMemo(capacity: 64 << 20)

    let capacity: Int
    private let lock = NSLock()
    private var decoded: [DecodeKey: Raster] = [:]
    private var encoded: [Bytes: (bytes: [UInt8], fnv1a: String)] = [:]
    private var size = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// `PNGDecoder.decode(bytes, mode:, maxPixels:)`, remembered; errors are not remembered.
    func decode(_ bytes: [UInt8], mode: RasterMode, maxPixels: Int) throws(RasterError) -> Raster {
        let key = DecodeKey(file: Bytes(bytes), mode: mode, maxPixels: maxPixels)
        if let raster = lock.withLock({ decoded[key] }) { return raster }
        let raster = try PNGDecoder.decode(bytes, mode: mode, maxPixels: maxPixels)
        remember(bytes.count + raster.pixels.count) { decoded[key] = raster }
        return raster
    }

    /// `PNGEncoder.encode(raster)` and the file's `fnv1a` content name, remembered; errors are not remembered.
    func encode(_ raster: Raster) throws(RasterError) -> (bytes: [UInt8], fnv1a: String) {
        let key = Bytes(raster.pixels, shape: [raster.width, raster.height, raster.channels])
        if let png = lock.withLock({ encoded[key] }) { return png }
        let bytes = try PNGEncoder.encode(raster)
        let png = (bytes: bytes, fnv1a: FNV1a.hex(bytes))
        remember(raster.pixels.count + bytes.count) { encoded[key] = png }
        return png
    }

    /// The bytes of the keys and values remembered now (at most `capacity`).
    var storedBytes: Int { lock.withLock { size } }

    private func remember(_ cost: Int, _ store: () -> Void) {
        guard cost <= capacity else { return }
        lock.withLock {
            if size + cost > capacity {
                decoded.removeAll()
                encoded.removeAll()
                size = 0
            }
            store()
            size += cost
        }
    }

    /// A byte string with a shape, hashed in one pass over its memory.
    private struct Bytes: Hashable {
        let bytes: [UInt8]
        var shape: [Int] = []

        init(_ bytes: [UInt8], shape: [Int] = []) {
            self.bytes = bytes
            self.shape = shape
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(shape)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private struct DecodeKey: Hashable {
        let file: Bytes
        let mode: RasterMode
        let maxPixels: Int
    }
}

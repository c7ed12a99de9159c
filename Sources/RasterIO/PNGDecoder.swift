import CPNG

/// Reads a PNG with libpng and converts it exactly as Pillow's `Image.open(p).convert(mode)` does.
///
///     let gray = try PNGDecoder.decode(bytes, mode: .luminance)   // Raster, channels 1
///
/// libpng unpacks every 1/2/4/8-bit file to one byte per sample (gray scaled to 0…255, palette
/// kept as indices, interlacing undone); the conversion is then Pillow's (`libImaging/Convert.c`):
///
/// - RGB to L: `L = (19595·R + 38470·G + 7471·B + 0x8000) >> 16` (ITU-R 601-2 in 16-bit fixed point);
///   palette to L applies it to the palette entry.
/// - Alpha is dropped, never composited; a tRNS chunk changes no pixel.
/// - Gray to RGB repeats the gray value in all three channels.
///
/// 16-bit files, corrupt or truncated data and files that are not PNGs throw `RasterError`.
public enum PNGDecoder {
    /// The largest image read: 2^26 pixels (an 8192 × 8192 photo).
    public static let maxPixels = 1 << 26

    public static func decode(_ bytes: [UInt8], mode: RasterMode, maxPixels: Int = maxPixels) throws(RasterError) -> Raster {
        var decoded = lb_png_decoded()
        let status = bytes.withUnsafeBufferPointer { buffer in
            lb_png_decode(buffer.baseAddress, buffer.count, maxPixels, &decoded)
        }
        guard status == 0, let samples = decoded.pixels else {
            let message = withUnsafeBytes(of: &decoded.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw RasterError(message.isEmpty ? "libpng could not read the file" : message)
        }
        defer { free(samples) }
        let width = Int(decoded.width), height = Int(decoded.height), count = width * height
        let channels = Int(decoded.channels)
        let source = UnsafeBufferPointer(start: samples, count: count * channels)
        let palette = withUnsafeBytes(of: &decoded.palette) { Array($0) }
        let paletteCount = Int(decoded.palette_count)
        var pixels = [UInt8](repeating: 0, count: count * mode.channels)
        switch (Int32(decoded.color_type), mode) {
        case (PNG_COLOR_TYPE_PALETTE, _):
            for i in 0..<count {
                let index = Int(source[i])
                // Pillow keeps a 256-entry palette; entries the file does not define are black.
                let entry = index < paletteCount ? Array(palette[3 * index..<3 * index + 3]) : [0, 0, 0]
                store(entry[0], entry[1], entry[2], at: i, mode: mode, in: &pixels)
            }
        case (_, _) where channels <= 2:
            // Gray or gray + alpha: the gray sample, alpha dropped.
            for i in 0..<count {
                let gray = source[i * channels]
                store(gray, gray, gray, at: i, mode: mode, in: &pixels, gray: true)
            }
        default:
            // RGB or RGBA: alpha dropped.
            for i in 0..<count {
                let p = i * channels
                store(source[p], source[p + 1], source[p + 2], at: i, mode: mode, in: &pixels)
            }
        }
        return Raster(width: width, height: height, channels: mode.channels, pixels: pixels)
    }

    /// Pillow's integer luma of an RGB triple (Convert.c `L24(rgb) >> 16`).
    @inlinable
    public static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        UInt8(truncatingIfNeeded: (UInt32(r) * 19595 + UInt32(g) * 38470 + UInt32(b) * 7471 + 0x8000) >> 16)
    }

    private static func store(_ r: UInt8, _ g: UInt8, _ b: UInt8, at i: Int, mode: RasterMode, in pixels: inout [UInt8],
                              gray: Bool = false) {
        switch mode {
        case .luminance:
            pixels[i] = gray ? r : luma(r, g, b)
        case .rgb:
            pixels[3 * i] = r
            pixels[3 * i + 1] = g
            pixels[3 * i + 2] = b
        }
    }
}

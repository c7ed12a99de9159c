/// An 8-bit picture: `channels` samples per pixel (1 gray, 3 RGB), rows top to bottom,
/// samples interleaved (`R G B R G B …`), as Pillow's `Image.tobytes()` lays them out.
public struct Raster: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var channels: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * channels, "pixel count must equal width × height × channels")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }
}

/// The colour mode a PNG is converted to, named as Pillow names it.
public enum RasterMode: String, Sendable, CaseIterable {
    /// 8-bit gray: `Image.convert("L")`.
    case luminance = "L"
    /// 8-bit RGB: `Image.convert("RGB")`.
    case rgb = "RGB"

    public var channels: Int { self == .luminance ? 1 : 3 }
}

/// Why a PNG could not be read or written; `message` is written for the lesson author.
public struct RasterError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

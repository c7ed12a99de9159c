import Foundation

/// An 8-bit sRGB colour, written `rgb(r, g, b)`.
public struct RGBColor: Sendable, Equatable {
    public var red: Int
    public var green: Int
    public var blue: Int
    public init(_ red: Int, _ green: Int, _ blue: Int) { self.red = red; self.green = green; self.blue = blue }

    /// `rgb(12, 34, 56)`.
    public var css: String { "rgb(\(red), \(green), \(blue))" }

    /// WCAG 2 relative luminance, 0 (black) … 1 (white).
    public var relativeLuminance: Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever contrasts more with this colour (WCAG contrast ratio: black
    /// wins when (L + 0.05) / 0.05 ≥ 1.05 / (L + 0.05), i.e. L ≥ 0.179). Either choice gives at
    /// least 4.58:1 on any fill.
    public var readableText: RGBColor {
        relativeLuminance >= 0.1791 ? RGBColor(0, 0, 0) : RGBColor(255, 255, 255)
    }
}

/// How a heatmap maps values onto colours.
///
/// - `gray`: L = round(255 · (v − min) / (max − min)) (Python's `round`, half to even), values
///   outside [min, max] clamped; 128 when max = min. Fill `rgb(L, L, L)`.
/// - `viridis`: matplotlib's viridis, interpolated linearly between its 9 standard samples
///   (`#440154 … #FDE725`) at t = (v − min) / (max − min).
/// - `diverging`: zero is white, −m deep blue (`#2166AC`), +m deep red (`#B2182B`), with
///   m = max(|min|, |max|), interpolated linearly; the default range is symmetric, ±max |v|.
public enum Colormap: String, Sendable, Equatable, CaseIterable {
    case gray
    case viridis
    case diverging

    public func color(for value: Double, min: Double, max: Double) -> RGBColor {
        switch self {
        case .gray:
            let level = Self.grayLevel(value, min: min, max: max)
            return RGBColor(level, level, level)
        case .viridis:
            let t = max > min ? Swift.min(Swift.max((value - min) / (max - min), 0), 1) : 0.5
            return Self.interpolate(Self.viridisStops, at: t)
        case .diverging:
            let m = Swift.max(abs(min), abs(max))
            let t = m > 0 ? Swift.min(Swift.max(value / m, -1), 1) : 0
            let white = RGBColor(255, 255, 255)
            return t < 0 ? Self.mix(white, Self.blue, -t) : Self.mix(white, Self.red, t)
        }
    }

    /// The gray level of the contract: round(255 · (v − min) / (max − min)), clamped to 0…255.
    public static func grayLevel(_ value: Double, min: Double, max: Double) -> Int {
        guard max != min else { return 128 }
        let level = (255 * (value - min) / (max - min)).rounded(.toNearestOrEven)
        guard level.isFinite else { return 128 }
        return Int(Swift.min(Swift.max(level, 0), 255))
    }

    static let blue = RGBColor(0x21, 0x66, 0xAC)
    static let red = RGBColor(0xB2, 0x18, 0x2B)
    static let viridisStops = [
        RGBColor(0x44, 0x01, 0x54), RGBColor(0x47, 0x2D, 0x7B), RGBColor(0x3B, 0x52, 0x8B),
        RGBColor(0x2C, 0x72, 0x8E), RGBColor(0x21, 0x90, 0x8C), RGBColor(0x27, 0xAD, 0x81),
        RGBColor(0x5D, 0xC8, 0x63), RGBColor(0xAA, 0xDC, 0x32), RGBColor(0xFD, 0xE7, 0x25),
    ]

    static func interpolate(_ stops: [RGBColor], at t: Double) -> RGBColor {
        let position = t * Double(stops.count - 1)
        let index = Swift.min(Int(position), stops.count - 2)
        return mix(stops[index], stops[index + 1], position - Double(index))
    }

    static func mix(_ a: RGBColor, _ b: RGBColor, _ t: Double) -> RGBColor {
        func channel(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return RGBColor(channel(a.red, b.red), channel(a.green, b.green), channel(a.blue, b.blue))
    }
}

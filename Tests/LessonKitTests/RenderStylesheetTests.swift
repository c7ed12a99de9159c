import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The stylesheet: WCAG AA contrast of every text/background pair it defines, in both colour
/// schemes (relative luminance and contrast ratio as defined in WCAG 2.1, section 1.4.3), and
/// the features the site relies on.
@Suite struct RenderStylesheetTests {
    /// The custom properties of the `:root` block that starts at `marker`.
    static func variables(after marker: String) -> [String: String] {
        let css = Stylesheet.css
        let start = marker.isEmpty ? css.startIndex : css.range(of: marker)?.lowerBound
        guard let start, let open = css.range(of: ":root {", range: start..<css.endIndex),
              let close = css.range(of: "}", range: open.upperBound..<css.endIndex) else { return [:] }
        var result: [String: String] = [:]
        for declaration in css[open.upperBound..<close.lowerBound].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--") { result[String(parts[0].dropFirst(2))] = parts[1] }
        }
        return result
    }

    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double? {
        guard hex.hasPrefix("#"), hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double? {
        guard let x = luminance(a), let y = luminance(b) else { return nil }
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// (foreground, background, minimum ratio): 4.5 for text, 3 for the focus ring.
    static let pairs: [(String, String, Double)] = [
        ("fg", "bg", 4.5), ("muted", "bg", 4.5), ("link", "bg", 4.5),
        ("code-fg", "code-bg", 4.5), ("line-number", "code-bg", 4.5), ("fg", "code-bg", 4.5),
        ("tok-kw", "code-bg", 4.5), ("tok-str", "code-bg", 4.5), ("tok-num", "code-bg", 4.5),
        ("tok-com", "code-bg", 4.5), ("tok-fn", "code-bg", 4.5), ("tok-bi", "code-bg", 4.5),
        ("tok-op", "code-bg", 4.5), ("tok-dec", "code-bg", 4.5),
        ("out-fg", "out-bg", 4.5), ("out-label", "out-bg", 4.5),
        ("fg", "panel-bg", 4.5), ("muted", "panel-bg", 4.5), ("link", "panel-bg", 4.5),
        ("ok", "panel-bg", 4.5), ("bad", "panel-bg", 4.5), ("button-fg", "button-bg", 4.5),
        ("fg", "mark", 4.5), ("focus", "bg", 3),
    ]

    @Test(arguments: ["", "prefers-color-scheme: dark"])
    func contrastMeetsWCAGAA(scheme: String) {
        let variables = Self.variables(after: scheme)
        #expect(variables.count >= 20, "found the \(scheme.isEmpty ? "light" : "dark") variables")
        for (foreground, background, minimum) in Self.pairs {
            guard let fg = variables[foreground], let bg = variables[background], let ratio = Self.contrast(fg, bg) else {
                Issue.record("missing colour \(foreground) or \(background) in \(scheme)")
                continue
            }
            #expect(ratio >= minimum, "\(foreground) \(fg) on \(background) \(bg): \(ratio) < \(minimum) (\(scheme))")
        }
    }

    @Test func contrastFormulaKnownValues() {
        #expect(abs((Self.contrast("#000000", "#ffffff") ?? 0) - 21) < 1e-9)
        #expect(abs((Self.contrast("#777777", "#ffffff") ?? 0) - 4.48) < 0.01)
    }

    @Test(arguments: [
        "@media (prefers-color-scheme: dark)", "@media print", ":focus-visible", "user-select: none",
        "counter-increment: line", "counter-reset: line", ".visually-hidden", ".correct", ".incorrect",
        ".footnotes", "table.matrix", "pre.output::before", "content: \"Output\"", "math[display=\"block\"]",
        "max-width: 70ch", "overflow-x: auto", "break-inside: avoid", "white-space: pre-wrap", ".question", ".quiz",
    ])
    func hasFeature(_ needle: String) {
        #expect(Stylesheet.css.contains(needle))
    }

    @Test func balancedAndOffline() {
        let css = Stylesheet.css
        #expect(css.filter { $0 == "{" }.count == css.filter { $0 == "}" }.count)
        #expect(!css.contains("url("), "nothing loaded from the network")
        #expect(!css.contains("@import"))
    }
}

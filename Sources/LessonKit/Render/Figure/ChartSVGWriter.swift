import Foundation

/// `bars` and `line` as inline SVG with axes, gridlines and labelled ticks. Axes and text use
/// `currentColor`, so they follow the page's light or dark scheme; series colours are the
/// Okabe–Ito palette (distinguishable with colour-vision deficiencies), lines also dashed
/// differently.
enum ChartSVGWriter {
    static let width = 560.0, height = 320.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 56.0
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"]

    static func bars(_ chart: BarChart, id: String, title: String) -> String {
        let ticks = niceTicks(min(0, chart.values.min()!), max(0, chart.values.max()!))
        let (low, high) = (ticks.first!, ticks.last!)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ v: Double) -> Double { top + plotHeight * (high - v) / (high - low) }
        var svg = svgOpen(classes: "chart bars", width: width, height: height, displayWidth: width, id: id, title: title)
        svg += yAxis(ticks, y: y)
        let slot = plotWidth / Double(chart.values.count)
        let barWidth = slot * 0.7
        for (index, value) in chart.values.enumerated() {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let (y0, y1) = (min(y(0), y(value)), max(y(0), y(value)))
            svg += "<rect class=\"bar\" x=\"\(svgNumber(x))\" y=\"\(svgNumber(y0))\" width=\"\(svgNumber(barWidth))\" "
                + "height=\"\(svgNumber(max(y1 - y0, 0)))\" fill=\"\(palette[0])\" data-label=\"\(HTMLEscaping.escape(chart.labels[index]))\" "
                + "data-value=\"\(HTMLEscaping.escape(chart.reprs[index]))\"/>\n"
            let label = clipped(chart.labels[index], to: max(3, Int(slot / 7)))
            svg += "<text class=\"tick-label\" x=\"\(svgNumber(x + barWidth / 2))\" y=\"\(svgNumber(top + plotHeight + 18))\" "
                + "text-anchor=\"middle\" fill=\"currentColor\">\(HTMLEscaping.escape(label))</text>\n"
        }
        svg += axisLine(x1: left, y1: y(0), x2: width - right, y2: y(0))
        return svg + "</svg>\n"
    }

    static func line(_ chart: LineChart, id: String, title: String) -> String {
        let allY = chart.series.flatMap(\.ys)
        let yTicks = niceTicks(allY.min()!, allY.max()!)
        let xTicks = niceTicks(chart.xs.min()!, chart.xs.max()!)
        let (yLow, yHigh) = (yTicks.first!, yTicks.last!), (xLow, xHigh) = (xTicks.first!, xTicks.last!)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ v: Double) -> Double { top + plotHeight * (yHigh - v) / (yHigh - yLow) }
        func x(_ v: Double) -> Double { left + plotWidth * (v - xLow) / (xHigh - xLow) }
        var svg = svgOpen(classes: "chart line", width: width, height: height, displayWidth: width, id: id, title: title)
        svg += yAxis(yTicks, y: y)
        for tick in xTicks {
            svg += "<text class=\"tick-label\" x=\"\(svgNumber(x(tick)))\" y=\"\(svgNumber(top + plotHeight + 18))\" text-anchor=\"middle\" "
                + "fill=\"currentColor\">\(HTMLEscaping.escape(tickText(tick)))</text>\n"
        }
        svg += axisLine(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight)
        for (index, series) in chart.series.enumerated() {
            let color = palette[index % palette.count], dash = dashes[index % dashes.count]
            let points = zip(chart.xs, series.ys).map { "\(svgNumber(x($0))),\(svgNumber(y($1)))" }.joined(separator: " ")
            svg += "<polyline class=\"series\" data-label=\"\(HTMLEscaping.escape(series.label))\" points=\"\(points)\" fill=\"none\" "
                + "stroke=\"\(color)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            if chart.xs.count <= 60 {
                for (xValue, yValue) in zip(chart.xs, series.ys) {
                    svg += "<circle class=\"point\" cx=\"\(svgNumber(x(xValue)))\" cy=\"\(svgNumber(y(yValue)))\" r=\"3\" fill=\"\(color)\"/>\n"
                }
            }
        }
        let named = chart.series.enumerated().filter { !$0.element.label.isEmpty }
        for (row, (index, series)) in named.enumerated() {
            let color = palette[index % palette.count], dash = dashes[index % dashes.count]
            let ly = top + 8 + Double(row) * 18, lx = width - right - 150
            svg += "<g class=\"legend-entry\"><line x1=\"\(svgNumber(lx))\" y1=\"\(svgNumber(ly))\" x2=\"\(svgNumber(lx + 24))\" y2=\"\(svgNumber(ly))\" "
                + "stroke=\"\(color)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
                + "<text x=\"\(svgNumber(lx + 30))\" y=\"\(svgNumber(ly + 4))\" fill=\"currentColor\">\(HTMLEscaping.escape(clipped(series.label, to: 18)))</text></g>\n"
        }
        return svg + "</svg>\n"
    }

    /// Gridlines and labels of the y axis.
    private static func yAxis(_ ticks: [Double], y: (Double) -> Double) -> String {
        var svg = ""
        for tick in ticks {
            svg += "<line class=\"grid\" x1=\"\(svgNumber(left))\" y1=\"\(svgNumber(y(tick)))\" x2=\"\(svgNumber(width - right))\" "
                + "y2=\"\(svgNumber(y(tick)))\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>\n"
            svg += "<text class=\"tick-label\" x=\"\(svgNumber(left - 8))\" y=\"\(svgNumber(y(tick) + 4))\" text-anchor=\"end\" "
                + "fill=\"currentColor\">\(HTMLEscaping.escape(tickText(tick)))</text>\n"
        }
        return svg + axisLine(x1: left, y1: top, x2: left, y2: height - bottom)
    }

    private static func axisLine(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
        "<line class=\"axis\" x1=\"\(svgNumber(x1))\" y1=\"\(svgNumber(y1))\" x2=\"\(svgNumber(x2))\" y2=\"\(svgNumber(y2))\" stroke=\"currentColor\"/>\n"
    }

    /// 3 to 8 evenly spaced round ticks (steps 1, 2 or 5 × 10^k) covering `low...high`.
    static func niceTicks(_ low: Double, _ high: Double) -> [Double] {
        var (low, high) = (low, high)
        if low == high { (low, high) = low == 0 ? (-1, 1) : (low - abs(low) / 2, high + abs(high) / 2) }
        let raw = high / 5 - low / 5  // never overflows, even for ±1e308
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        // Extreme magnitudes (subnormal steps, ranges near the largest double) fall back to the two ends.
        guard raw > 0, step.isNormal, first.isFinite, last.isFinite, last - first <= 20,
              (first * step).isFinite, (last * step).isFinite else { return [low, high] }
        let ticks = stride(from: first, through: last, by: 1).map { value -> Double in
            let tick = value * step
            return abs(tick) < 1e15 ? (tick * 1e9).rounded() / 1e9 : tick
        }
        return ticks.count >= 2 ? ticks : [low, high]
    }

    /// A tick as Python prints a round number: `0`, `0.5`, `1e-05`, `2000`.
    static func tickText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : Value.double(value).printed
    }

    private static func clipped(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(max(1, length - 1))) + "…"
    }
}

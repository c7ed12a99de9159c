/// Renders a `{figure}` (LESSON-FORMAT.md §6):
///
///     <figure class="computed" id="fig-feature-map">
///     <svg class="figure-svg heatmap" role="img" aria-labelledby="fig-feature-map-title" …>
///     <title id="fig-feature-map-title">Heatmap of a 2 × 2 tensor, …</title>
///     <rect class="cell" data-row="0" data-col="0" data-value="0.852" fill="rgb(…)" …/> …
///     </svg>
///     <details class="figure-data"><summary>Data</summary><table>…</table></details>
///     <figcaption><span class="figure-label">Figure 1.</span> The feature map peaks …</figcaption>
///     </figure>
///
/// Heatmaps, bars and lines are inline SVG; `image(x)` is `<img class="raster">` pointing at
/// its PNG (a relative URL), with marks and outlines in an SVG overlay. Every figure carries
/// its data in a keyboard-reachable "Data" disclosure. Same model, same bytes.
public enum FigureHTMLWriter {
    public static func render(_ model: FigureModel) -> String {
        let id = HTMLEscaping.escape(model.id)
        var html = "<figure class=\"computed\" id=\"\(id)\">\n"
        html += picture(model.figure, id: model.id, alt: model.alt)
        html += "<details class=\"figure-data\"><summary>Data<span class=\"visually-hidden\"> of figure \(model.number)</span></summary>\n"
        html += FigureDataWriter.render(model.figure)
        html += "</details>\n"
        html += "<figcaption><span class=\"figure-label\">Figure \(model.number).</span>"
        if !model.captionHTML.isEmpty { html += " " + model.captionHTML }
        return html + "</figcaption>\n</figure>\n"
    }

    /// The picture of one figure (a panel's too): SVG, or an image with its overlay.
    static func picture(_ figure: Figure, id: String, alt: String) -> String {
        switch figure.content {
        case .heatmap(let map):
            return HeatmapSVGWriter.render(map, marks: figure.marks, outlines: figure.outlines, id: id, title: alt)
        case .image(let image):
            return RasterHTMLWriter.render(image, marks: figure.marks, outlines: figure.outlines, alt: alt)
        case .bars(let chart):
            return ChartSVGWriter.bars(chart, id: id, title: alt)
        case .line(let chart):
            return ChartSVGWriter.line(chart, id: id, title: alt)
        case .panels(let panels):
            var html = "<div class=\"figure-panels\" role=\"group\" aria-label=\"\(HTMLEscaping.escape(alt))\">\n"
            for (index, panel) in panels.enumerated() {
                html += "<div class=\"figure-panel\">\n"
                if !panel.title.isEmpty {
                    html += "<p class=\"panel-title\" aria-hidden=\"true\">\(HTMLEscaping.escape(panel.title))</p>\n"
                }
                let panelAlt = (panel.title.isEmpty ? "" : panel.title + ": ") + FigureDescription.alt(panel.figure)
                html += picture(panel.figure, id: "\(id)-panel-\(index + 1)", alt: panelAlt)
                html += "</div>\n"
            }
            return html + "</div>\n"
        }
    }
}

/// Numbers in SVG attributes: at most 2 decimals, no trailing zeros, no exponent (`12`, `3.5`, `-0.25`).
func svgNumber(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return "0" }  // never reached by the writers' own geometry
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let whole = magnitude / 100, fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
}

/// The opening `<svg>` of a figure, with its accessible name in `<title>`.
func svgOpen(classes: String, width: Double, height: Double, displayWidth: Double, id: String, title: String) -> String {
    let titleID = HTMLEscaping.escape(id + "-title")
    let displayHeight = height * displayWidth / width
    return "<svg class=\"figure-svg \(classes)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" "
        + "width=\"\(svgNumber(displayWidth))\" height=\"\(svgNumber(displayHeight))\" role=\"img\" aria-labelledby=\"\(titleID)\">\n"
        + "<title id=\"\(titleID)\">\(HTMLEscaping.escape(title))</title>\n"
}

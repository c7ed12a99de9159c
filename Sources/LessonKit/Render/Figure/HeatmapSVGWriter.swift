/// A heatmap as inline SVG: one `<rect class="cell">` per element (`data-row`, `data-col`,
/// `data-value` = the element's Python repr, `fill` from the colormap), the annotation of each
/// cell in black or white (whichever reads better on that fill), then marks and outlines.
///
/// Cells are `cell` units square (48 when annotated, else up to 40, shrinking so the grid stays
/// about 480 units wide); the SVG scales to the page width (`max-width: 100%`).
enum HeatmapSVGWriter {
    static func render(_ map: Heatmap, marks: [GridPoint], outlines: [GridRect], id: String, title: String) -> String {
        let longest = map.annotate ? (map.texts.map(\.count).max() ?? 1) : 0
        let cell: Double = map.annotate ? Double(max(48, 9 * longest + 12)) : max(4, min(40, (480 / Double(max(map.columns, map.rows))).rounded(.down)))
        let width = cell * Double(map.columns), height = cell * Double(map.rows)
        let displayWidth = min(width, map.annotate ? 720 : 480)
        var svg = svgOpen(classes: "heatmap", width: width, height: height, displayWidth: displayWidth, id: id, title: title)
        svg += "<g class=\"cells\">\n"
        for row in 0..<map.rows {
            for col in 0..<map.columns {
                let index = row * map.columns + col
                let fill = map.color(at: index)
                svg += "<rect class=\"cell\" x=\"\(svgNumber(Double(col) * cell))\" y=\"\(svgNumber(Double(row) * cell))\" "
                    + "width=\"\(svgNumber(cell))\" height=\"\(svgNumber(cell))\" fill=\"\(fill.css)\" "
                    + "data-row=\"\(row)\" data-col=\"\(col)\" data-value=\"\(HTMLEscaping.escape(map.reprs[index]))\"/>\n"
                if map.annotate {
                    svg += "<text class=\"cell-text\" x=\"\(svgNumber((Double(col) + 0.5) * cell))\" y=\"\(svgNumber((Double(row) + 0.5) * cell))\" "
                        + "text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"\(fill.readableText.css)\">\(HTMLEscaping.escape(map.texts[index]))</text>\n"
                }
            }
        }
        svg += "</g>\n"
        svg += decorations(marks: marks, outlines: outlines, cell: cell)
        return svg + "</svg>\n"
    }

    /// Marks (a ring just inside the cell, white over black, visible on any fill and clear of
    /// the annotation) and outlines (a black rectangle under a dashed yellow one), in cell
    /// coordinates scaled by `cell`.
    static func decorations(marks: [GridPoint], outlines: [GridRect], cell: Double, strokeScale: Double = 1, markRadius: Double? = nil) -> String {
        var svg = ""
        let stroke = max(1, cell / 24) * strokeScale
        for mark in marks {
            let cx = svgNumber((Double(mark.col) + 0.5) * cell), cy = svgNumber((Double(mark.row) + 0.5) * cell)
            let radius = markRadius ?? cell * 0.44
            svg += "<g class=\"mark\" data-row=\"\(mark.row)\" data-col=\"\(mark.col)\">"
                + "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(svgNumber(radius))\" fill=\"none\" stroke=\"#000\" stroke-width=\"\(svgNumber(stroke * 2.5))\"/>"
                + "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(svgNumber(radius))\" fill=\"none\" stroke=\"#fff\" stroke-width=\"\(svgNumber(stroke))\"/>"
                + "</g>\n"
        }
        for rect in outlines {
            let inset = min(stroke, Double(min(rect.width, rect.height)) * cell / 4)
            let x = svgNumber(Double(rect.col) * cell + inset), y = svgNumber(Double(rect.row) * cell + inset)
            let w = svgNumber(Double(rect.width) * cell - 2 * inset), h = svgNumber(Double(rect.height) * cell - 2 * inset)
            let geometry = "x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" fill=\"none\""
            svg += "<g class=\"outline\" data-row=\"\(rect.row)\" data-col=\"\(rect.col)\" data-height=\"\(rect.height)\" data-width=\"\(rect.width)\">"
                + "<rect \(geometry) stroke=\"#000\" stroke-width=\"\(svgNumber(stroke * 3))\"/>"
                + "<rect \(geometry) stroke=\"#ffd33d\" stroke-width=\"\(svgNumber(stroke * 1.5))\" stroke-dasharray=\"\(svgNumber(stroke * 4)) \(svgNumber(stroke * 2))\"/>"
                + "</g>\n"
        }
        return svg
    }
}

/// `image(x)`: `<img class="raster">` pointing at the PNG, drawn at a whole multiple of its
/// size (pixelated, so small tensors show their pixels), with an SVG overlay for marks and
/// outlines in pixel coordinates.
enum RasterHTMLWriter {
    static func render(_ image: RasterFigure, marks: [GridPoint], outlines: [GridRect], alt: String) -> String {
        let (width, height) = (image.raster.width, image.raster.height)
        let scale = max(1, min(32, 240 / max(width, height)))
        let img = "<img class=\"raster\" src=\"\(HTMLEscaping.escape(image.fileName))\" alt=\"\(HTMLEscaping.escape(alt))\" "
            + "width=\"\(width * scale)\" height=\"\(height * scale)\">\n"
        guard !marks.isEmpty || !outlines.isEmpty else { return img }
        let strokeScale = max(Double(width), Double(height)) / 120
        return "<div class=\"raster-frame\">\n" + img
            + "<svg class=\"raster-overlay\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" aria-hidden=\"true\" focusable=\"false\">\n"
            + HeatmapSVGWriter.decorations(marks: marks, outlines: outlines, cell: 1, strokeScale: strokeScale, markRadius: max(0.5, 3 * strokeScale))
            + "</svg>\n</div>\n"
    }
}

/// The data behind a figure as HTML tables, for the figure's "Data" disclosure: what a screen
/// reader or keyboard user reads instead of the picture.
///
/// Heatmaps give every element's repr under "Column 1…n" / "Row 1…m" headers; bars a label and
/// value per bar; lines one row per x; images their pixel levels (0…255) when they have at most
/// `maxImageCells` pixels, else a summary of their size and levels.
enum FigureDataWriter {
    static let maxImageCells = 1_024

    static func render(_ figure: Figure) -> String {
        switch figure.content {
        case .heatmap(let map):
            let rows = (0..<map.rows).map { row in Array(map.reprs[row * map.columns..<(row + 1) * map.columns]) }
            return table(columns: (1...map.columns).map { "Column \($0)" }, rows: rows,
                         rowHeaders: (1...map.rows).map { "Row \($0)" }) + decorationList(figure)
        case .image(let image):
            let raster = image.raster
            let count = raster.width * raster.height
            guard count <= maxImageCells else {
                var (sum, low, high) = (0, UInt8.max, UInt8.min)
                raster.pixels.withUnsafeBufferPointer { levels in
                    for level in levels {
                        sum += Int(level)
                        low = Swift.min(low, level)
                        high = Swift.max(high, level)
                    }
                }
                let mean = Double(sum) / Double(raster.pixels.count)
                let kind = raster.channels == 1 ? "gray" : "RGB"
                return "<p>A \(raster.height) × \(raster.width) \(kind) image with 8-bit levels from \(low) to \(high) "
                    + "(mean \(FigureDescription.short(mean, Value.double(mean).printed))); too many pixels to list.</p>\n" + decorationList(figure)
            }
            let rows = (0..<raster.height).map { row in
                (0..<raster.width).map { col -> String in
                    let start = (row * raster.width + col) * raster.channels
                    return raster.pixels[start..<start + raster.channels].map(String.init).joined(separator: ", ")
                }
            }
            return table(columns: (1...raster.width).map { "Column \($0)" }, rows: rows,
                         rowHeaders: (1...raster.height).map { "Row \($0)" }) + decorationList(figure)
        case .bars(let chart):
            return table(columns: ["Value"], rows: chart.reprs.map { [$0] }, rowHeaders: chart.labels, corner: "Label")
        case .line(let chart):
            let columns = chart.series.enumerated().map { $1.label.isEmpty ? "y" : $1.label }
            let rows = chart.xs.indices.map { i in chart.series.map { $0.reprs[i] } }
            return table(columns: columns, rows: rows, rowHeaders: chart.xReprs, corner: "x")
        case .panels(let panels):
            return panels.enumerated().map { index, panel in
                "<p class=\"panel-data-title\">\(HTMLEscaping.escape(panel.title.isEmpty ? "Panel \(index + 1)" : panel.title))</p>\n"
                    + render(panel.figure)
            }.joined()
        }
    }

    private static func table(columns: [String], rows: [[String]], rowHeaders: [String], corner: String = "") -> String {
        var html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Figure data\" tabindex=\"0\">\n<table class=\"figure-data-table\">\n<thead><tr>"
        html += "<th scope=\"col\">\(HTMLEscaping.escape(corner))</th>"
        for column in columns { html += "<th scope=\"col\">\(HTMLEscaping.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (header, row) in zip(rowHeaders, rows) {
            html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(header))</th>"
            for cell in row { html += "<td class=\"num\">\(HTMLEscaping.escape(cell))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// Marks and outlines in words (rows and columns from 1, as the table heads them).
    private static func decorationList(_ figure: Figure) -> String {
        guard !figure.marks.isEmpty || !figure.outlines.isEmpty else { return "" }
        var items = figure.marks.map { "<li>Marked: row \($0.row + 1), column \($0.col + 1)</li>" }
        items += figure.outlines.map {
            "<li>Outlined: rows \($0.row + 1) to \($0.row + $0.height), columns \($0.col + 1) to \($0.col + $0.width)</li>"
        }
        return "<ul class=\"figure-decorations\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }
}

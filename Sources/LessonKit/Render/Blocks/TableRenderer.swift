/// Renders a `{table}` as `<table class="matrix">` inside a scrolling region.
///
///     TableModel(title: "Kernel", caption: nil, columnHeaders: ["Column 1"], rowHeaders: ["Row 1"], cells: [["-0.6"]])
///     // <div class="table-scroll" role="region" aria-label="Kernel" tabindex="0">
///     // <table class="matrix">
///     // <caption class="visually-hidden">Kernel</caption> (a `:caption:` shows visibly)
///     // <thead><tr><th scope="col">Kernel</th><th scope="col">Column 1</th></tr></thead>
///     // <tbody>
///     // <tr><th scope="row">Row 1</th><td class="num">-0.6</td></tr>
///     // </tbody>
///     // </table>
///     // </div>
///
/// Cells that read as numbers get `class="num"` (right-aligned, tabular figures).
public enum TableRenderer {
    public static func render(_ table: TableModel) -> String {
        var caption = HTMLEscaping.escape(table.caption ?? table.title)
        var html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(caption)\" tabindex=\"0\">\n"
        // Without its own caption the title already heads the table (top-left cell): say it once
        // to the eye and keep the caption for assistive technology. A named table shows its number.
        var captionTag = table.caption == nil ? "<caption class=\"visually-hidden\">" : "<caption>"
        var id = ""
        if let anchor = table.anchor {
            captionTag = "<caption>"
            caption = "<span class=\"label\">\(HTMLEscaping.escape(anchor.label))</span> " + caption
            id = " id=\"\(HTMLEscaping.escape(anchor.elementID))\""
        }
        html += "<table class=\"matrix\"\(id)>\n\(captionTag)\(caption)</caption>\n<thead><tr>"
        html += "<th scope=\"col\">\(HTMLEscaping.escape(table.title))</th>"
        for header in table.columnHeaders {
            html += "<th scope=\"col\">\(HTMLEscaping.escape(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (number, row) in table.cells.enumerated() {
            let header = number < table.rowHeaders.count ? table.rowHeaders[number] : ""
            html += "<tr><th scope=\"row\">\(HTMLEscaping.escape(header))</th>"
            for cell in row {
                let numeric = isNumeric(cell) ? " class=\"num\"" : ""
                html += "<td\(numeric)>\(HTMLEscaping.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// Whether `text` (padding ignored) reads as a number as Python formats them:
    /// `-0.6`, `1,024`, `1e-05`, `12.5%`, `nan`, `-inf`, `True` is not one.
    static func isNumeric(_ text: String) -> Bool {
        var scalars = Substring(text.trimmingSpaces)
        if scalars.first == "-" || scalars.first == "+" || scalars.first == "\u{2212}" { scalars = scalars.dropFirst() }
        if scalars == "nan" || scalars == "inf" { return true }
        if scalars.last == "%" { scalars = scalars.dropLast() }
        var digits = 0
        var seenPoint = false
        var seenExponent = false
        var previous: Character = " "
        for character in scalars {
            let isExponent = character == "e" || character == "E"
            if character.isASCII, character.isNumber {
                digits += 1
            } else if (character == "," || character == "_") && digits > 0 && !seenPoint && !seenExponent {
                // a thousands separator
            } else if character == "." && !seenPoint && !seenExponent {
                seenPoint = true
            } else if isExponent && digits > 0 && !seenExponent {
                seenExponent = true
            } else if (character == "+" || character == "-") && (previous == "e" || previous == "E") {
                // the exponent's sign
            } else {
                return false
            }
            previous = character
        }
        return digits > 0 && previous != "e" && previous != "E"
    }
}

/// Cuts cmark-gfm's HTML at the placeholder markers into ``TemplatePiece``s.
///
///     "<p>a \u{E000}0\u{E001}</p>\n"  ->  [.html("<p>a "), .expression(0), .html("</p>\n")]
enum TemplateSplitter {
    /// The pieces of `html`; adds every expression index met to `seen`.
    static func pieces(_ html: String, seen: inout Set<Int>) -> [TemplatePiece] {
        let bytes = Array(html.utf8)
        var pieces: [TemplatePiece] = []
        var cursor = 0
        for (range, hole) in PlaceholderMarker.holes(in: bytes) {
            if range.lowerBound > cursor {
                pieces.append(.html(String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self)))
            }
            switch hole {
            case .expression(let index):
                pieces.append(.expression(index))
                seen.insert(index)
            case .directive(let index):
                pieces.append(.directive(index))
            case .reference(let index):
                pieces.append(.reference(index))
            }
            cursor = range.upperBound
        }
        if cursor < bytes.count {
            pieces.append(.html(String(decoding: bytes[cursor...], as: UTF8.self)))
        }
        return pieces
    }
}

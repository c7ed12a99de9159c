import CCmarkGFM
import Foundation

/// The one place that touches cmark-gfm. It parses with source positions, reads what Parse/
/// needs into plain Swift values, renders HTML, and frees every C object before returning.
///
/// Options: extensions table, strikethrough, autolink and tasklist; footnotes
/// (`CMARK_OPT_FOOTNOTES`); raw HTML kept (`CMARK_OPT_UNSAFE`); `CMARK_OPT_SOURCEPOS` only
/// while parsing, so the HTML carries no `data-sourcepos`. This equals
/// `cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist -e footnotes`.
enum CommonMarkConverter {
    /// A block's source range, 1-based lines and byte columns as cmark reports them.
    struct Span: Equatable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    /// A fenced code block whose info string the caller may turn into a directive.
    struct FencedBlock {
        /// The info string, backslash escapes and entities already decoded by cmark.
        var info: String
        /// The block's content, each line ending in a newline, container prefixes removed.
        var literal: String
        /// The fence's position (line and column of its first backtick or tilde).
        var span: Span
    }

    /// The result of ``render(_:isDirective:splitTrailingOrderedList:)``.
    struct Rendering {
        /// cmark-gfm's HTML; each directive replaced by `PlaceholderMarker.directive(i)`.
        var html: String
        /// Link and image destinations that contain a placeholder (cmark percent-encodes them).
        var markedDestinations: [String]
        /// Empty links to a name (``CrossReference``), each replaced by
        /// `PlaceholderMarker.reference(i)`: its destination and source position, in document order.
        var references: [(destination: String, span: Span)] = []
        /// When splitting: each item of the trailing ordered list as inline HTML (nil when the
        /// last block is not an ordered list).
        var listItems: [String]?
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE
    static let renderOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE

    /// Registers the core extensions once (cmark's own registration is not thread-safe).
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The spans of every block that holds inline content (paragraphs, headings, tables),
    /// sorted by position: where `{{ }}` may appear.
    static func proseSpans(of markdown: String) -> [Span] {
        withDocument(markdown) { _, document in
            var spans: [Span] = []
            forEachNode(document) { node in
                switch typeName(node) {
                case "paragraph", "heading", "table": spans.append(span(of: node))
                default: break
                }
            }
            return spans.sorted { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }
        }
    }

    /// Parses `markdown`, replaces each fenced code block for which `isDirective` holds by a
    /// directive marker, and renders the document as HTML.
    /// With `markReferences`, empty links to a name become reference markers.
    static func render(_ markdown: String, isDirective: (FencedBlock) -> Bool, markReferences: Bool = false,
                       splitTrailingOrderedList: Bool = false) -> Rendering {
        withDocument(markdown) { parser, document in
            var replaced: [(node: OpaquePointer, block: FencedBlock)] = []
            var destinations: [String] = []
            var references: [(node: OpaquePointer, destination: String, span: Span)] = []
            forEachNode(document) { node in
                switch typeName(node) {
                case "code_block":
                    var length: Int32 = 0
                    var offset: Int32 = 0
                    var character: CChar = 0
                    guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return }
                    let block = FencedBlock(info: string(cmark_node_get_fence_info(node)),
                                            literal: string(cmark_node_get_literal(node)), span: span(of: node))
                    if isDirective(block) { replaced.append((node, block)) }
                case "link", "image":
                    let url = string(cmark_node_get_url(node))
                    if url.unicodeScalars.contains(PlaceholderMarker.open) { destinations.append(url) }
                    if markReferences, typeName(node) == "link", cmark_node_first_child(node) == nil,
                       CrossReference.target(of: url) != nil {
                        references.append((node, url, span(of: node)))
                    }
                default: break
                }
            }
            for (index, item) in replaced.enumerated() {
                guard let marker = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
                cmark_node_set_on_enter(marker, PlaceholderMarker.directive(index))
                if cmark_node_replace(item.node, marker) != 0 {
                    cmark_node_free(item.node)
                } else {
                    cmark_node_free(marker)
                }
            }
            for (index, reference) in references.enumerated() {
                guard let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(marker, PlaceholderMarker.reference(index))
                if cmark_node_replace(reference.node, marker) != 0 {
                    cmark_node_free(reference.node)
                } else {
                    cmark_node_free(marker)
                }
            }
            let extensions = cmark_parser_get_syntax_extensions(parser)
            var listItems: [String]?
            if splitTrailingOrderedList, let last = cmark_node_last_child(document),
               cmark_node_get_type(last) == CMARK_NODE_LIST, cmark_node_get_list_type(last) == CMARK_ORDERED_LIST {
                var items: [String] = []
                var item = cmark_node_first_child(last)
                while let current = item {
                    items.append(itemContent(html(current, extensions: extensions)))
                    item = cmark_node_next(current)
                }
                listItems = items
                cmark_node_unlink(last)
                cmark_node_free(last)
            }
            return Rendering(html: html(document, extensions: extensions), markedDestinations: destinations,
                             references: references.map { ($0.destination, $0.span) }, listItems: listItems)
        }
    }

    // MARK: - C helpers (nothing C-typed leaves this file)

    /// Parses `markdown` and hands the parser and document to `body`; frees both afterwards.
    private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer, OpaquePointer) -> T) -> T {
        _ = registration
        guard let parser = cmark_parser_new(parseOptions) else { preconditionFailure("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { preconditionFailure("cmark_parser_finish failed") }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// Calls `visit` on every node of the tree under `root` on entering it, in document order.
    private static func forEachNode(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    private static func html(_ node: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let rendered = cmark_render_html(node, renderOptions, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// A list item's HTML without its `<li …>` and `</li>` and surrounding line breaks.
    private static func itemContent(_ html: String) -> String {
        var text = Substring(html)
        if text.hasPrefix("<li"), let close = text.firstIndex(of: ">") { text = text[text.index(after: close)...] }
        while text.hasSuffix("\n") { text = text.dropLast() }
        if text.hasSuffix("</li>") { text = text.dropLast(5) }
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    private static func span(of node: OpaquePointer) -> Span {
        Span(startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
             endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

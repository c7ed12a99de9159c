import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The directive blocks: escaping, the contract's HTML hooks, table structure, listing lines.
@Suite struct RenderBlockTests {
    @Test(arguments: [
        ("plain", "plain"),
        (#"<script>&"'"#, "&lt;script&gt;&amp;&quot;&#39;"),
        ("a&amp;b", "a&amp;amp;b"),
        ("→ ünïcode\n\ttab", "→ ünïcode\n\ttab"),
        ("", ""),
    ])
    func escaping(text: String, expected: String) {
        #expect(HTMLEscaping.escape(text) == expected)
        #expect(RenderText.stripTagsAndUnescape(HTMLEscaping.escape(text)) == text)
    }

    @Test func tableStructure() {
        let table = TableModel(title: "Kernel", caption: nil, columnHeaders: ["Column 1", "Column 2"],
                               rowHeaders: ["Row 1", "Row 2"], cells: [["-0.6", "1.1"], ["n/a", "2"]])
        let html = TableRenderer.render(table)
        #expect(html.contains("<table class=\"matrix\">"))
        // No :caption: — the title heads the table already, so the caption is for screen readers only.
        #expect(html.contains("<caption class=\"visually-hidden\">Kernel</caption>"))
        #expect(html.contains("<thead><tr><th scope=\"col\">Kernel</th><th scope=\"col\">Column 1</th><th scope=\"col\">Column 2</th></tr></thead>"))
        #expect(html.contains("<tr><th scope=\"row\">Row 1</th><td class=\"num\">-0.6</td><td class=\"num\">1.1</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Row 2</th><td>n/a</td><td class=\"num\">2</td></tr>"))
        #expect(MarkupTree.sexpr(html) != nil, "table markup is well-formed XML")
    }

    @Test func tableCaptionAndEscaping() {
        let table = TableModel(title: "<t>", caption: "A & B", columnHeaders: ["\"c\""], rowHeaders: ["'r'"], cells: [["<x>"]])
        let html = TableRenderer.render(table)
        #expect(html.contains("<caption>A &amp; B</caption>"))
        #expect(html.contains("aria-label=\"A &amp; B\""))
        #expect(html.contains("<th scope=\"col\">&lt;t&gt;</th><th scope=\"col\">&quot;c&quot;</th>"))
        #expect(html.contains("<th scope=\"row\">&#39;r&#39;</th><td>&lt;x&gt;</td>"))
    }

    @Test(arguments: [
        ("0.05", true), ("-0.6", true), ("38,535,424", true), ("1e-05", true), ("12.5%", true),
        ("nan", true), ("-inf", true), ("  3", true), ("+2", true), ("1_000", true), ("−1", true),
        ("True", false), ("(1, 1)", false), ("", false), ("e5", false), ("1e", false), ("abc", false),
        ("1.2.3", false), ("-", false), (",", false), ("1,2e3,4", false),
    ])
    func numericCells(text: String, numeric: Bool) {
        #expect(TableRenderer.isNumeric(text) == numeric)
    }

    @Test func listingLinesAndCopyText() {
        let code = "def f(x):\n\n    return x < 1  # <done>\n"  // ends with an empty line
        let html = ListingRenderer.render(code: code, language: "python")
        #expect(html.hasPrefix("<pre class=\"listing\" data-lang=\"python\" role=\"group\" aria-label=\"Python code\" tabindex=\"0\"><code>"))
        #expect(html.hasSuffix("</code></pre>\n"))
        #expect(html.components(separatedBy: "<span class=\"line\">").count - 1 == 4, "one span per line, the empty last one included")
        // What a reader copies: the text of <code> (line numbers are CSS-generated).
        #expect(RenderText.stripTagsAndUnescape(html) == code + "\n", "the block ends with one newline after </pre>")
        #expect(html.contains("<span class=\"tok-com\"># &lt;done&gt;</span>"))
    }

    @Test func echoIsASwiftListingWithEvalClass() {
        let html = BlockRenderer.render(.echo(code: "let x = 1"))
        #expect(html.hasPrefix("<pre class=\"listing eval\" data-lang=\"swift\""))
        #expect(html.contains("<span class=\"tok-kw\">let</span>"))
    }

    @Test func outputIsLabelledAndEscaped() {
        let text = "[[0.852 0.789]\n [0.817 0.874]]\n<done> & 'ok'"
        let html = BlockRenderer.render(.output(OutputModel(text: text)))
        #expect(html.hasPrefix("<pre class=\"output\" aria-label=\"Output\""))
        #expect(RenderText.stripTagsAndUnescape(html) == text + "\n")
        #expect(!html.contains("<done>"))
    }

    @Test func mathAndNothing() throws {
        let formula = try MathFormula(tex: "x^2")
        #expect(BlockRenderer.render(.math(formula)) == TeXToMathML.render(formula) + "\n")
        #expect(BlockRenderer.render(.nothing) == "")
    }
}

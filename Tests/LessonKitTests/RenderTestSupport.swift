import Foundation
@testable import LessonKit
#if canImport(FoundationXML)
import FoundationXML
import TestSupport
#endif

/// Runs `python3` for the render tests' live oracles.
enum RenderPython {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `python3 arguments…` with `input` on stdin; nil when python3 cannot be started.
    static func run(_ arguments: [String], input: String = "") -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      errors: String(decoding: err, as: UTF8.self))
    }

    /// Runs a Python program given as text.
    static func run(script: String, arguments: [String] = [], input: String = "") -> Result? {
        run(["-c", script] + arguments, input: input)
    }
}

/// Paths of the render tests' fixtures and oracle scripts.
enum RenderPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/Render")
    static let oracle = testsDirectory.appendingPathComponent("Oracle")
}

/// Reads markup with the XML parser in Foundation (libxml2) and writes its element tree as a
/// compact S-expression, so MathML structure can be compared with expectations written from
/// the MathML spec: `<mfrac><mi>a</mi><mn>2</mn></mfrac>` -> `mfrac(mi"a" mn"2")`.
/// Attributes are listed sorted in brackets: `mo[stretchy=false]"("`.
final class MarkupTree: NSObject, XMLParserDelegate {
    private var stack: [(name: String, attributes: String, children: [String], text: String)] = [("", "", [], "")]

    /// The S-expression of `markup`'s root element, or nil when it is not well-formed XML.
    static func sexpr(_ markup: String, keepAttributes: Set<String> = ["stretchy", "mathvariant", "form", "fence", "width", "display", "largeop", "encoding"]) -> String? {
        let tree = MarkupTree()
        tree.keep = keepAttributes
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = tree
        guard parser.parse(), let root = tree.stack.first?.children.first else { return nil }
        return root
    }

    private var keep: Set<String> = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let kept = attributes.filter { keep.contains($0.key) }.sorted { $0.key < $1.key }
        let text = kept.isEmpty ? "" : "[" + kept.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "]"
        stack.append((elementName, text, [], ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let node = stack.popLast() else { return }
        var result = node.name + node.attributes
        if !node.children.isEmpty {
            result += "(" + node.children.joined(separator: " ") + ")"
        } else if !node.text.isEmpty {
            result += "\"" + node.text + "\""
        }
        stack[stack.count - 1].children.append(result)
    }
}

/// Undoes `HTMLEscaping` and drops tags: the text a browser shows for highlighted code.
enum RenderText {
    static func stripTagsAndUnescape(_ html: String) -> String {
        var text = ""
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" { inTag = true; continue }
            if scalar == ">" && inTag { inTag = false; continue }
            if !inTag { text.unicodeScalars.append(scalar) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Evaluated lessons built in code for the render tests (no questions: the quiz markup is
/// another component's).
enum RenderFixtures {
    static let hostile = #"<script>alert("x")</script>&'"#

    static let listing = """
    import numpy as np

    patch = np.array([
        [0.05, 0.08, 0.06],
        [0.12, 0.92, 0.88],
        [0.08, 0.90, 0.93],
    ])
    kernel = np.array([
        [-0.6, -0.6, -0.6],
        [1.1, 1.1, 1.1],
        [-0.6, -0.6, -0.6],
    ])

    products = patch * kernel
    print(f"row contributions: {products.sum(axis=1).round(3).tolist()}")
    print(f"first response: {products.sum():.3f}")
    """

    static let echo = """
    // Parameters of the dense layer and of the convolution
    let dense = denseParameters(inputs: 224 * 224 * 3, units: 256)
    let conv = convParameters(channels: 3, filters: 16, kernel: 3)
    assert(dense.total == 38_535_424, "dense total")
    """

    /// What the listing prints (seed listing 02_first_response.out without its final newline).
    static let outputText = "row contributions: [-0.114, 2.112, -1.146]\nfirst response: 0.852"

    static let footnotes = """
    <section class="footnotes" data-footnotes>
    <ol>
    <li id="fn-1">
    <p>LeCun et al., Gradient-based learning applied to document recognition. \
    <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
    </li>
    </ol>
    </section>

    """

    /// A lesson with headings, prose holes (one hostile), an echoed `{eval}`, a silent `{eval}`,
    /// two tables, a listing with its output, a formula and a footnote.
    static func lesson() throws -> EvaluatedLesson {
        let patch = TableModel(
            title: "Input patch", caption: nil,
            columnHeaders: (1...4).map { "Column \($0)" }, rowHeaders: (1...2).map { "Row \($0)" },
            cells: [["0.05", "0.08", "0.06", "0.07"], ["0.12", "0.92", "0.88", "0.09"]])
        let hostileTable = TableModel(
            title: hostile, caption: "Labels & <values>",
            columnHeaders: ["<b>", "value"], rowHeaders: ["x & y"],
            cells: [[hostile, "-1,024"]])
        let wide = TableModel(
            title: "Feature map", caption: "A 3 x 12 feature map",
            columnHeaders: (1...12).map { "Column \($0)" }, rowHeaders: (1...3).map { "Row \($0)" },
            cells: (0..<3).map { row in (0..<12).map { column in String(format: "%.2f", Double(row * 12 + column) * 0.37 - 4) } })
        let location = SourceLocation(line: 30, column: 1)
        let blocks: [EvaluatedLesson.Block] = [
            .nothing,
            .echo(code: echo),
            .table(patch),
            .listing(ListingModel(language: "python", code: listing, location: location,
                                  expectedOutput: "row contributions: [-0.114, 2.112, -1.146]\nfirst response: 0.852")),
            .output(OutputModel(text: outputText)),
            .math(try MathFormula(tex: MathTeXToMathMLTests.outputSize)),
            .table(hostileTable),
            .math(try MathFormula(tex: MathTeXToMathMLTests.receptiveField)),
            .table(wide),
        ]
        let template: [TemplatePiece] = [
            .html("<p>A dense layer over a 224 x 224 RGB photo creates "), .expression(0),
            .html(" parameters.<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></p>\n"),
            .directive(0),
            .directive(1),
            .html("<h2>One response</h2>\n<p>A hostile value stays text: "), .expression(1), .html("</p>\n"),
            .directive(2),
            .directive(3),
            .directive(4),
            .html("<h3>Output size</h3>\n<p>For one spatial dimension:</p>\n"),
            .directive(5),
            .directive(6),
            .html("<h3>Receptive field</h3>\n<p>After a layer with kernel size <em>K</em> and stride <em>S</em>:</p>\n"),
            .directive(7),
            .html("<p>A wide feature map scrolls inside its own box:</p>\n"),
            .directive(8),
            .html(footnotes),
        ]
        return EvaluatedLesson(
            path: "lessons/cnn.md", name: "cnn",
            title: "Trace a CNN <over> a \"cracked\" panel & more",
            summary: "Shared kernels, feature-map shapes & pooling.",
            template: template, blocks: blocks,
            inlineTexts: ["38,535,424", hostile], questions: [], quiz: nil)
    }

    /// A lesson with only a title and one paragraph.
    static func minimal(name: String = "intro", title: String = "Intro", summary: String? = nil) -> EvaluatedLesson {
        EvaluatedLesson(path: "lessons/\(name).md", name: name, title: title, summary: summary,
                        template: [.html("<p>Hello.</p>\n")], blocks: [], inlineTexts: [], questions: [], quiz: nil)
    }

    /// Checks a page with Python's html.parser: every non-void element closed in order,
    /// unique ids, no external resources, the expected number of `<script>` elements.
    /// Prints `OK` or one problem a line.
    static let htmlChecker = #"""
import sys
from html.parser import HTMLParser
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.doctype, self.scripts = [], [], set(), False, 0
    def in_math(self):
        return any(t == "math" for t, _ in self.stack)
    def attrs(self, tag, attrs):
        for k, v in attrs:
            if k == "id":
                if v in self.ids: self.errors.append("duplicate id %r" % v)
                self.ids.add(v)
            if k in ("src", "href") and v and ("//" in v.split("#")[0]):
                self.errors.append("external resource %s=%r on <%s>" % (k, v, tag))
        if tag == "script": self.scripts += 1
    def handle_decl(self, decl):
        self.doctype = decl.lower() == "doctype html"
    def handle_starttag(self, tag, attrs):
        self.attrs(tag, attrs)
        if tag not in VOID: self.stack.append((tag, self.getpos()))
    def handle_startendtag(self, tag, attrs):
        self.attrs(tag, attrs)
        if tag not in VOID and not self.in_math():
            self.errors.append("self-closing non-void <%s/> at %s" % (tag, self.getpos()))
    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append("end tag for void <%s> at %s" % (tag, self.getpos())); return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("</%s> at %s does not close %s" % (tag, self.getpos(), self.stack[-1] if self.stack else "anything")); return
        self.stack.pop()
c = Checker()
c.feed(sys.stdin.read()); c.close()
if not c.doctype: c.errors.append("no <!DOCTYPE html>")
for t, pos in c.stack: c.errors.append("<%s> at %s never closed" % (t, pos))
c.errors.append("scripts=%d" % c.scripts) if c.scripts != int(sys.argv[1]) else None
print("\n".join(c.errors) if c.errors else "OK")
"""#
}

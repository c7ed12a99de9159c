import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
import TestSupport
#endif
@testable import LessonKit

/// `{figure}` output parsed as XML (never compared as strings): the contract's hooks hold,
/// cell values are Python's reprs (asked of Python), gray fills follow the documented formula
/// (computed by Python's `round`), marks and outlines sit where asked.
struct FigureSVGTests {
    /// Every element of a well-formed fragment, in document order, with its attributes and text.
    final class Elements: NSObject, XMLParserDelegate {
        struct Element { var name: String; var attributes: [String: String]; var text = "" }
        var all: [Element] = []
        private var open: [Int] = []

        static func parse(_ markup: String) -> [Element]? {
            let collector = Elements()
            let parser = XMLParser(data: Data(markup.utf8))
            parser.delegate = collector
            return parser.parse() ? collector.all : nil
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(all.count)
            all.append(Element(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { all[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        static func withClass(_ name: String, in elements: [Element]) -> [Element] {
            elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }
        }
    }

    /// The `<figure>…</figure>` elements of a page body.
    static func figures(in html: String) -> [String] {
        var result: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<figure class=\"computed\""), let end = rest[start.lowerBound...].range(of: "</figure>\n") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    static func page(_ source: String) throws -> String {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: "figures.md", source: source, diagnostics: diagnostics)
        let evaluated = try #require(lesson, "\(diagnostics.sorted.map(\.description))")
        return PageRenderer.body(evaluated)
    }

    @Test(.enabled(if: VerifyTestSupport.hasPython))
    func heatmapCellsValuesFillsMarksAndOutlines() throws {
        var generator = SplitMix64(seed: 6)
        let (rows, columns) = (5, 7)
        let values = (0..<rows).map { _ in (0..<columns).map { _ in Double(Int64(bitPattern: generator.next()) % 2_000_000) / 1_000_000 } }
        let literal = "[" + values.map { "[" + $0.map { Value.double($0).printed }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        let html = try Self.page("""
        ```{eval}
        let x = \(literal)
        let small = [[1, 2], [3, 4]]
        ```

        ```{figure} small
        ```
        """.replacingOccurrences(of: "```{figure} small\n```", with: """
        ```{figure} heatmap(small)
        :caption: First.
        ```

        ```{figure} heatmap(x, colormap: "gray", annotate: true, format: ".1f").mark([(0, 0), (4, 6)]).outline(row: 1, col: 2, height: 3, width: 4)
        :name: fig-x
        :caption: Peaks at **{{ x.max() }}**.
        ```
        """))
        let figures = Self.figures(in: html)
        try #require(figures.count == 2)
        let elements = try #require(Elements.parse(figures[1]), "not well-formed XML:\n\(figures[1])")
        let figure = try #require(elements.first)
        #expect(figure.name == "figure" && figure.attributes["id"] == "fig-x")
        let caption = try #require(elements.first { $0.name == "figcaption" })
        #expect(caption.text.hasPrefix("Figure 2"))
        #expect(caption.text.contains(Value.double(values.joined().max()!).printed))
        let svg = try #require(elements.first { $0.name == "svg" })
        #expect(svg.attributes["role"] == "img")
        #expect(elements.first { $0.name == "title" }?.text.contains("5 × 7") == true)

        // Expected reprs and gray levels from Python: repr(v) and round(255 * (v - lo) / (hi - lo)).
        let hex = values.joined().map { "float.fromhex('\($0.hexString)')" }.joined(separator: ", ")
        let script = "v = [\(hex)]\nlo, hi = min(v), max(v)\nfor x in v: print(repr(x), round(255 * (x - lo) / (hi - lo)))\n"
        let python = try VerifyTestSupport.run("python3", ["-c", script])
        try #require(python.status == 0, "\(python.stderr)")
        let expected = python.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }

        let cells = Elements.withClass("cell", in: elements)
        #expect(cells.count == rows * columns)
        for cell in cells {
            let row = try #require(cell.attributes["data-row"].flatMap { Int($0) })
            let col = try #require(cell.attributes["data-col"].flatMap { Int($0) })
            let want = expected[row * columns + col]
            #expect(cell.attributes["data-value"] == want[0], "cell \(row), \(col)")
            #expect(cell.attributes["fill"] == "rgb(\(want[1]), \(want[1]), \(want[1]))", "cell \(row), \(col)")
        }
        // Annotations: black on light cells, white on dark ones.
        for text in Elements.withClass("cell-text", in: elements) {
            let fill = text.attributes["fill"]
            #expect(fill == "rgb(0, 0, 0)" || fill == "rgb(255, 255, 255)")
        }

        func box(_ row: Int, _ col: Int) throws -> (x: Double, y: Double, w: Double, h: Double) {
            let cell = try #require(cells.first { $0.attributes["data-row"] == "\(row)" && $0.attributes["data-col"] == "\(col)" })
            return (Double(cell.attributes["x"]!)!, Double(cell.attributes["y"]!)!, Double(cell.attributes["width"]!)!, Double(cell.attributes["height"]!)!)
        }
        let marks = Elements.withClass("mark", in: elements)
        #expect(marks.map { "\($0.attributes["data-row"]!),\($0.attributes["data-col"]!)" } == ["0,0", "4,6"])
        for (mark, (row, col)) in zip(marks, [(0, 0), (4, 6)]) {
            let index = try #require(elements.firstIndex { $0.attributes["class"] == "mark" && $0.attributes["data-row"] == mark.attributes["data-row"] })
            let circle = elements[index + 1]
            let cell = try box(row, col)
            let (cx, cy) = (Double(circle.attributes["cx"]!)!, Double(circle.attributes["cy"]!)!)
            #expect(cx > cell.x && cx < cell.x + cell.w && cy > cell.y && cy < cell.y + cell.h)
        }
        let outlines = Elements.withClass("outline", in: elements)
        try #require(outlines.count == 1)
        #expect(outlines[0].attributes["data-row"] == "1" && outlines[0].attributes["data-col"] == "2")
        #expect(outlines[0].attributes["data-height"] == "3" && outlines[0].attributes["data-width"] == "4")
        let index = try #require(elements.firstIndex { $0.attributes["class"] == "outline" })
        let rect = elements[index + 1]
        let (topLeft, bottomRight) = (try box(1, 2), try box(3, 5))
        let (x, y) = (Double(rect.attributes["x"]!)!, Double(rect.attributes["y"]!)!)
        let (w, h) = (Double(rect.attributes["width"]!)!, Double(rect.attributes["height"]!)!)
        #expect(x >= topLeft.x && x < topLeft.x + topLeft.w / 2 && y >= topLeft.y && y < topLeft.y + topLeft.h / 2)
        #expect(x + w <= bottomRight.x + bottomRight.w && x + w > bottomRight.x + bottomRight.w / 2)
        #expect(y + h <= bottomRight.y + bottomRight.h && y + h > bottomRight.y + bottomRight.h / 2)

        // The data table holds the same reprs, reachable without the picture.
        let tableCells = elements.filter { $0.name == "td" }.map(\.text)
        #expect(tableCells == expected.map { $0[0] })

        // The first figure: numbered 1, a default id, int reprs, and 128 nowhere (max > min).
        let first = try #require(Elements.parse(figures[0]))
        #expect(first.first?.attributes["id"] == "figure-1")
        #expect(first.first { $0.name == "figcaption" }?.text.hasPrefix("Figure 1") == true)
        #expect(Elements.withClass("cell", in: first).map { $0.attributes["data-value"]! } == ["1", "2", "3", "4"])
        #expect(Elements.withClass("cell", in: first).map { $0.attributes["fill"]! }
                == ["rgb(0, 0, 0)", "rgb(85, 85, 85)", "rgb(170, 170, 170)", "rgb(255, 255, 255)"])
    }

    @Test func constantHeatmapIsMidGrayAndChartsAreWellFormed() throws {
        let html = try Self.page("""
        ```{figure} heatmap([[0.5, 0.5], [0.5, 0.5]])
        ```

        ```{figure} bars([3, -1, 2], labels: ["cat", "dog", "<b>"])
        ```

        ```{figure} line([0, 1, 2], [[0.5, 0.25, 0.125], [1.0, 2.0, 3.0]], labels: ["loss", "acc"])
        ```

        ```{figure} panels([heatmap([[1.0, -1.0]], colormap: "diverging"), image([[0.0, 1.0]])], titles: ["Kernel", "Image"])
        ```
        """)
        let figures = Self.figures(in: html)
        try #require(figures.count == 4)
        let constant = try #require(Elements.parse(figures[0]))
        #expect(Elements.withClass("cell", in: constant).allSatisfy { $0.attributes["fill"] == "rgb(128, 128, 128)" })
        let bars = try #require(Elements.parse(figures[1]))
        #expect(Elements.withClass("bar", in: bars).map { $0.attributes["data-value"]! } == ["3", "-1", "2"])
        #expect(Elements.withClass("bar", in: bars).map { $0.attributes["data-label"]! } == ["cat", "dog", "<b>"])
        let line = try #require(Elements.parse(figures[2]))
        #expect(Elements.withClass("series", in: line).map { $0.attributes["data-label"]! } == ["loss", "acc"])
        #expect(line.first { $0.name == "svg" }?.attributes["role"] == "img")
        #expect(figures[3].contains("<img class=\"raster\" src=\"figure-"))
        #expect(figures[3].contains("class=\"cell\""))
        for (index, figure) in figures.enumerated() {
            #expect(figure.contains("<figcaption><span class=\"figure-label\">Figure \(index + 1).</span>"))
            #expect(figure.contains("<details class=\"figure-data\"><summary>Data"))
        }
    }

    /// Issue 10 "Bad input": each a located error at the expression, nothing rendered.
    @Test(arguments: [
        ("heatmap([1.0, 2.0])", "2-D tensor", 21),
        ("heatmap(zeros((0, 3)))", "non-empty", 21),
        ("heatmap([[1.0, 2.0]], min: 2.0, max: 1.0)", "must be less than max", 40),
        ("heatmap([[1.0, 2.0]], min: 1.0, max: 1.0)", "must be less than max", 40),
        ("heatmap([[1.0, 2.0]], colormap: \"jet\")", "unknown colormap \"jet\"", 45),
        ("heatmap([[1.0, 2.0]]).mark([(1, 0)])", "outside the 1 × 2 heatmap", 40),
        ("heatmap([[1.0, 2.0]]).mark((0, 2))", "outside", 40),
        ("heatmap([[1.0, 2.0]]).outline(row: 0, col: 1, height: 1, width: 2)", "fall outside", 35),
        ("bars([1, 2, 3], labels: [\"a\", \"b\"])", "3 values but 2 labels", 37),
        ("image([[[0.0]]])", "[H, W] (gray) or [3, H, W]", 19),
        ("image([[300, 2]])", "0...255", 19),
        ("bars([1, 2], labels: [\"a\", \"b\"]).mark([(0, 0)])", "applies to heatmap and image", 46),
        ("3", "needs a figure", 13),
    ])
    func badInputIsLocated(_ expression: String, _ message: String, _ column: Int) throws {
        let diagnostics = DiagnosticEngine()
        let lesson = LessonPipeline.evaluate(path: "bad.md", source: "text\n\n```{figure} \(expression)\n```\n", diagnostics: diagnostics)
        #expect(lesson == nil)
        let errors = diagnostics.sorted
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.description.hasPrefix("bad.md:3:\(column): error:") == true, "\(errors)")
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
    }

    /// The README's figure example (its second ````markdown block) renders what the README says;
    /// the response, 4.000000000000001 at (1, 1), is NumPy's (padding 1, 3 × 3 cross-correlation).
    @Test func readmeFigureExample() throws {
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "````markdown\n")
        try #require(blocks.count >= 3)
        let lesson = try #require(blocks[2].components(separatedBy: "\n````").first) + "\n"
        let figures = Self.figures(in: try Self.page(lesson))
        try #require(figures.count == 1)
        let elements = try #require(Elements.parse(figures[0]))
        #expect(elements.first?.attributes["id"] == "fig-response")
        #expect(elements.filter { $0.name == "svg" }.allSatisfy { $0.attributes["role"] == "img" })
        #expect(elements.first { $0.name == "figcaption" }?.text == "Figure 1. The vertical-line kernel responds most at 4.00.")
        let marks = Elements.withClass("mark", in: elements)
        #expect(marks.map { [$0.attributes["data-row"], $0.attributes["data-col"]] } == [["1", "1"]])
        #expect(Elements.withClass("cell", in: elements).count == 18)
    }

    @Test func altTextIsInterpolatedAndNamesTheSVGOrThePanelGroup() throws {
        let html = try Self.page("""
        ```{eval}
        let x = [[0.5, 2.0], [1.0, 0.25]]
        ```

        ```{figure} heatmap(x)
        :alt: Peak {{ x.max() }} at {{ x.argmax2d() }} <b>
        ```

        ```{figure} panels([heatmap(x), bars([1, 2], labels: ["a", "b"])], titles: ["Map", "Counts"])
        ```
        """)
        let figures = Self.figures(in: html)
        try #require(figures.count == 2)
        let first = try #require(Elements.parse(figures[0]))
        #expect(first.first { $0.name == "title" }?.text == "Peak 2.0 at (np.int64(0), np.int64(1)) <b>")
        let second = try #require(Elements.parse(figures[1]))
        #expect(Elements.withClass("figure-panels", in: second).first?.attributes["aria-label"] == "2 figures side by side: Map, Counts")
        let titles = second.filter { $0.name == "title" }.map(\.text)
        #expect(titles.count == 2 && titles[0].hasPrefix("Map: Heatmap of a 2 × 2 tensor, values 0.25 to 2.0; highest 2.0 at row 1, column 2"))
        #expect(titles[1].hasPrefix("Counts: Bar chart of 2 values: a 1, b 2"))
    }

    /// The documented colormap ends: diverging −m blue #2166AC, 0 white, +m red #B2182B (m = max |v|);
    /// viridis min #440154, max #FDE725; annotations black or white by WCAG contrast.
    @Test func colormapEndsAndContrast() throws {
        let html = try Self.page("""
        ```{figure} heatmap([[-4.0, 0.0, 2.0]], colormap: "diverging", annotate: true)
        ```

        ```{figure} heatmap([[1, 5, 9]], colormap: "viridis", annotate: true, format: "d")
        ```
        """)
        let figures = Self.figures(in: html)
        try #require(figures.count == 2)
        let diverging = try #require(Elements.parse(figures[0]))
        let fills = Elements.withClass("cell", in: diverging).map { $0.attributes["fill"]! }
        #expect(fills[0] == "rgb(33, 102, 172)" && fills[1] == "rgb(255, 255, 255)")
        #expect(fills[2] == "rgb(217, 140, 149)", "halfway from white to #B2182B")
        let texts = Elements.withClass("cell-text", in: diverging).map { $0.attributes["fill"]! }
        #expect(texts == ["rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(0, 0, 0)"])
        let viridis = try #require(Elements.parse(figures[1]))
        let ends = Elements.withClass("cell", in: viridis).map { $0.attributes["fill"]! }
        #expect(ends.first == "rgb(68, 1, 84)" && ends.last == "rgb(253, 231, 37)")
        #expect(Elements.withClass("cell-text", in: viridis).map(\.text) == ["1", "5", "9"])
    }

    /// Charts of extreme magnitudes render well-formed SVG with finite coordinates (no trap, no "nan").
    @Test(arguments: ["bars([1e308, -1e308], labels: [\"a\", \"b\"])", "bars([5e-324, 1e-320], labels: [\"a\", \"b\"])",
                      "line([0.0, 1e308], [1.0, -1e308])", "line([1, 1, 1], [2.0, 2.0, 2.0])", "bars([0], labels: [\"zero\"])"])
    func extremeCharts(_ expression: String) throws {
        let figures = Self.figures(in: try Self.page("```{figure} \(expression)\n```\n"))
        let elements = try #require(figures.first.flatMap(Elements.parse))
        for element in elements where element.name != "title" {
            for (key, value) in element.attributes where ["x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy"].contains(key) {
                #expect(Double(value)?.isFinite == true, "\(element.name) \(key)=\(value)")
            }
        }
        #expect(!figures[0].contains("nan") && !figures[0].contains("inf"))
    }

    @Test func duplicateNamesAndTheOutputBudgetAreLocatedErrors() throws {
        let duplicate = DiagnosticEngine()
        let twice = "```{figure} heatmap([[1]])\n:name: fig-a\n```\n\n```{figure} heatmap([[2]])\n:name: fig-a\n```\n"
        #expect(LessonPipeline.evaluate(path: "d.md", source: twice, diagnostics: duplicate) == nil)
        #expect(duplicate.sorted.map(\.description) == ["d.md:6:8: error: the name 'fig-a' is already used by Figure 1 on line 2"])

        // 12 figures of 10,000 annotated cells each (about 3.5 MB of HTML apiece): over 32 MiB; the
        // first figure past the budget is reported at its expression, once.
        var source = "```{eval}\nlet big = heatmap(ones((100, 100)) * 0.123456789, annotate: true, format: \".9f\")\n```\n"
        for _ in 0..<12 { source += "\n```{figure} big\n```\n" }
        let budget = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: "b.md", source: source, diagnostics: budget) == nil)
        let errors = budget.sorted
        #expect(errors.count == 1 && errors.allSatisfy { $0.message.contains("figures are too large") && $0.location.column == 13 },
                "\(errors.prefix(2))")
    }

    @Test func workLimitFromFrontMatter() throws {
        // 2 × 3 × 3 → 4 filters: conv2d charges 18 × 72 = 1296 element operations.
        let body = "```{eval}\nlet y = conv2d(ones((2, 3, 3)), ones((4, 2, 3, 3)))\n```\n"
        let diagnostics = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: "w.md", source: "---\nwork-limit: 1000\n---\n\n" + body, diagnostics: diagnostics) == nil)
        let message = diagnostics.sorted.first?.description ?? ""
        #expect(message.hasPrefix("w.md:6:9: error: the lesson does too much tensor work (limit 1000 element operations)"), "\(message)")
        #expect(message.contains("'limits:' then '  work: 4e3'"), "\(message)")
        #expect(LessonPipeline.evaluate(path: "w.md", source: "---\nwork-limit: 2e3\n---\n\n" + body, diagnostics: DiagnosticEngine()) != nil)
        let bad = DiagnosticEngine()
        #expect(LessonPipeline.evaluate(path: "w.md", source: "---\nwork-limit: lots\n---\n\n" + body, diagnostics: bad) == nil)
        #expect(bad.sorted.first?.message.contains("positive whole number") == true)
        #expect(EvaluationLimits.standard.maxTensorWork == 1 << 32)
    }
}

private extension Double {
    /// C99 hex float text (`0x1.8p+1`), which Python's `float.fromhex` reads exactly.
    var hexString: String { String(format: "%a", self) }
}

import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Whole pages and the index: golden snapshots, determinism, escaping, structure, and
/// well-formedness per Python's html.parser (live).
@Suite struct RenderPageTests {
    @Test func pageSnapshot() throws {
        assertSnapshot(PageRenderer.render(try RenderFixtures.lesson()), path: "Render/lesson.html")
    }

    @Test func minimalPageSnapshot() {
        assertSnapshot(PageRenderer.render(RenderFixtures.minimal()), path: "Render/minimal.html")
    }

    @Test func indexSnapshot() throws {
        let lessons = [try RenderFixtures.lesson(), RenderFixtures.minimal(summary: "Start <here> & now.")]
        assertSnapshot(IndexRenderer.render(lessons), path: "Render/index.html")
    }

    @Test func deterministic() throws {
        let first = PageRenderer.render(try RenderFixtures.lesson())
        let second = PageRenderer.render(try RenderFixtures.lesson())
        #expect(Array(first.utf8) == Array(second.utf8))
        let lessons = [RenderFixtures.minimal(name: "b"), RenderFixtures.minimal(name: "a")]
        #expect(IndexRenderer.render(lessons) == IndexRenderer.render(lessons.reversed()))
    }

    @Test func computedTextIsEscaped() throws {
        let page = PageRenderer.render(try RenderFixtures.lesson())
        #expect(page.contains("A hostile value stays text: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>"))
        #expect(!page.contains("<script"), "no script element without questions, and none injected")
        #expect(page.contains("<title>Trace a CNN &lt;over&gt; a &quot;cracked&quot; panel &amp; more</title>"))
        #expect(page.contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>"))
    }

    @Test func pageStructure() throws {
        let lesson = try RenderFixtures.lesson()
        let page = PageRenderer.render(lesson)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"lessonbuild.css\">"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#content\">"))
        #expect(page.contains("<main id=\"content\""))
        #expect(page.contains("<h1>Trace a CNN &lt;over&gt; a &quot;cracked&quot; panel &amp; more</h1>"))
        #expect(page.contains("<p class=\"lead\">Shared kernels, feature-map shapes &amp; pooling.</p>"))
        #expect(page.contains("<footer"))
        #expect(page.contains("lessonbuild"))
        #expect(page.contains("<a href=\"index.html\">"))
        #expect(page.contains(RenderFixtures.footnotes), "cmark-gfm's footnotes pass through verbatim")
        #expect(page.contains("<table class=\"matrix\">"))
        #expect(page.contains("<pre class=\"listing\""))
        #expect(page.contains("<pre class=\"listing eval\""))
        #expect(page.contains("<pre class=\"output\""))
        #expect(page.contains("<math display=\"block\""))
        #expect(page.hasSuffix("</body>\n</html>\n"))
    }

    @Test func templateOrderAndHoles() {
        var lesson = RenderFixtures.minimal()
        lesson.template = [.html("<p>a "), .expression(0), .html(" b</p>\n"), .directive(0), .html("<p>c</p>\n"),
                           .expression(7), .directive(9)]
        lesson.inlineTexts = ["1 < 2"]
        lesson.blocks = [.output(OutputModel(text: "out"))]
        let body = PageRenderer.body(lesson)
        #expect(body == "<p>a 1 &lt; 2 b</p>\n" + OutputRenderer.render(OutputModel(text: "out")) + "<p>c</p>\n",
                "html verbatim, holes filled in order, out-of-range holes render nothing")
    }

    @Test func titleFallsBackToName() {
        let page = PageRenderer.render(RenderFixtures.minimal(name: "pooling", title: ""))
        #expect(page.contains("<title>pooling</title>"))
        #expect(!page.contains("class=\"lead\""))
    }

    @Test func indexSortsByFileNameAndLinks() {
        let entries = [("b", "Bee"), ("a-2", "A two"), ("B", "Upper"), ("a", "A"), ("my lesson", "Spaces")]
            .map { IndexRenderer.Entry(name: $0.0, title: $0.1, summary: nil) }
        let html = IndexRenderer.render(entries: entries)
        let links = html.components(separatedBy: "<li><a href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links == ["B.html", "a.html", "a-2.html", "b.html", "my%20lesson.html"])
        #expect(html.contains("<link rel=\"stylesheet\" href=\"lessonbuild.css\">"))
    }

    @Test(.enabled(if: Tools.hasPython, "needs python3 (html.parser)"), arguments: ["lesson", "minimal", "index"])
    func wellFormedPerPythonHTMLParser(kind: String) throws {
        let html: String
        switch kind {
        case "lesson": html = PageRenderer.render(try RenderFixtures.lesson())
        case "minimal": html = PageRenderer.render(RenderFixtures.minimal())
        default: html = IndexRenderer.render([try RenderFixtures.lesson(), RenderFixtures.minimal()])
        }
        let result = try #require(RenderPython.run(script: RenderFixtures.htmlChecker, arguments: ["0"], input: html))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "OK\n")
    }

    /// The checker itself catches what it is meant to catch.
    @Test(.enabled(if: Tools.hasPython, "needs python3 (html.parser)"))
    func htmlCheckerRejectsBrokenMarkup() throws {
        let broken = "<!DOCTYPE html><html><body><p><b>x</p><img src=\"https://cdn.example/x.png\"></body></html>"
        let result = try #require(RenderPython.run(script: RenderFixtures.htmlChecker, arguments: ["0"], input: broken))
        #expect(result.output.contains("does not close"))
        #expect(result.output.contains("external resource"))
    }
}

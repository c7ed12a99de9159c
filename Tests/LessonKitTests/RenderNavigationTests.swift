import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Heading ids, self-links and the table of contents, checked on the rendered page as Python's
/// html.parser reads it, against the github-slugger package's slugs (run live).
@Suite("Render navigation")
struct RenderNavigationTests {
    static let lesson = """
    ---
    title: Headings
    ---

    ```{eval}
    let n = 112
    ```

    ## One filter, one response

    Text.

    ## The `conv2d` call & its output: {{ n }} × {{ n }}

    ### Step 1.5 — stride (s) = 2!

    ## One filter, one response

    ## Content

    ### Über die Faltung

    #### Deep <em>heading</em> &amp; more

    ## Quiz q1

    ```{question} numeric
    :answer: n
    What is n?
    ```

    ```{quiz}
    :pass: 50%
    ```

    """

    static func page() throws -> String {
        let folder = try NavigationSupport.folder(["headings.md": lesson])
        let diagnostics = DiagnosticEngine()
        let evaluated = try #require(LessonPipeline.evaluate(path: folder.appendingPathComponent("headings.md").path,
                                                             diagnostics: diagnostics), "\(diagnostics.sorted)")
        return PageRenderer.render(evaluated)
    }

    @Test(.enabled(if: NavigationSupport.hasOracle, "python3 with github_slugger (PyPI github-slugger) needed"))
    func headingIdsAreGitHubSlugsOfTheRenderedText() throws {
        let outline = try NavigationSupport.outline(try Self.page())
        let texts = outline.headings.map(\.text)
        #expect(texts.contains("The conv2d call & its output: 112 × 112"), "computed text is part of the heading: \(texts)")
        #expect(texts.contains("Deep heading & more"))
        // The page's other ids are taken first, so a heading never reuses one ("Content", "Quiz q1").
        let headingIDs = outline.headings.compactMap(\.id)
        let otherIDs = outline.ids.filter { !headingIDs.contains($0) }
        #expect(otherIDs.contains("content") && otherIDs.contains("quiz-q1"))
        let expected = try NavigationSupport.slugs(otherIDs + texts).suffix(texts.count)
        #expect(headingIDs == Array(expected))
        #expect(headingIDs.contains("one-filter-one-response-1") && headingIDs.contains("content-1"))
        #expect(Set(outline.ids).count == outline.ids.count, "ids are unique: \(outline.ids)")
    }

    @Test(.enabled(if: NavigationSupport.hasOracle, "python3 with github_slugger needed"))
    func everyHeadingHasALabelledSelfLinkAndTheTOCListsH2AndH3() throws {
        let outline = try NavigationSupport.outline(try Self.page())
        #expect(outline.selfLinks.count == outline.headings.count)
        for (link, heading) in zip(outline.selfLinks, outline.headings) {
            #expect(link.href == "#" + (heading.id ?? "?"))
            #expect(link.text.contains("Link to the section") && link.text.contains(heading.text), "\(link.text)")
        }
        let contents = outline.headings.filter { $0.level == 2 || $0.level == 3 }
        #expect(outline.toc.map(\.href) == contents.map { "#" + ($0.id ?? "?") })
        #expect(outline.toc.map(\.text) == contents.map(\.text))
        #expect(outline.skip == ["#content", "#toc"])
        #expect(outline.skip.allSatisfy { outline.ids.contains(String(($0 ?? "#").dropFirst())) })
    }

    @Test func slugRulesOnTheirOwn() {
        var slugger = HeadingSlugger()
        slugger.reserve("content")
        #expect(slugger.slug("Content") == "content-1")
        #expect(slugger.slug("Hello, World!") == "hello-world")
        #expect(slugger.slug("Hello, World!") == "hello-world-1")
        #expect(slugger.slug("hello-world-1") == "hello-world-1-1")
        #expect(HeadingSlugger.slug("a_b-c  d") == "a_b-c--d")
        #expect(HeadingSlugger.slug("½") == "", "GitHub's slug is empty; the renderer then uses `section`")
        #expect(PageOutline(parts: [("<h2>½</h2>\n", true)], reserved: []).headings.map(\.id) == ["section"])
    }

    @Test func directiveBlocksAreNotScannedForHeadings() {
        let outline = PageOutline(parts: [("<h2>A</h2>\n", true), ("<h2>raw block</h2>\n", false)], reserved: [])
        #expect(outline.headings.map(\.text) == ["A"])
        #expect(outline.html.hasSuffix("<h2>raw block</h2>\n"))
    }

    @Test func aPageWithoutHeadingsHasNoTOCAndACourseOfOne() {
        let page = PageRenderer.render(RenderFixtures.minimal())
        #expect(!page.contains("class=\"toc\"") && !page.contains("href=\"#toc\""))
        #expect(page.contains("<nav class=\"course\"") && page.contains("aria-current=\"page\""))
        #expect(!page.contains("rel=\"prev\"") && !page.contains("rel=\"next\""))
    }
}

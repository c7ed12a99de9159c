import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// The rendered page in a real browser (headless Chromium via selenium, live when installed):
/// no sideways page scrolling at 320, 390 and 1200 px, copying a listing gives the code without
/// line numbers, the formula renders as MathML with a real fraction, the dark scheme and the
/// print stylesheet apply, and the accessibility tree reads listings without their line numbers. Set `RENDER_SAMPLE_DIR` to keep the page and viewport screenshots.
@Suite struct RenderBrowserTests {
    @Test(.enabled(if: Tools.hasChromium, "needs chromium, chromedriver and selenium"))
    func pageInHeadlessChromium() throws {
        let keep = ProcessInfo.processInfo.environment["RENDER_SAMPLE_DIR"]
        let directory = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("lessonbuild-render-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let lesson = try RenderFixtures.lesson()
        try Data(PageRenderer.render(lesson).utf8).write(to: directory.appendingPathComponent("cnn.html"))
        try Data(IndexRenderer.render([lesson]).utf8).write(to: directory.appendingPathComponent("index.html"))
        try Data(Stylesheet.css.utf8).write(to: directory.appendingPathComponent(Stylesheet.fileName))

        let script = RenderPaths.oracle.appendingPathComponent("render_browser_check.py").path
        var arguments = [script, directory.appendingPathComponent("cnn.html").path]
        if keep != nil { arguments.append(directory.path) }
        let result = try #require(RenderPython.run(arguments))
        #expect(result.status != 3, "the browser could not be started: \(result.errors)")
        #expect(result.status == 0, "\(result.errors)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: Any]] ?? [:]
        for width in ["320", "390", "1200"] {
            guard let facts = json[width] else {
                Issue.record("no facts for width \(width)")
                continue
            }
            let scrollWidth = facts["scrollWidth"] as? Int ?? -1
            let clientWidth = facts["clientWidth"] as? Int ?? 0
            #expect(scrollWidth <= clientWidth, "page scrolls sideways at \(width)px: \(scrollWidth) > \(clientWidth)")
            #expect(facts["copied"] as? String == RenderFixtures.echo, "copying the first listing at \(width)px")
            #expect((facts["lineNumber"] as? String)?.contains("counter(line)") == true)
            #expect(facts["lineSelect"] as? String == "none")
            #expect((facts["outputLabel"] as? String)?.contains("Output") == true)
            #expect((facts["fracHeight"] as? Double ?? 0) > 20, "the fraction stacks numerator over denominator")
            #expect((facts["mathWidth"] as? Double ?? 0) > 50)
        }
        let listing = json["accessibility"]?["pre.listing"] as? [String: Any]
        #expect(listing?["role"] as? String == "group")
        #expect(listing?["name"] as? String == "Lesson code (Swift)")
        #expect(listing?["text"] as? String == RenderFixtures.echo, "screen readers get the code without line numbers")
        let output = json["accessibility"]?["pre.output"] as? [String: Any]
        #expect(output?["name"] as? String == "Output")
        #expect(output?["text"] as? String == RenderFixtures.outputText, "the visible label is not read twice")
        #expect(json["dark"]?["background"] as? String == "rgb(13, 17, 23)")
        #expect(json["print"]?["nav"] as? String == "none")
        #expect(json["print"]?["preWrap"] as? String == "pre-wrap")
        #expect(json["print"]?["breakInside"] as? String == "avoid")
        print("browser check: \(json.keys.sorted())")
    }
}

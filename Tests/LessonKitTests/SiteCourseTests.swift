import Foundation
import Testing
import TestSupport
@testable import LessonKit

/// Course order from `course.yml` or `order:`, the navigation it gives every page (read back with
/// Python's html.parser), the index, and `course.yml`'s located errors.
@Suite("Site course")
struct SiteCourseTests {
    static let courseYAML = """
    title: A course & more
    lessons:
      - zeta.md
      - intro.md
      - alpha.md

    """
    static let lessons = [
        "zeta.md": "---\ntitle: Zeta first\n---\n\n## Start\n\nText.\n",
        "intro.md": "---\ntitle: Intro <second>\n---\n\n## Middle\n\n```{question} numeric\n:answer: 3\nHow many?\n```\n",
        "alpha.md": "Alpha has no front matter.\n\n## End\n\n### Really\n",
    ]
    static let order = ["zeta", "intro", "alpha"]
    static let titles = ["Zeta first", "Intro <second>", "alpha"]

    static func course() throws -> (folder: URL, files: [String: String]) {
        let folder = try NavigationSupport.folder(lessons.merging(["course.yml": courseYAML]) { a, _ in a })
        let paths = try LessonFiles.expand([folder.path])
        let built = NavigationSupport.build(paths)
        #expect(built.diagnostics.isEmpty, "\(built.diagnostics)")
        return (folder, built.files)
    }

    @Test(.enabled(if: NavigationSupport.hasOracle, "python3 needed"))
    func everyPageListsTheCourseInOrderWithItselfCurrentAndItsNeighbours() throws {
        let (_, files) = try Self.course()
        let hrefs = Self.order.map { $0 + ".html" }
        for (index, name) in Self.order.enumerated() {
            let outline = try NavigationSupport.outline(try #require(files[name + ".html"]))
            #expect(outline.course.map(\.href) == hrefs, "\(name)")
            #expect(outline.course.map(\.text) == Self.titles)
            #expect(outline.course.map(\.current) == hrefs.indices.map { $0 == index ? "page" : nil })
            #expect(outline.prev == (index > 0 ? [hrefs[index - 1]] : []))
            #expect(outline.next == (index + 1 < hrefs.count ? [hrefs[index + 1]] : []))
            let navLabels = outline.landmarks.filter { $0[0] == "nav" }.map { $0[1] }
            #expect(Set(navLabels).count == navLabels.count && !navLabels.contains(""), "each nav has its own label: \(navLabels)")
            #expect(outline.landmarks.contains { $0[0] == "main" })
            #expect(Set(outline.ids).count == outline.ids.count)
        }
    }

    @Test func indexListsTheCourseInOrderUnderItsTitleWithEachQuizKey() throws {
        let (_, files) = try Self.course()
        let index = try #require(files["index.html"])
        #expect(index.contains("<h1>A course &amp; more</h1>") && index.contains("<title>A course &amp; more</title>"))
        let links = index.components(separatedBy: "<li><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(links == Self.order.map { $0 + ".html" })
        // The mark carries the key the quiz script stores completion under (from the page's own data).
        let page = try #require(files["intro.html"])
        let key = try #require(IndexStatus.quizKey(inPage: page))
        #expect(key.hasPrefix("lessonbuild:intro:"))
        #expect(index.contains("data-quiz-key=\"\(key)\" hidden>"))
        #expect(index.components(separatedBy: "data-quiz-key=").count == 2, "only lessons with a quiz get a mark")
    }

    @Test func buildingOneLessonGivesTheSamePageAsBuildingTheFolder() throws {
        let (folder, files) = try Self.course()
        let one = NavigationSupport.build([folder.appendingPathComponent("intro.md").path])
        #expect(one.files["intro.html"] == files["intro.html"])
    }

    @Test func withoutCourseFileOrderFrontMatterThenFileName() throws {
        let folder = try NavigationSupport.folder([
            "b.md": "---\norder: 2\n---\nB\n", "a.md": "---\norder: 10\n---\nA\n",
            "d.md": "D\n", "c.md": "---\ntitle: C\n---\nC\n", "_part.md": "not a lesson\n", "e.md": "---\norder: 2\n---\nE\n",
        ])
        let outline = Course.outline(for: [folder.appendingPathComponent("c.md").path], diagnostics: DiagnosticEngine())
        #expect(outline.lessons.map(\.name) == ["b", "e", "a", "c", "d"])
        #expect(outline.title == "Lessons")
    }

    @Test func aNonNumericOrderIsALocatedError() throws {
        let text = "---\ntitle: X\norder: soon\n---\nX\n"
        let folder = try NavigationSupport.folder(["x.md": text])
        let diagnostics = DiagnosticEngine()
        _ = Course.outline(for: [folder.appendingPathComponent("x.md").path], diagnostics: diagnostics)
        let location = NavigationSupport.location(of: "soon", in: text)
        #expect(diagnostics.sorted.map(\.location) == [location])
        #expect(diagnostics.sorted.first?.message.contains("`order` must be a number") == true)
    }

    @Test func courseFileProblemsAreErrorsAtTheirPlace() throws {
        let yaml = """
        title: Broken
        lessons:
          - zeta.md
          - missing.md
          - zeta.md
          - sub/x.md
        extra: 1

        """
        let folder = try NavigationSupport.folder(["course.yml": yaml, "zeta.md": "Z\n", "alpha.md": "A\n"])
        let built = NavigationSupport.build([folder.appendingPathComponent("zeta.md").path])
        let coursePath = folder.appendingPathComponent("course.yml").path
        let expected: [(LessonKit.SourceLocation, String)] = [
            (NavigationSupport.location(of: "lessons:", in: yaml), "alpha.md is not in the course"),
            (NavigationSupport.location(of: "missing.md", in: yaml), "missing.md is not a lesson in this folder"),
            (NavigationSupport.location(of: "zeta.md", in: yaml, occurrence: 2), "zeta.md is listed twice (first on line 3)"),
            (NavigationSupport.location(of: "sub/x.md", in: yaml), "`sub/x.md` is not a lesson file name"),
            (NavigationSupport.location(of: "extra", in: yaml), "unknown key `extra`"),
        ]
        #expect(built.files.isEmpty, "nothing is built with a broken course")
        #expect(built.diagnostics.allSatisfy { $0.path == coursePath && $0.severity == .error })
        #expect(built.diagnostics.count == expected.count, "\(built.diagnostics)")
        for (location, message) in expected {
            #expect(built.diagnostics.contains { $0.location == location && $0.message.hasPrefix(message) },
                    "\(location) \(message) in \(built.diagnostics.map(\.description))")
        }
    }

    @Test func invalidYAMLIsLocatedToo() throws {
        let folder = try NavigationSupport.folder(["course.yml": "title: a: b\nlessons: [x.md\n", "x.md": "X\n"])
        let built = NavigationSupport.build([folder.appendingPathComponent("x.md").path])
        #expect(built.diagnostics.count >= 1)
        #expect(built.diagnostics.first?.description.hasPrefix(folder.appendingPathComponent("course.yml").path + ":1:") == true,
                "\(built.diagnostics)")
        #expect(built.diagnostics.first?.message.hasPrefix("course.yml is not valid YAML") == true)
    }

    @Test func theCommandReportsACourseErrorAndExits1() throws {
        let yaml = "title: T\nlessons:\n  - gone.md\n  - here.md\n"
        let folder = try NavigationSupport.folder(["course.yml": yaml, "here.md": "H\n"])
        let out = folder.appendingPathComponent("site")
        let result = try runProcess(Paths.binary, ["build", folder.path, "--out", out.path])
        let location = NavigationSupport.location(of: "gone.md", in: yaml)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder.path)/course.yml:\(location.line):\(location.column): error: gone.md is not a lesson in this folder"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("here.html").path))
    }
}

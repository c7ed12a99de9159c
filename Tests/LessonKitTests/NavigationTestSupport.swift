import Foundation
import TestSupport
@testable import LessonKit

/// A temporary course folder and the Python oracle (`Oracle/nav_outline.py`, html.parser and the
/// github-slugger port) for the navigation tests.
enum NavigationSupport {
    static let script = RenderPaths.oracle.appendingPathComponent("nav_outline.py").path

    /// python3 with the `github_slugger` module (PyPI github-slugger, scripts/packages-pip.txt).
    static let hasOracle: Bool = RenderPython.run(["-c", "import github_slugger"])?.status == 0

    /// The page's outline as html.parser sees it.
    struct Outline: Decodable {
        struct Link: Decodable, Equatable {
            var href: String?
            var text: String
            var current: String?
        }
        struct Heading: Decodable {
            var level: Int
            var id: String?
            var text: String
        }
        var course: [Link]
        var toc: [Link]
        var prev: [String?]
        var next: [String?]
        var skip: [String?]
        var ids: [String]
        var headings: [Heading]
        var selfLinks: [Link]
        var landmarks: [[String]]
    }

    static func outline(_ html: String) throws -> Outline {
        guard let result = RenderPython.run([script], input: html), result.status == 0 else {
            throw NavigationTestError("nav_outline.py failed")
        }
        return try JSONDecoder().decode(Outline.self, from: Data(result.output.utf8))
    }

    /// github-slugger's slugs of `texts`, in order, with one slugger.
    static func slugs(_ texts: [String]) throws -> [String] {
        let input = String(decoding: try JSONEncoder().encode(texts), as: UTF8.self)
        guard let result = RenderPython.run([script, "--slugs"], input: input), result.status == 0 else {
            throw NavigationTestError("github_slugger failed")
        }
        return try JSONDecoder().decode([String].self, from: Data(result.output.utf8))
    }

    /// A fresh folder holding `files` (name → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessonbuild-nav-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Builds `paths` in memory (nothing written); the site files as text, or the diagnostics.
    static func build(_ paths: [String], out: URL? = nil) -> (files: [String: String], diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticEngine()
        let output = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("lessonbuild-nav-out-\(UUID().uuidString)")
        let builder = SiteBuilder(outputDirectory: output.path, diagnostics: diagnostics)
        guard let files = builder.render(lessonPaths: paths) else { return ([:], diagnostics.sorted) }
        var texts: [String: String] = [:]
        for (name, data) in files.sorted { texts[name] = String(decoding: data, as: UTF8.self) }
        return (texts, diagnostics.sorted)
    }

    /// 1-based line and UTF-8 column of the first `needle` in `text` (found here, not by YAML).
    static func location(of needle: String, in text: String, occurrence: Int = 1) -> LessonKit.SourceLocation {
        var found = text.range(of: needle)!
        for _ in 1..<occurrence { found = text.range(of: needle, range: found.upperBound..<text.endIndex)! }
        let before = Array(text[..<found.lowerBound].utf8)
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        return LessonKit.SourceLocation(line: line, column: before.count - lineStart + 1)
    }
}

struct NavigationTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

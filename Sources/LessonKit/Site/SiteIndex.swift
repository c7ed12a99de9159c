import Foundation

/// Finds the lessons a site folder already holds, so that building one lesson keeps the
/// others on the index.
enum SiteIndex {
    /// The lessons built now plus every other lesson page already in `directory`, by name.
    static func entries(existingIn directory: String, replacedBy lessons: [EvaluatedLesson]) -> [IndexRenderer.Entry] {
        var byName: [String: IndexRenderer.Entry] = [:]
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in pages where file.hasSuffix(".html") && file != "index.html" {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path),
                  let html = String(data: data, encoding: .utf8),
                  let entry = entry(fromPage: html, name: String(file.dropLast(5))) else { continue }
            byName[entry.name] = entry
        }
        for lesson in lessons {
            byName[lesson.name] = IndexRenderer.Entry(lesson)
        }
        return byName.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Title and summary of a page lessonbuild wrote (it carries `<meta name="generator" content="lessonbuild">`).
    static func entry(fromPage html: String, name: String) -> IndexRenderer.Entry? {
        guard html.contains(#"<meta name="generator" content="lessonbuild">"#),
              let title = between(html, #"<title>"#, "</title>") else { return nil }
        let summary = between(html, #"<meta name="description" content=""#, #"">"#)
        return IndexRenderer.Entry(name: name, title: HTMLEscaping.unescape(title), summary: summary.map(HTMLEscaping.unescape),
                                   quizKey: IndexStatus.quizKey(inPage: html))
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[open.upperBound..<close.lowerBound])
    }
}

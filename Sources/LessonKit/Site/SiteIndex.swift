import Foundation

/// The lessons of a site folder written before sites had a manifest: every page lessonbuild
/// wrote (it carries `<meta name="generator" content="lessonbuild">`), so that the first build
/// with a manifest keeps them on the index.
enum SiteIndex {
    /// A manifest of the lesson pages found in `directory`, each owning only its page (its
    /// lesson file is unknown, so no build removes it; `--check` reports it).
    static func legacyManifest(in directory: String) -> SiteManifest {
        var manifest = SiteManifest()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in names where file.hasSuffix(".html") && file != SitePlan.indexName && !SiteTransaction.isReserved(file) {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path),
                  let html = String(data: data, encoding: .utf8),
                  let entry = entry(fromPage: html, name: String(file.dropLast(5))) else { continue }
            manifest.lessons[entry.name] = SiteManifest.Lesson(source: nil, title: entry.title, summary: entry.summary,
                                                               quizKey: entry.quizKey, files: [file: SHA256.hex(data)])
        }
        return manifest
    }

    /// Title and summary of a page lessonbuild wrote.
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

import FlyingFox
import Foundation
import LessonKit

/// Answers the live preview's HTTP requests: files of the site folder (HTML with the live script
/// added), and the Server-Sent Events stream at `LiveReload.eventsPath`.
///
/// Only GET and HEAD (405 with `Allow` otherwise); a path that would leave the site folder is 403,
/// a missing file 404 (a missing page is a small page that shows the lesson's errors and appears
/// once the lesson builds). Nothing is cached by the browser: every response is `no-store`.
struct SiteHandler: HTTPHandler {
    let site: SitePath
    let session: SiteSession
    let hub: EventHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are allowed.\n", extra: [HTTPHeader("Allow"): "GET, HEAD"],
                             head: false)
        }
        let head = request.method == .HEAD
        let rawPath = request.target.path()
        if rawPath == LiveReload.eventsPath {
            return events(head: head)
        }
        switch site.resolve(rawPath) {
        case .refused:
            return Self.text(.forbidden, "Outside the site folder.\n", head: head)
        case .missing(let name):
            guard name.hasSuffix(".html") else { return Self.text(.notFound, "Not found.\n", head: head) }
            return page(Data(Self.missingPage(name).utf8), name: name, status: .notFound, head: head)
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return Self.text(.notFound, "Not found.\n", head: head)
            }
            let name = String(path.dropFirst(site.root.count + 1))
            if name.hasSuffix(".html") { return page(data, name: name, status: .ok, head: head) }
            return Self.response(.ok, data, type: ContentType.of(path), head: head)
        }
    }

    /// An HTML file with the live script, tagged with the build it comes from. The version is
    /// read before the file, so a rebuild in between can only make the page refresh once more.
    private func page(_ data: Data, name: String, status: HTTPStatusCode, head: Bool) -> HTTPResponse {
        let version = status == .ok ? session.version(of: name) : -1
        let html = LiveReload.inject(into: String(decoding: data, as: UTF8.self), session: session.session, version: version)
        return Self.response(status, Data(html.utf8), type: ContentType.of(name), head: head)
    }

    private func events(head: Bool) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        guard !head else { return HTTPResponse(statusCode: .ok, headers: headers) }
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStream(chunks: hub.subscribe())))
    }

    static func response(_ status: HTTPStatusCode, _ body: Data, type: String, head: Bool,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        headers[.contentLength] = String(body.count)
        for (key, value) in extra { headers[key] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : body)
    }

    static func text(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:], head: Bool) -> HTTPResponse {
        response(status, Data(text.utf8), type: "text/plain; charset=utf-8", head: head, extra: extra)
    }

    /// The stand-in for a page whose lesson has not built yet.
    static func missingPage(_ name: String) -> String {
        let title = HTMLEscaping.escape(String(name.dropLast(5)))
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(title): not built yet</title><link rel="stylesheet" href="lessonbuild.css"></head>
        <body>
        <main id="content"><h1>\(title) has not built yet</h1><p>This page appears as soon as the lesson builds.</p></main>
        </body>
        </html>

        """
    }
}

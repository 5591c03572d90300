import FlyingFox
import Foundation

/// Answers `GET` and `HEAD` from the built site: its files, folders' `index.html`, and its `404.html` for the rest,
/// with the live-reload script added to every HTML page.
struct SiteHandler: HTTPHandler {
    let files: StaticFiles

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let headOnly = request.method == .HEAD
        // The path as sent: FlyingFox's `request.path` is already decoded and normalized, which would hide `..`.
        guard let path = RequestPath(percentEncoded: request.target.path()) else {
            return .preview(.badRequest, text: "bad request: the path is malformed or leaves the site\n", headOnly: headOnly)
        }
        switch files.lookup(path) {
        case .file(let url):
            if let response = Self.response(.ok, for: url, headOnly: headOnly) { return response }
        case .redirect(let location):
            let query = request.target.query()
            var response = HTTPResponse.preview(.movedPermanently, text: "moved to \(location)\n", headOnly: headOnly)
            response.headers[.location] = query.isEmpty ? location : "\(location)?\(query)"
            return response
        case .notFound:
            break
        }
        if let page = files.notFoundPage(for: path), let response = Self.response(.notFound, for: page, headOnly: headOnly) {
            return response
        }
        return .preview(.notFound, contentType: ContentType.forFile(named: "404.html"), body: Self.fallbackNotFound, headOnly: headOnly)
    }

    /// A file's response: HTML with the script added, anything else streamed from disk (media can be large);
    /// `nil` if the file vanished since the lookup, as it can during a rebuild.
    private static func response(_ status: HTTPStatusCode, for url: URL, headOnly: Bool) -> HTTPResponse? {
        let contentType = ContentType.forFile(named: url.lastPathComponent)
        guard ContentType.isHTML(contentType) else {
            guard let body = try? HTTPBodySequence(file: url) else { return nil }
            var headers = HTTPHeaders.preview(contentType: contentType)
            headers[.contentLength] = String(body.count ?? 0)
            return headOnly ? HTTPResponse(statusCode: status, headers: headers) : HTTPResponse(statusCode: status, headers: headers, body: body)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let page = LiveReloadScript.injecting(into: String(decoding: data, as: UTF8.self))
        return .preview(status, contentType: contentType, body: Data(page.utf8), headOnly: headOnly)
    }

    /// The page for a missing file when the site has no `404.html`, as before its first good build.
    private static let fallbackNotFound = Data(LiveReloadScript.injecting(into: """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Not found</title></head>
        <body>
        <h1>Not found</h1>
        <p>There is no page here, or the site has not been built yet.</p>
        </body>
        </html>

        """).utf8)
}

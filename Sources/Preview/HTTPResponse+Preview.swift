import FlyingFox
import Foundation

extension HTTPResponse {
    /// A response that browsers never cache or sniff; `headOnly` keeps the `Content-Length` but sends no body.
    static func preview(_ status: HTTPStatusCode, contentType: String, body: Data, headOnly: Bool = false) -> HTTPResponse {
        var headers = HTTPHeaders.preview(contentType: contentType)
        if headOnly { headers[.contentLength] = String(body.count) }
        return HTTPResponse(statusCode: status, headers: headers, body: headOnly ? Data() : body)
    }

    /// A short plain-text response, for errors.
    static func preview(_ status: HTTPStatusCode, text: String, headOnly: Bool = false) -> HTTPResponse {
        preview(status, contentType: ContentType.forFile(named: "error.txt"), body: Data(text.utf8), headOnly: headOnly)
    }
}

extension HTTPHeaders {
    /// `Content-Type`, `Cache-Control: no-store` (a preview is always fresh) and `X-Content-Type-Options: nosniff`.
    static func preview(contentType: String) -> HTTPHeaders {
        [.contentType: contentType, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"]
    }
}

/// The `Content-Type` of a served file, chosen by its extension.
public enum ContentType {
    /// The media type for a file name; text types carry `charset=utf-8`, unknown extensions are `application/octet-stream`.
    public static func forFile(named name: String) -> String {
        let dot = name.lastIndex(of: ".").map { name.index(after: $0) }
        let fileExtension = dot.map { String(name[$0...]).lowercased() } ?? ""
        guard let type = types[fileExtension] else { return "application/octet-stream" }
        return textTypes.contains(fileExtension) ? type + "; charset=utf-8" : type
    }

    /// Whether responses of this type get the live-reload script.
    public static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}

private extension ContentType {
    static let types: [String: String] = [
        "html": "text/html", "htm": "text/html", "css": "text/css", "js": "text/javascript", "mjs": "text/javascript",
        "json": "application/json", "map": "application/json", "xml": "application/xml", "txt": "text/plain",
        "md": "text/markdown", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "zip": "application/zip", "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
    ]

    static let textTypes: Set<String> = ["html", "htm", "css", "js", "mjs", "json", "map", "xml", "txt", "md", "svg"]
}

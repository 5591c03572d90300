/// `sitemap.xml` with hreflang alternates, and `robots.txt` pointing at it.
struct Sitemap {
    /// One page and its translations, as paths under the base URL.
    struct Entry {
        var path: String
        var alternates: [(hreflang: String, path: String)]
    }

    let baseURL: String
    let entries: [Entry]

    var xml: String {
        // Bytes appended to one buffer: a course of 500 modules has 3,000 entries and 12,000 lines.
        var xml: [UInt8] = []
        xml.reserveCapacity(256 * entries.count + 256)
        func put(_ text: String) {
            // A string's contiguous bytes copy at once; its UTF-8 view is appended through generic code.
            var text = text
            text.withUTF8 { xml.append(contentsOf: $0) }
        }
        put("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """)
        let base = Self.escape(baseURL)
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            put("<url>\n<loc>")
            put(base)
            put(Self.escape(entry.path))
            put("</loc>\n")
            for alternate in entry.alternates {
                put("<xhtml:link rel=\"alternate\" hreflang=\"")
                put(alternate.hreflang)
                put("\" href=\"")
                put(base)
                put(Self.escape(alternate.path))
                put("\"/>\n")
            }
            put("</url>\n")
        }
        put("</urlset>\n")
        return String(decoding: xml, as: UTF8.self)
    }

    var robots: String { "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n" }

    private static func escape(_ text: String) -> String {
        // URLs seldom hold any of the four: most are returned as they are.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return text }
        return text.replacingEvery("&", with: "&amp;").replacingEvery("<", with: "&lt;")
            .replacingEvery(">", with: "&gt;").replacingEvery("\"", with: "&quot;")
    }
}

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
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            xml += "<url>\n<loc>\(Self.escape(baseURL + entry.path))</loc>\n"
            for alternate in entry.alternates {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(alternate.hreflang)\" href=\"\(Self.escape(baseURL + alternate.path))\"/>\n"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
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

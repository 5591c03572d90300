import Testing
@testable import Preview

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("lectern.css", "text/css; charset=utf-8"),
        ("deck.js", "text/javascript; charset=utf-8"), ("logo.svg", "image/svg+xml; charset=utf-8"),
        ("photo.PNG", "image/png"), ("photo.jpg", "image/jpeg"), ("photo.jpeg", "image/jpeg"), ("anim.gif", "image/gif"),
        ("photo.webp", "image/webp"), ("data.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"), ("robots.txt", "text/plain; charset=utf-8"),
        ("handout.pdf", "application/pdf"), ("quiz.zip", "application/zip"), ("font.woff2", "font/woff2"),
        ("README", "application/octet-stream"), ("archive.tar.xz", "application/octet-stream"),
    ])
    func theTypeFollowsTheExtension(name: String, type: String) {
        #expect(ContentType.forFile(named: name) == type)
    }

    @Test func onlyHTMLGetsTheReloadScript() {
        #expect(ContentType.isHTML(ContentType.forFile(named: "index.html")))
        #expect(!ContentType.isHTML(ContentType.forFile(named: "logo.svg")))
    }
}

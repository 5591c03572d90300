import Testing
@testable import Preview

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", [], true),
        ("/nl", ["nl"], false),
        ("/nl/", ["nl"], true),
        ("/assets/lectern.css", ["assets", "lectern.css"], false),
        ("/nl//dev-en-ops/", ["nl", "dev-en-ops"], true),
        ("/media/01-intro/a%20b.png", ["media", "01-intro", "a b.png"], false),
        ("/caf%C3%A9/", ["café"], true),
        ("/%252e%252e/", ["%2e%2e"], true),
    ])
    func aSafePathSplitsIntoDecodedSegments(raw: String, segments: [String], isFolder: Bool) {
        #expect(RequestPath(percentEncoded: raw) == RequestPath(segments: segments, isFolder: isFolder))
    }

    @Test(arguments: [
        "/../Content/site.yaml", "/nl/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/", "/nl/%2f..%2f..%2fetc/passwd",
        "/nl/..%2fsecret", "/..%5c..%5cetc%5cpasswd", "/nl\\..\\secret", "/a/./b", "/%2e/", "/index.html%00.css", "/a\u{0}b",
        "/%0d%0aSet-Cookie:x", "/%zz", "/%c3%28", "nl/index.html", "http://example.org/", "",
    ])
    func aPathThatCouldLeaveTheFolderIsRefused(raw: String) {
        #expect(RequestPath(percentEncoded: raw) == nil)
    }

    @Test func aFolderPathIsEncodedAgainWithItsSlash() throws {
        let path = try #require(RequestPath(percentEncoded: "/media/a%20b"))
        #expect(path.asFolder.percentEncoded == "/media/a%20b/")
        #expect(path.percentEncoded == "/media/a%20b")
    }
}

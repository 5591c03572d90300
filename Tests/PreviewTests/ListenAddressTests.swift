import Testing
@testable import Preview

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1", "http://127.0.0.1:8080/", true), ("localhost", "127.0.0.1", "http://127.0.0.1:8080/", true),
        ("::1", "::1", "http://[::1]:8080/", true), ("[::1]", "::1", "http://[::1]:8080/", true),
        ("0.0.0.0", "0.0.0.0", "http://127.0.0.1:8080/", false), ("192.168.1.20", "192.168.1.20", "http://192.168.1.20:8080/", false),
    ])
    func aNumericAddressIsAccepted(host: String, parsed: String, url: String, isLoopback: Bool) throws {
        let address = try #require(ListenAddress(host: host, port: 8080))
        #expect(address.host == parsed)
        #expect(address.url.absoluteString == url)
        #expect(address.isLoopback == isLoopback)
    }

    @Test(arguments: ["example.org", "999.1.1.1", "", "127.0.0.1:80", "::g"])
    func anythingElseIsRefused(host: String) {
        #expect(ListenAddress(host: host, port: 8080) == nil)
    }

    @Test(arguments: [("127.0.0.1:8080", true), ("localhost:8080", true), ("[::1]:8080", true), ("127.0.0.1", true),
                      (nil, true), ("evil.example:8080", false), ("192.168.1.20:8080", false)])
    func aLoopbackServerAnswersOnlyLoopbackNames(header: String?, accepted: Bool) throws {
        #expect(try #require(ListenAddress(host: "127.0.0.1", port: 8080)).accepts(hostHeader: header) == accepted)
    }

    @Test func aServerOnAnotherAddressAnswersAnyName() throws {
        #expect(try #require(ListenAddress(host: "0.0.0.0", port: 8080)).accepts(hostHeader: "course.lan:8080"))
    }
}

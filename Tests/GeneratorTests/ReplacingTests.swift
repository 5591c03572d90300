import Testing
@testable import Generator

@Suite struct ReplacingTests {
    @Test(arguments: [
        ("a=\"@root@/x\" b=\"@root@/y\"", "=\"@root@/", "=\"../", "a=\"../x\" b=\"../y\""),
        ("no marker here", "=\"@root@/", "=\"../", "no marker here"),
        ("@root@/", "@root@/", "", ""),
        ("ééé@@", "@", "→", "ééé→→"),
        ("aaaa", "aa", "b", "bb"),
        ("", "x", "y", ""),
    ])
    func everyOccurrenceIsReplaced(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingEvery(target, with: replacement) == expected)
    }
}

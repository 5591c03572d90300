import Foundation
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
        // The search goes by the target's `@`: ones that are no match, at the very start and end, and overlaps.
        ("@=\"@root@/a\"@root@/=\"@root@/", "=\"@root@/", "=\"../", "@=\"../a\"@root@/=\"../"),
        ("=\"@root@=\"@root@/", "=\"@root@/", "|", "=\"@root@|"),
        ("x@", "=\"@", "|", "x@"),
        ("a.b.c", ".", "", "abc"),
    ])
    func everyOccurrenceIsReplaced(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingEvery(target, with: replacement) == expected)
    }

    /// The same as Foundation's replacement, over many texts built from pieces that match, almost match and don't.
    @Test func agreesWithFoundation() {
        let pieces = ["=\"@root@/", "=\"@root", "@", "=", "\"", "é", "text ", "@root@/", "=\"@"]
        var state: UInt64 = 1
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(text.replacingEvery("=\"@root@/", with: "=\"../") == text.replacingOccurrences(of: "=\"@root@/", with: "=\"../"), "\(text)")
        }
    }
}

import Testing
@testable import Markdown

/// The byte-level readings agree with the `Character`-level ones they stand in for, on the inputs where a character
/// is more than its bytes.
@Suite struct FastPathTests {
    @Test(arguments: [
        "<!-- note -->", "\n<!--\nSay *hi*.\n-->\n", "<!---->", "<!-->", "<!-- a --> b -->", "<div>x</div>",
        "<!-- café -->", "<!--\u{301} x -->", "<!-- x \u{600}-->", " \u{301}<!-- x -->", "<!-- x -->\n\u{301}",
        "<!-- \u{A0}x\u{A0} -->", "<!-- x \u{301}-->", "\r\n<!-- x -->\r\n", "<!-- x -->\u{2028}", "<!-- \u{301}x -->",
        "<!--\u{600}-->", "\u{A0}<!-- x -->",
    ])
    func commentTextAgreesWithTheCharacterReading(literal: String) {
        #expect(DeckReader.commentText(literal) == DeckReader.characterCommentText(literal))
    }

    @Test func notesKeepTheirNonASCIIText() {
        let deck = SlideDeck(parsing: "# T\n\n<!--\n“Vraag” é\n-->\n", path: "s.md")
        #expect(deck.slides[0].notesHTML == "<p>“Vraag” é</p>\n")
    }

    @Test func asciiSlugsAgreeWithFoundationFolding() {
        for byte in UInt8(0)..<0x80 {
            let character = String(decoding: [byte], as: UTF8.self)
            for text in [character, "a\(character)b", "\(character)Z9", "A \(character) b"] {
                #expect(HeadingIDs.asciiSlug(text) == HeadingIDs.foldedSlug(text), "\(text.debugDescription)")
            }
        }
    }

    @Test func nonASCIIHeadingsAreFoldedByFoundation() {
        #expect(HeadingIDs.asciiSlug("Café") == nil)
        #expect(HeadingIDs.slug("Café Straße") == "cafe-strasse")
    }

    @Test(arguments: [
        "javascript:alert(1)", " JAVA\tSCRIPT:x", "https://example.org", "../02-x/slides.nl.md", "data:image/png;base64,x",
        "data:image/png\u{301};x", "\u{212A}javascript:x", "java\u{0}script:x", "é:x", String(repeating: "a", count: 40) + ":x",
        "javascript: \u{301}x", "javascript:\u{301}", String(repeating: "a", count: 31) + ":\u{301}", "JavaScriptX:x", "data :image/gif,x",
    ])
    func schemeCheckAgreesWithTheScalarReading(url: String) {
        for isImage in [false, true] {
            #expect(URLSafety.unsafeScheme(of: url, isImage: isImage) == Self.scalarUnsafeScheme(of: url, isImage: isImage))
        }
    }

    @Test(arguments: [
        ("a\nb", ["a", "b"]), ("a\nb\n", ["a", "b", ""]), ("", [""]), ("\n", ["", ""]), ("é\n\nz", ["é", "", "z"]),
        ("a\r\nb\rc\n", ["a", "b", "c", ""]), ("a\r", ["a", ""]),
    ])
    func sourceLinesEndAtLineFeedsAndCarriageReturns(text: String, expected: [String]) {
        let lines = SourceLines(text)
        #expect((1...expected.count).map { String(lines[$0]) } == expected)
        #expect(lines[expected.count + 1] == "")
    }

    /// The reading as it was before the byte path, kept here as the reference.
    static func scalarUnsafeScheme(of url: String, isImage: Bool) -> String? {
        let squeezed = String(url.unicodeScalars.filter { $0.value > 0x20 }.prefix(32)).lowercased()
        guard let colon = squeezed.firstIndex(of: ":") else { return nil }
        let scheme = String(squeezed[..<colon])
        guard ["javascript", "vbscript", "file", "data"].contains(scheme) else { return nil }
        let safe = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if isImage, safe.contains(where: { squeezed.hasPrefix($0) }) { return nil }
        return scheme
    }
}

@Suite struct HeadingIDTests {
    @Test func repeatedAndReservedSlugsGetNumberedIDs() {
        var ids = HeadingIDs()
        ids.reserve("slide-1")
        #expect(["A", "A", "A-1", "A", "Slide 1", "B"].map { ids.id(for: $0) } == ["a", "a-1", "a-1-1", "a-2", "slide-1-1", "b"])
        #expect(ids.issued == ["a", "a-1", "a-1-1", "a-2", "slide-1-1", "b"])
    }
}

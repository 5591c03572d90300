import Testing
@testable import Markdown

/// A deck's notes are parsed as one document when no slide's notes can change how another's are read: the HTML of
/// every slide's notes is then what parsing them on their own gives.
@Suite struct NotesDocumentTests {
    /// Notes that end with every kind of block a blank line and a paragraph at the margin close.
    static let shareable = [
        "Plain *note* with `code`.",
        "- a\n- b\n\n  still b",
        "1. one\n\n2. two\n",
        "> quoted\nlazy line",
        "    indented code\n\n",
        "Setext\n------",
        "# Heading\n\nText [link](https://example.org) and ![alt](x.png).",
        "Line one\\\nline two  \nthree",
        "---",
        "- a\n  - nested\n\n    deeper",
        "Één “note” & <b>x</b> inline",
        "\n\n",
        "last",
    ]

    @Test func sharedNotesRenderAsEachOnItsOwn() {
        #expect(Self.shareable.allSatisfy(DeckReader.canShareADocument))
        let separately = Self.shareable.map { notes in
            withCmarkDocument(parsing: notes, options: CmarkOptions()) { $0.html(options: CmarkOptions()) }
        }
        #expect(DeckReader.notesHTML(Self.shareable) == separately)
        #expect(DeckReader.notesHTML(["", "a", "", "b", ""]) == ["", "<p>a</p>\n", "", "<p>b</p>\n", ""])
    }

    /// The search for what prevents sharing agrees with reading the notes byte by byte, on generated notes.
    @Test func theSearchAgreesWithTheByteByByteReading() {
        let pieces = ["a", " ", "\t", "\n", "\r", "\r\n", "`", "~", "<", "]", ":", "]:", "[x]", "\u{1}", "é", "- "]
        var state: UInt64 = 17
        for _ in 0..<20_000 {
            var notes = ""
            for _ in 0..<Int(state % 9) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                notes += pieces[Int(state >> 33) % pieces.count]
            }
            var copy = notes
            let byBytes = copy.withUTF8(DeckReader.canShareADocumentByBytes)
            #expect(DeckReader.canShareADocument(notes) == byBytes, "\(notes.debugDescription)")
        }
    }

    @Test(arguments: [
        "```\nopen fence", "~~~\nopen fence", "  <div>\nraw", "<!-- x", "[ref]: https://example.org", "a \u{1} b",
    ])
    func notesThatCouldReachIntoTheNextAreRenderedOnTheirOwn(notes: String) {
        #expect(!DeckReader.canShareADocument(notes))
        let next = "[ref] and `tick`"
        let separately = [notes, next].map { text in
            withCmarkDocument(parsing: text, options: CmarkOptions()) { $0.html(options: CmarkOptions()) }
        }
        #expect(DeckReader.notesHTML([notes, next]) == separately)
        #expect(separately[1] == "<p>[ref] and <code>tick</code></p>\n")
    }

    @Test func aDeckKeepsEverySlidesNotesApart() {
        let deck = SlideDeck(parsing: """
            # One

            <!-- - item -->

            ---

            # Two

            <!-- > quote -->

            ---

            # Three

            <!-- ```
            code -->
            """, path: "s.md")
        #expect(deck.slides.map(\.notesHTML) == [
            "<ul>\n<li>item</li>\n</ul>\n", "<blockquote>\n<p>quote</p>\n</blockquote>\n", "<pre><code>code\n</code></pre>\n",
        ])
    }
}

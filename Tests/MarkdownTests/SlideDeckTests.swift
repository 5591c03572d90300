import Testing
@testable import Markdown

@Suite struct SlideDeckTests {
    @Test func thematicBreaksSplitSlides() {
        let deck = SlideDeck(parsing: "# One\n\nText\n\n---\n\n## Two\n", path: "s.md")
        #expect(deck.slides.map(\.title) == ["One", "Two"])
        #expect(deck.slides.map(\.line) == [1, 7])
    }

    @Test func anHTMLCommentBecomesTheSlidesNotes() {
        let deck = SlideDeck(parsing: "# One\n\nText\n\n<!--\nSay *hello*.\n-->\n", path: "s.md")
        #expect(deck.slides[0].html == "<h1 id=\"one\">One</h1>\n<p>Text</p>\n")
        #expect(deck.slides[0].notesHTML == "<p>Say <em>hello</em>.</p>\n")
    }

    @Test func aSlideWithoutCommentHasNoNotes() {
        #expect(SlideDeck(parsing: "# One\n", path: "s.md").slides[0].notesHTML == "")
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let source = "# One\n\n<div onclick=\"x()\">hi</div>\n"
        #expect(SlideDeck(parsing: source, path: "s.md").slides[0].html.contains("<!-- raw HTML omitted -->"))
        #expect(SlideDeck(parsing: source, path: "s.md", options: MarkdownOptions(allowsRawHTML: true)).slides[0].html.contains("<div onclick"))
    }

    @Test func headingIDsAreUniqueLikeGitHubsAndFoldAccents() {
        let deck = SlideDeck(parsing: "# Café *DevOps*\n\n## Café DevOps\n\n---\n\n## Slide 2\n", path: "s.md")
        #expect(deck.slides[0].html.hasPrefix("<h1 id=\"cafe-devops\">Café <em>DevOps</em></h1>\n<h2 id=\"cafe-devops-1\">"))
        #expect(deck.slides[1].html == "<h2 id=\"slide-2-1\">Slide 2</h2>\n", "slide-2 is the slide's own id")
        #expect(deck.anchors == ["slide-1", "slide-2", "cafe-devops", "cafe-devops-1", "slide-2-1"])
    }

    @Test func linksAreResolvedWithTheirLineAndColumn() {
        var seen: [LinkReference] = []
        let source = "\n\n# T\n\nSee [a](../02-x/slides.nl.md) and\nthen ![b](pic.png).\n"
        let deck = SlideDeck(parsing: source, path: "s.md") { reference in
            seen.append(reference)
            return reference.kind == .image ? .replace("@root@/media/pic.png") : .failure("no such module")
        }
        #expect(seen == [
            LinkReference(kind: .link, destination: "../02-x/slides.nl.md", line: 5, column: 9),
            LinkReference(kind: .image, destination: "pic.png", line: 6, column: 11),
        ])
        #expect(deck.diagnostics.map(\.description) == ["s.md:5:9: error: no such module"])
        #expect(deck.slides[0].html.contains("<img src=\"@root@/media/pic.png\" alt=\"b\" />"))
    }

    @Test func linksOnEveryLineOfABlockAreFoundAndBlocksWithoutAreSkipped() {
        var seen: [String] = []
        let source = """
            > quote
            lazy [q](q.md)

            - item
              - nested

                deep <https://example.org/auto>

            [ref]

            No link here, nor (parentheses) or ]brackets.

            [ref]: r.md
            """
        _ = SlideDeck(parsing: source, path: "s.md") { reference in
            seen.append(reference.destination)
            return .keep
        }
        #expect(seen == ["q.md", "https://example.org/auto", "r.md"])
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "vbscript:x", "data:text/html,hi"])
    func scriptURLsAreRemovedWithAWarning(url: String) {
        let deck = SlideDeck(parsing: "# T\n\n[x](<\(url)>)\n", path: "s.md", options: MarkdownOptions(allowsRawHTML: true))
        #expect(deck.slides[0].html == "<h1 id=\"t\">T</h1>\n<p><a href=\"\">x</a></p>\n")
        #expect(deck.diagnostics.count == 1)
        #expect(deck.diagnostics.first?.severity == .warning)
    }

    @Test func theSetextTrapGetsAWarningWithItsFix() {
        let deck = SlideDeck(parsing: "# One\n\nSome text\n---\n\n## Two\n", path: "s.md")
        #expect(deck.slides.count == 1)
        #expect(deck.diagnostics.map(\.description) == [
            "s.md:4:1: warning: W008 this `---` turns the line above it into a heading instead of starting a new slide; add a blank line before `---`"
        ])
    }

    @Test func anEmptySlideIsDroppedWithAWarning() {
        let deck = SlideDeck(parsing: "# One\n\n---\n\n---\n\n# Two\n", path: "s.md")
        #expect(deck.slides.map(\.title) == ["One", "Two"])
        #expect(deck.diagnostics.map(\.description) == ["s.md:3:1: warning: empty slide: remove the extra `---` or put content between the two separators"])
    }

    @Test func lineNumbersCountBlankedFrontMatter() {
        let deck = SlideDeck(parsing: "\n\n\n\n# Title\n\n---\n\n## Next\n", path: "s.md")
        #expect(deck.slides.map(\.line) == [5, 9])
    }

    @Test func crlfLineEndingsWork() {
        let deck = SlideDeck(parsing: "# One\r\n\r\n[a](x.md)\r\n\r\n---\r\n\r\n## Two\r\n", path: "s.md") { _ in .failure("bad") }
        #expect(deck.slides.count == 2)
        #expect(deck.diagnostics.map(\.description) == ["s.md:3:5: error: bad"])
    }

    @Test func deeplyNestedInputDoesNotCrash() {
        let quotes = String(repeating: ">", count: 20_000) + " deep\n"
        let lists = (0..<3_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        #expect(SlideDeck(parsing: quotes, path: "s.md").slides.count == 1)
        #expect(SlideDeck(parsing: lists, path: "s.md").slides.count == 1)
    }
}

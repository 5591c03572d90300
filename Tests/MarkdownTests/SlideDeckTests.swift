import Testing
@testable import Markdown

@Suite struct SlideDeckTests {
    @Test func thematicBreaksSplitSlides() {
        let deck = SlideDeck(parsing: "# One\n\nText\n\n---\n\n## Two\n", path: "s.md")
        #expect(deck.slides.map(\.title) == ["One", "Two"])
        #expect(deck.slides.map(\.line) == [1, 7])
    }
}

import Testing
@testable import Generator

@Suite struct PageTextsTests {
    @Test func aPatternFillsInEveryPlaceholderInItsPlace() {
        let pattern = TextPattern("Dia {n} van {total} ({n})", placeholders: ["n", "total"])
        #expect(pattern.filled("2", "5") == "Dia 2 van 5 (2)")
    }

    @Test func aPatternKeepsBracesThatNameNoPlaceholder() {
        let pattern = TextPattern("{{minutes}} {minute} {} {", placeholders: ["minutes"])
        #expect(pattern.filled("45") == "{45} {minute} {} {")
    }

    @Test func aPatternWithoutPlaceholdersIsItsText() {
        #expect(TextPattern("deck_slideOf", placeholders: ["n", "total"]).filled("1", "3") == "deck_slideOf")
        #expect(TextPattern("", placeholders: ["n"]).filled("1") == "")
    }

    @Test func aLanguageWithoutTextsShowsTheKeys() {
        let texts = LanguageTexts([:], siteTitle: "Cursus", code: "nl")
        #expect(texts.name == "language_name")
        #expect(texts.slideOf.filled("1", "3") == "deck_slideOf")
        #expect(texts.deckStrings == "{}")
        #expect(texts.usesDecimalComma)
    }
}

import Content
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

@Suite struct ScriptStringsTests {
    /// What the build wrote before: JSONSerialization with sorted keys.
    func foundation(_ prefix: String, _ strings: [String: String]) -> String {
        PageBuilder.foundationJSON(strings.compactMap { $0.key.hasPrefix(prefix) ? (String($0.key.dropFirst(prefix.count)), $0.value) : nil })
    }

    @Test func theTextsOfAPrefixAreJSONWithTheirKeysSortedAsFoundationSortsThem() {
        let strings = [
            "deck_next": "Next", "deck_nextSlide": "Next slide", "deck_keyFirstLast": "First / last slide",
            "deck_Zoom": "Zoom", "deck_apple": "\"quoted\" \\ tab\t line\n bell\u{7} esc\u{1b} é ✓", "deck_B": "b",
            "quiz_total": "Score: {score} of {total}", "title": "not a deck text",
        ]
        let json = PageBuilder.scriptStrings("deck_", strings)
        #expect(json == #"{"apple":"\"quoted\" \\ tab\t line\n bell\u0007 esc\u001b é ✓","B":"b","keyFirstLast":"First \/ last slide","next":"Next","nextSlide":"Next slide","Zoom":"Zoom"}"#)
        #expect(json == foundation("deck_", strings))
    }

    @Test func keysOnlyFoundationCanOrderGoThroughFoundation() {
        let strings = ["deck_key2": "2", "deck_key10": "10", "deck_Same": "A", "deck_same": "a", "deck_under_score": "_"]
        #expect(PageBuilder.scriptStrings("deck_", strings) == foundation("deck_", strings))
        #expect(PageBuilder.scriptStrings("quiz_", strings) == "{}")
    }

    @Test func theThemesTextsGiveWhatFoundationGives() throws {
        for language in ["en", "nl"] {
            let (table, _) = UIStrings.load(templates: TestSite.repository.appendingPathComponent("Templates"), languages: [Language(language)], displayRoot: ".")
            let strings = try #require(table?.values[Language(language)])
            for prefix in ["deck_", "quiz_"] {
                #expect(PageBuilder.scriptStrings(prefix, strings) == foundation(prefix, strings))
            }
        }
    }
}

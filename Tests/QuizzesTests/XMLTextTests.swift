import Testing
@testable import Quizzes

/// XML escaping for QTI works on bytes: the characters it drops or escapes are single scalars.
@Suite struct XMLTextTests {
    @Test func markupCharactersAreEscapedAndForbiddenControlsDropped() {
        #expect(XMLText.escape("a & b < c > \"d\"\u{1}\t\u{FFFE}\u{FFFF}e") == "a &amp; b &lt; c &gt; &quot;d&quot;\te")
    }

    @Test func aFragmentKeepsItsMarkupAndNonASCIIText() {
        #expect(XMLText.fragment("<p>caf\u{e9} \u{FFFD}\u{EFFF}\u{1F600}</p>\u{0}\r\n") == "<p>caf\u{e9} \u{FFFD}\u{EFFF}\u{1F600}</p>\r\n")
    }

    @Test func identifiersKeepASCIILettersDigitsAndPunctuationOnly() {
        #expect(QTIItem.identifier("q-caf\u{e9}_1.x:y") == "q-caf-_1.x-y")
        #expect(QTIItem.identifier("1abc") == "q-1abc")
        #expect(QTIItem.identifier("_a") == "_a")
        #expect(QTIItem.identifier("\u{e9}") == "q--")
    }
}

import Testing
@testable import Quizzes

/// Trimming and line splitting work on bytes but keep to their definitions on characters.
@Suite struct TextScanningTests {
    @Test func trimmingRemovesSpacesTabsAndLineBreaksAtBothEnds() {
        #expect(" \t\r\n a b \r\n\t ".trimmed == "a b")
        #expect("  ".trimmed == "")
        #expect("\u{e9}t\u{e9}".trimmed == "\u{e9}t\u{e9}")
    }

    @Test func aSpaceThatCarriesACombiningMarkIsNotTrimmed() {
        #expect("  \u{301}x ".trimmed == " \u{301}x")
    }

    @Test func aCarriageReturnBeforeALineFeedIsOneCharacterTrimmedOnlyAsAWhole() {
        #expect("\r\nx".trimming(" \t\r") == "\r\nx")
        #expect("x\r\n".trimming(" \t\r") == "x\r\n")
        #expect("\r\nx\r\n".trimming(" \t\r\n") == "x")
    }

    @Test func linesEndAtLineFeedsCarriageReturnsAndBoth() {
        #expect(QuizReader.lines(of: "a\nb\r\nc\rd\n") == ["a", "b", "c", "d", ""])
        #expect(QuizReader.lines(of: "") == [""])
        #expect(QuizReader.lines(of: "\u{e9}\r\r\n\u{1F600}") == ["\u{e9}", "", "\u{1F600}"])
    }

    @Test func theFirstLineIsTheFirstOfTheLines() {
        #expect(QuizReader.firstLine(of: "---\r\ntitle: x\n") == "---")
        #expect(QuizReader.firstLine(of: "# T") == "# T")
    }

    @Test func everyKindOfLineBreakIsReplaced() {
        #expect("a\nb\r\nc\u{2028}d".replacingNewlines(with: " ") == "a b c d")
        #expect("a \u{e9}".replacingNewlines(with: " ") == "a \u{e9}")
    }
}

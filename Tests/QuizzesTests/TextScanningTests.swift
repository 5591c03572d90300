import Foundation
@testable import Markdown
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

    @Test(arguments: [
        ("a", true), ("https-port", true), ("m50-q1-single", true), ("8080", true), ("", false), ("-", false),
        ("-a", false), ("a-", false), ("a--b", false), ("A", false), ("a_b", false), ("caf\u{e9}", false),
        ("a-\u{301}b", false), ("a b", false),
    ])
    func aSlugIsLowerCaseASCIIWordsJoinedBySingleHyphens(text: String, isSlug: Bool) {
        #expect(HTMLComment.isSlug(text) == isSlug)
    }

    @Test func aCommentIsOneCommentWithNoEndBeforeItsLast() {
        #expect(HTMLComment.text(of: "<!-- id: a -->\n") == "id: a")
        #expect(HTMLComment.text(of: "<!-- a --> b -->") == nil)
        #expect(HTMLComment.text(of: "<!-- caf\u{e9} --> b -->") == nil)
        #expect(HTMLComment.text(of: "<!-- caf\u{e9} -->") == "caf\u{e9}")
        #expect(HTMLComment.text(of: "<!---->") == "")
        #expect(HTMLComment.text(of: "<!-->") == nil)
    }

    @Test func aMarkerIsReadFromWholeCharacters() {
        func reading(_ source: String) -> MarkerReading? {
            MarkdownTree(parsing: source).blocks.first?.inlines.map(MarkerReading.init)
        }
        #expect(reading("(x)  a\n") == .marker(.radio(isCorrect: true), length: 5))
        #expect(reading("[ ] a\n") == .marker(.checkbox(isCorrect: false), length: 4))
        #expect(reading("( )\u{301} a\n") == MarkerReading.none)
        #expect(reading("(a) b\n") == .unknown("(a)"))
        #expect(reading("~ a\n") == .marker(.wrong, length: 2))
        #expect(reading("~/.bashrc\n") == MarkerReading.none)
    }

    @Test func everyKindOfLineBreakIsReplaced() {
        #expect("a\nb\r\nc\u{2028}d".replacingNewlines(with: " ") == "a b c d")
        #expect("a \u{e9}".replacingNewlines(with: " ") == "a \u{e9}")
    }
}

/// A quote's inner HTML is cut from its bytes, and agrees with cutting the `<blockquote>` tags as characters.
@Suite struct QuoteHTMLTests {
    /// The reading by characters, as it was before the byte one.
    static func characterInnerHTML(_ html: String) -> String {
        var inner = Substring(html)
        if inner.utf8.starts(with: "<blockquote>\n".utf8) { inner = Substring(inner.utf8.dropFirst(13)) }
        if inner.hasSuffix("</blockquote>\n") { inner = inner.dropLast("</blockquote>\n".count) }
        return String(inner)
    }

    @Test(arguments: [
        "<blockquote>\n<p>Right: <em>443</em>.</p>\n</blockquote>\n",
        "<blockquote>\n</blockquote>\n",
        "<blockquote>\n<p>Één – twee</p>\n</blockquote>\n",
        "<blockquote>\n<p>x</p>\n\u{600}</blockquote>\n",  // a prepended mark joins the `<` into one character
        "<blockquote>\n<p>x</p>\né</blockquote>\n",
        "<p>no quote</p>\n",
        "<blockquote>\n",
        "</blockquote>\n",
        "<blockquote>\n<p>no end</p>",
        "",
        "\u{600}</blockquote>\n",
    ])
    func theInnerHTMLAgreesWithTheCharacterReading(html: String) {
        let block = MarkdownBlock(kind: .blockQuote, startLine: 1, endLine: 1, html: html)
        #expect(QuizReader.innerHTML(ofQuote: block) == Self.characterInnerHTML(html))
    }
}

/// Comments are read from their bytes when they are ASCII, and agree with the reading by characters.
@Suite struct CommentReadingTests {
    @Test func theByteReadingAgreesWithTheCharacterReading() {
        let pieces = ["<!--", "-->", "<", "!", "-", ">", " ", "\t", "\n", "\r", "\r\n", "id: q-1", "é", "a"]
        var compared = 0
        for literal in generatedTexts(from: pieces, count: 20_000, maximumPieces: 7, seed: 3) {
            if let fast = HTMLComment.asciiText(of: literal) {
                compared += 1
                #expect(fast == HTMLComment.characterText(of: literal), "\(literal.debugDescription)")
            } else {
                #expect(literal.utf8.contains { $0 >= 0x80 || $0 == 0x0D })
            }
        }
        #expect(compared > 5_000)
        #expect(HTMLComment.text(of: " <!-- id: q-1 -->\n") == "id: q-1")
        #expect(HTMLComment.text(of: "<!---->") == "")
        #expect(HTMLComment.text(of: "<!-- a --> b -->") == nil)
    }
}

/// Plain numbers are read without the general reading's searches, and the searches of texts of ASCII and `±` look
/// at bytes: both read what Foundation's searches read.
@Suite struct NumericReadingTests {
    /// The general reading with Foundation's searches, as it was before the byte searches.
    static func foundationParse(_ text: String) -> Result<NumericValue, NumericValue.ParseError> {
        let text = String(text.filter { $0 != " " })
        if text.contains(",") { return .failure(.decimalComma) }
        let numbers = text.replacingOccurrences(of: "..", with: " ").split { !$0.isASCIIDigit && $0 != "." }
        if numbers.contains(where: { NumericValue.decimal($0)?.isFinite == false }) {
            return .failure(.tooLarge)
        }
        if let range = text.range(of: "..") {
            guard let lower = NumericValue.number(text[..<range.lowerBound]), let upper = NumericValue.number(text[range.upperBound...]) else {
                return .failure(.malformed)
            }
            return lower <= upper ? .success(.range(lower, upper)) : .failure(.descendingRange)
        }
        for separator in ["±", "+-"] {
            guard let range = text.range(of: separator) else { continue }
            guard let value = NumericValue.number(text[..<range.lowerBound]) else { return .failure(.malformed) }
            let toleranceText = text[range.upperBound...]
            if toleranceText.hasPrefix("-"), NumericValue.number(toleranceText.dropFirst()) != nil { return .failure(.negativeTolerance) }
            guard let tolerance = NumericValue.number(toleranceText), !toleranceText.hasPrefix("+") else { return .failure(.malformed) }
            return .success(.approximately(value, tolerance: tolerance))
        }
        return NumericValue.number(Substring(text)).map { .success(.exact($0)) } ?? .failure(.malformed)
    }

    @Test func plainDecimalsReadAsTheGeneralReadingReadsThem() {
        let pieces = ["0", "5", "12", ".", "-", "+", " ", ",", "e", "±", "..", "...", "+-", "\u{301}", "é", "9" + String(repeating: "9", count: 400)]
        var plain = 0
        for text in generatedTexts(from: pieces, count: 6_000, maximumPieces: 5, seed: 11) {
            if NumericValue.isPlainDecimal(text) { plain += 1 }
            #expect(NumericValue.parse(text) == NumericValue.parseInGeneral(text), "\(text.debugDescription)")
            #expect(NumericValue.parseInGeneral(text) == Self.foundationParse(text), "\(text.debugDescription)")
        }
        #expect(plain > 400)
        #expect(NumericValue.parse("-.5") == .success(.exact(-0.5)))
        #expect(NumericValue.parse("+536.9") == .success(.exact(536.9)))
    }
}

/// `count` texts of one to `maximumPieces` pieces each, chosen by a linear congruential generator from `seed`: the
/// same texts on every run.
func generatedTexts(from pieces: [String], count: Int, maximumPieces: Int, seed: UInt64) -> [String] {
    var state = seed
    return (0..<count).map { _ in
        var text = ""
        for _ in 0..<Int(state % UInt64(maximumPieces)) + 1 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }
}

/// Answer markers, and an option's HTML without its marker, are read from bytes where the text is ASCII there; both
/// agree with the readings by characters.
@Suite struct MarkerBytesTests {
    static let pieces = ["(", ")", "[", "]", "x", "X", " ", "\t", "=", "~", "a", "<", "&", "\u{301}", "\u{338}", "é", "\r\n", "*b*", "`c`"]

    @Test func theByteReadingOfAMarkerAgreesWithTheCharacterReading() {
        var read = 0
        for text in generatedTexts(from: Self.pieces, count: 20_000, maximumPieces: 6, seed: 5) {
            guard let bytes = MarkerReading.asciiReading(of: text) else { continue }
            read += 1
            #expect(bytes == MarkerReading(characters: text), "\(text.debugDescription)")
        }
        #expect(read > 10_000)
    }

    @Test func anOptionsHTMLWithoutItsMarkerAgreesWithTheCharacterReading() {
        let markers = ["( ) ", "(x) ", "[ ]", "[X]  ", "= ", "~\t", "(x)", ""]
        var compared = 0
        for (index, text) in generatedTexts(from: Self.pieces, count: 6_000, maximumPieces: 4, seed: 9).enumerated() {
            let item = "- " + markers[index % markers.count] + text + " end\n"
            guard let inlines = MarkdownTree(parsing: item).blocks.first?.children.first?.children.first?.inlines,
                case .marker(_, let length)? = MarkerReading.asciiReading(of: inlines.leadingText)
            else { continue }
            compared += 1
            #expect(inlines.html(droppingLeadingCharacters: length)
                == inlines.characterHTML(droppingLeadingCharacters: length, of: inlines.leadingText), "\(text.debugDescription)")
        }
        #expect(compared > 2_000)
    }
}

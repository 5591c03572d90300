import Foundation
import Testing
@testable import Quizzes

/// The GIFT export for Moodle: escaping, weights and the mapping of every question type.
@Suite struct GIFTExporterTests {
    func gift(_ source: String, language: String = "en") -> String? {
        parse(source, language: language).flatMap { GIFTExporter.export($0, path: "quiz.\(language).md").bytes }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theExampleQuizExportsAsTheGoldenFile() throws {
        let quiz = try #require(Quiz.parse(source: try fixture("quiz.en.md"), path: "quiz.en.md", language: "en").quiz)
        let (bytes, diagnostics) = GIFTExporter.export(quiz, path: "quiz.en.md")
        #expect(diagnostics == [])
        #expect(bytes.map { String(decoding: $0, as: UTF8.self) } == (try fixture("quiz.en.gift")))
    }

    @Test func backslashIsEscapedFirstThenTheSpecialCharactersAndNewlines() {
        #expect(GIFTExporter.escape("a\\b ~ = # { } : x\ny") == ##"a\\b \~ \= \# \{ \} \: x\ny"##)
    }

    @Test func everySpecialCharacterIsEscapedAtEitherEndAndNextToEachOther() {
        #expect(GIFTExporter.escape("~=#{}:\\") == ##"\~\=\#\{\}\:\\"##)
        #expect(GIFTExporter.escape(":a:") == ##"\:a\:"##)
    }

    @Test func crlfAndLFBecomeOneEscapedNewlineAndALoneCRStays() {
        #expect(GIFTExporter.escape("a\r\nb\nc\rd") == "a\\nb\\nc\rd")
    }

    @Test func nonASCIITextIsKeptAndItsSpecialCharactersEscaped() {
        #expect(GIFTExporter.escape("caf\u{e9} = \u{1F600}: {\u{fc}}") == "caf\u{e9} \\= \u{1F600}\\: \\{\u{fc}\\}")
    }

    /// Escaping is defined on characters: a `#` that is part of the keycap emoji `#️⃣` is not a GIFT `#`.
    @Test func aSpecialCharacterInsideALargerCharacterIsLeftAsItIs() {
        #expect(GIFTExporter.escape("#\u{FE0F}\u{20E3} = 1") == "#\u{FE0F}\u{20E3} \\= 1")
        #expect(GIFTExporter.escape("=\u{301}") == "=\u{301}")
    }

    @Test func htmlLosesItsTrailingLineBreaksOnly() {
        #expect(GIFTExporter.html("<p>a</p>\n<p>b</p>\n\r\n") == "<p>a</p>\\n<p>b</p>")
        #expect(GIFTExporter.html("<p>\u{e9}</p>\u{2028}\n") == "<p>\u{e9}</p>")
        #expect(GIFTExporter.html("\n") == "")
    }

    @Test(arguments: [(1, "100"), (2, "50"), (3, "33.33333"), (6, "16.66667"), (7, "14.28571"), (8, "12.5"), (9, "11.11111"), (10, "10")])
    func weightsOfUpToTenOptionsAreOnMoodlesList(_ count: Int, _ weight: String) throws {
        #expect(try GIFTExporter.weight(sharedBy: count, right: true).get() == weight)
        #expect(try GIFTExporter.weight(sharedBy: count, right: false).get() == "-" + weight)
    }

    @Test func multipleChoiceWeighsRightOptionsPositiveAndWrongOnesNegative() {
        let text = gift("# T\n\n## Q\n<!-- id: q -->\n\n- [x] a\n- [x] b\n- [x] c\n- [ ] d\n  > No.\n\n> Why.\n")
        #expect(text == "// T\n\n// [id:q]\n::Q::[html]<p>Q</p>{\n~%33.33333%a\n~%33.33333%b\n~%33.33333%c\n~%-100%d#<p>No.</p>\n####<p>Why.</p>\n}\n")
    }

    @Test func tenRightAndTenWrongOptionsStillExport() {
        let options = (1...10).map { "- [x] right \($0)\n" }.joined() + (1...10).map { "- [ ] wrong \($0)\n" }.joined()
        let text = gift("# T\n\n## Q\n<!-- id: q -->\n\n\(options)\n> Why.\n")
        #expect(text?.contains("~%10%right 10\n~%-10%wrong 1\n") == true)
    }

    @Test func elevenRightOptionsAreE060() throws {
        let options = (1...11).map { "- [x] right \($0)\n" }.joined() + "- [ ] wrong\n"
        let quiz = try #require(parse("# T\n\n## Q\n<!-- id: q -->\n\n\(options)\n> Why.\n"))
        let (text, diagnostics) = GIFTExporter.export(quiz, path: "quiz.en.md")
        #expect(text == nil)
        #expect(diagnostics.map(\.description) == [
            "quiz.en.md:3:1: error: E060 with 11 right options each would weigh 9.09091%, which is not on Moodle's list of weights: a multiple-choice question exports with at most 10 right and 10 wrong options; split the question"
        ])
    }

    @Test func elevenWrongOptionsAreE060() throws {
        let options = "- [x] right\n" + (1...11).map { "- [ ] wrong \($0)\n" }.joined()
        let quiz = try #require(parse("# T\n\n## Q\n<!-- id: q -->\n\n\(options)\n> Why.\n"))
        #expect(GIFTExporter.export(quiz, path: "quiz.en.md").diagnostics.map(\.code) == ["E060"])
    }

    @Test func aQuestionNameOver255CharactersIsE061() throws {
        let name = String(repeating: "x", count: 256)
        let quiz = try #require(parse("# T\n\n## \(name)\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n"))
        let (text, diagnostics) = GIFTExporter.export(quiz, path: "quiz.en.md")
        #expect(text == nil)
        #expect(diagnostics.map { "\($0.code ?? "")@\($0.location?.line ?? 0)" } == ["E061@3"])
    }

    @Test func trueFalseGivesTheFeedbackIfWrongThenTheFeedbackIfRight() {
        let text = gift("# T\n\n## Q\n<!-- id: q -->\n\n- (x) True\n  > Yes.\n- ( ) False\n  > No.\n\n> Why.\n")
        #expect(text == "// T\n\n// [id:q]\n::Q::[html]<p>Q</p>{\nTRUE#<p>No.</p>#<p>Yes.</p>\n####<p>Why.</p>\n}\n")
    }

    @Test func shortAnswersScoreFullOrNothingWithTheCatchAllLast() {
        let text = gift("# T\n\n## Q\n<!-- id: q -->\n\n- = `*.txt`\n- ~ telnet\n  > No.\n- ~ *\n  > Look again.\n\n> Why.\n")
        #expect(text == "// T\n\n// [id:q]\n::Q::[html]<p>Q</p>{\n=%100%\\\\*.txt\n=%0%telnet#<p>No.</p>\n=%0%*#<p>Look again.</p>\n####<p>Why.</p>\n}\n")
    }

    @Test func numericAnswersUseValueColonToleranceAndRanges() {
        let text = gift("# T\n\n## Q\n<!-- id: q -->\n\n- = 5\n- = 536.9 ± 0.05\n- = 1..3\n- ~ 80\n  > No.\n- ~ *\n  > Else.\n\n> Why.\n")
        #expect(text == "// T\n\n// [id:q]\n::Q::[html]<p>Q</p>{#\n=%100%5:0\n=%100%536.9:0.05\n=%100%1..3\n=%0%80:0#<p>No.</p>\n~#<p>Else.</p>\n####<p>Why.</p>\n}\n")
    }

    @Test func htmlWithNewlinesAndSpecialCharactersStaysOnOneLine() {
        let text = gift("# T\n\n## Q: a {b}?\n<!-- id: q -->\n\nStem one.\n\nStem = two.\n\n- (x) a\n- ( ) b\n\n> Why #1.\n")
        #expect(text == "// T\n\n// [id:q]\n::Q\\: a \\{b\\}?::[html]<p>Q\\: a \\{b\\}?</p><p>Stem one.</p>\\n<p>Stem \\= two.</p>{\n=a\n~b\n####<p>Why \\#1.</p>\n}\n")
    }

    /// GIFT's special characters, line breaks (`\r\n` is one character), combining scalars that join a special
    /// character into a larger one, rarer line breaks, and other non-ASCII text.
    static let alphabet = [
        "a", "\\", "~", "=", "#", "{", "}", ":", "*", "\n", "\r", "\u{B}", " ", "\u{e9}", "\u{301}", "\u{FE0F}\u{20E3}",
        "\u{2028}", "\u{85}", "\u{1F600}",
    ]

    /// The definition: escaped character by character, after dropping trailing line break characters for HTML.
    func definition(_ text: String, html: Bool = false) -> String {
        var text = Substring(text)
        while html, text.last?.isNewline == true { text = text.dropLast() }
        var escaped = ByteWriter(capacity: 0)
        GIFTExporter.appendEscapingCharacters(text, to: &escaped)
        return escaped.text
    }

    @Test func escapingOnBytesMatchesTheCharacterDefinitionForEveryShortText() {
        for text in strings(of: Self.alphabet, upTo: 3) {
            #expect(GIFTExporter.escape(text) == definition(text), "\(Array(text.unicodeScalars))")
            #expect(GIFTExporter.html(text) == definition(text, html: true), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theCharacterDefinitionEscapesEachSpecialCharacterAndLineBreak() {
        #expect(definition("a\\b ~ = # { } : x\r\ny\rz") == ##"a\\b \~ \= \# \{ \} \: x\ny"## + "\rz")
        #expect(definition("#\u{FE0F}\u{20E3}:") == "#\u{FE0F}\u{20E3}\\:")
    }

    /// The question's HTML is escaped as one text made of `<p>`, the prompt, `</p>` and the stem, though it is
    /// written piece by piece.
    @Test func aQuestionsHTMLIsEscapedAsTheWholeOfPromptAndStem() throws {
        let pieces = ["", "a", "#", "\u{301}", "\u{301}#", "#\u{301}", "\r", "\n", "\r\n", "\u{2028}", "x\n\n", "\u{e9}\n"]
        for prompt in pieces {
            for stem in pieces {
                let option = ChoiceOption(html: "a", text: "a", isCorrect: true, line: 2)
                let question = Question(id: "q", number: 1, line: 1, promptHTML: prompt, promptText: "Q", stemHTML: stem, kind: .singleChoice([option]))
                let bytes = try #require(GIFTExporter.export(Quiz(title: "T", titleHTML: "T", questions: [question]), path: "quiz.en.md").bytes)
                let expected = "::Q::[html]" + definition("<p>" + prompt + "</p>" + stem, html: true) + "{\n"
                #expect(String(decoding: bytes, as: UTF8.self).contains(expected), "\(Array(prompt.unicodeScalars)) \(Array(stem.unicodeScalars))")
            }
        }
    }

    @Test func aShortAnswersStarIsEscapedForMoodleNextToAnyCharacter() throws {
        for value in ["*", "a*b", "*\u{301}", "\u{e9}*", "#*:"] {
            let answers = TypedAnswers(accepted: [TypedAnswer(value: value, html: value, line: 2)])
            let question = Question(id: "q", number: 1, line: 1, promptHTML: "Q", promptText: "Q", kind: .shortAnswer(answers))
            let bytes = try #require(GIFTExporter.export(Quiz(title: "T", titleHTML: "T", questions: [question]), path: "quiz.en.md").bytes)
            let expected = "=%100%" + GIFTExporter.escape(value.replacingOccurrences(of: "*", with: "\\*")) + "\n"
            #expect(String(decoding: bytes, as: UTF8.self).contains(expected), "\(value)")
        }
    }
}


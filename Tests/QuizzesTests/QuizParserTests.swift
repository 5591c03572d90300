import Testing
@testable import Quizzes

/// Reading valid quizzes into the model: one test per question type, whole values compared.
@Suite struct QuizParserTests {
    @Test func theTitleIntroAndQuestionsOfTheExampleAreRead() throws {
        let (quiz, diagnostics) = Quiz.parse(source: try fixture("quiz.nl.md"), path: "quiz.nl.md", language: "nl")
        #expect(diagnostics == [])
        #expect(quiz?.title == "Zelftoets: waarom DevOps?")
        #expect(quiz?.introHTML == "<p>Test jezelf: elke vraag heeft één of meer juiste antwoorden.</p>\n")
        #expect(quiz?.questions.map(\.id) == ["https-port", "devops-goals", "devops-job-title", "docker-rm", "bytes-to-mb"])
        #expect(quiz?.questions.map(\.kind.name) == ["single", "multiple", "truefalse", "short", "numeric"])
    }

    @Test func aSingleChoiceQuestionHasItsStemOptionsFeedbackAndExplanation() {
        let source = """
            # T

            ## Which port does *HTTPS* use?
            <!-- id: https-port -->

            Think of `https://`.

            - ( ) 80
              > Plain HTTP.
            - (x) 443

            > TLS.
            """
        #expect(parse(source)?.questions == [
            Question(
                id: "https-port", number: 1, line: 3, promptHTML: "Which port does <em>HTTPS</em> use?",
                promptText: "Which port does HTTPS use?", stemHTML: "<p>Think of <code>https://</code>.</p>\n",
                kind: .singleChoice([
                    ChoiceOption(html: "80", text: "80", isCorrect: false, feedbackHTML: "<p>Plain HTTP.</p>\n", line: 8),
                    ChoiceOption(html: "443", text: "443", isCorrect: true, line: 10),
                ]),
                explanationHTML: "<p>TLS.</p>\n")
        ])
    }

    @Test func checkboxMarkersMakeAMultipleChoiceQuestion() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- [x] **a**\n- [ ] b\n- [X] c\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind == .multipleChoice([
            ChoiceOption(html: "<strong>a</strong>", text: "a", isCorrect: true, line: 6),
            ChoiceOption(html: "b", text: "b", isCorrect: false, line: 7),
            ChoiceOption(html: "c", text: "c", isCorrect: true, line: 8),
        ]))
    }

    @Test func twoRadioOptionsWithTheLanguagesWordsMakeATrueFalseQuestion() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) Waar\n- ( ) Onwaar\n\n> Why.\n"
        #expect(Quiz.parse(source: source, path: "q.md", language: "nl").quiz?.questions.first?.kind == .trueFalse([
            ChoiceOption(html: "Waar", text: "Waar", isCorrect: true, line: 6),
            ChoiceOption(html: "Onwaar", text: "Onwaar", isCorrect: false, line: 7),
        ]))
    }

    @Test func textAndCodeSpanAnswersMakeAShortAnswerQuestion() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- = `docker run --rm`\n- = docker container run --rm\n- ~ `8080`\n  > No.\n- ~ *\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind == .shortAnswer(TypedAnswers(
            accepted: [
                TypedAnswer(value: "docker run --rm", html: "<code>docker run --rm</code>", line: 6),
                TypedAnswer(value: "docker container run --rm", html: "docker container run --rm", line: 7),
            ],
            wrong: [
                TypedAnswer(value: "8080", html: "<code>8080</code>", feedbackHTML: "<p>No.</p>\n", line: 8),
                TypedAnswer(value: nil, html: "*", line: 10),
            ])))
    }

    @Test func bareNumbersMakeANumericQuestionWithEveryForm() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- = 5\n- = 536.9 ± 0.05\n- = 2 +- 0.5\n- = -1..3\n- ~ 80\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind == .numeric(TypedAnswers(
            accepted: [
                TypedAnswer(value: .exact(5), html: "5", line: 6),
                TypedAnswer(value: .approximately(536.9, tolerance: 0.05), html: "536.9 ± 0.05", line: 7),
                TypedAnswer(value: .approximately(2, tolerance: 0.5), html: "2 +- 0.5", line: 8),
                TypedAnswer(value: .range(-1, 3), html: "-1..3", line: 9),
            ],
            wrong: [TypedAnswer(value: .exact(80), html: "80", line: 10)])))
    }

    @Test func anOrderedListIsAnAnswerListToo() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n1. ( ) a\n2. (x) b\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind.options?.map(\.isCorrect) == [false, true])
    }

    @Test func aStemListWithoutMarkersStaysInTheStem() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- step one\n- step two\n\n<!-- a note for authors -->\n\n- (x) a\n- ( ) b\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.stemHTML == "<ul>\n<li>step one</li>\n<li>step two</li>\n</ul>\n")
    }

    @Test func aLooseListKeepsOptionsAsInlineHTML() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n\n- ( ) b\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind.options?.map(\.html) == ["a", "b"])
    }

    @Test func markersInsideCodeAreNotMarkers() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) `( )` is a radio\n- ( ) `=` is a check\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind.options?.map(\.html) == ["<code>( )</code> is a radio", "<code>=</code> is a check"])
    }

    @Test func htmlInOptionsIsEscapedInSafeMode() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) a < b & \"c\"\n- ( ) <b>raw</b>\n\n> Why.\n"
        #expect(parse(source)?.questions.first?.kind.options?.map(\.html) == [
            "a &lt; b &amp; &quot;c&quot;", "<!-- raw HTML omitted -->raw<!-- raw HTML omitted -->",
        ])
    }

    @Test func questionsAreNumberedInOrderWithTheirHeadingLines() {
        let question = "\n- (x) a\n- ( ) b\n\n> Why.\n\n"
        let source = "# T\n\n## One\n<!-- id: one -->\n\(question)## Two\n<!-- id: two -->\n\(question)"
        #expect(parse(source)?.questions.map { "\($0.number):\($0.line)" } == ["1:3", "2:11"])
    }
}

import Testing
@testable import Quizzes

/// Every error and warning of the quiz syntax, each at the line of the node it concerns.
@Suite struct QuizDiagnosticsTests {
    @Test func aQuizWithoutATitleFirstIsE001() {
        #expect(diagnose("Intro.\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E001@1"])
    }

    @Test func aSecondTitleIsE001AtItsLine() {
        #expect(diagnose("# T\n\n# Again\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E001@3"])
    }

    @Test func aQuizWithoutQuestionsIsE002() {
        #expect(diagnose("# T\n\nJust an intro.\n") == ["E002@1"])
    }

    @Test func anEmptyFileIsE001AndE002() {
        #expect(diagnose("") == ["E001@1", "E002@1"])
    }

    @Test func anAnswerListBeforeTheFirstQuestionIsE003() {
        #expect(diagnose("# T\n\n- (x) a\n- ( ) b\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E003@3"])
    }

    @Test func frontMatterIsE004AndTheRestIsStillChecked() {
        let source = "---\ntitle: x\n---\n# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- (x) b\n\n> Why.\n"
        #expect(diagnose(source) == ["E004@1", "E021@10"])
    }

    @Test func aThematicBreakOnLineOneIsE004() {
        #expect(diagnose("***\n# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E004@1"])
    }

    @Test func aQuestionWithoutAnswerListIsE010() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\nNo list.\n\n> Why.\n") == ["E010@3"])
    }

    @Test func markersSwallowedByAParagraphGiveE010WithTheBlankLineHint() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\nPick one:\n2. (x) a\n3. ( ) b\n"
        #expect(diagnose(source) == ["E010@3"])
        #expect(message("E010", in: source)?.contains("Line 7 looks like an option but was read as part of the paragraph above it: add a blank line") == true)
    }

    @Test func aListWithoutMarkersGivesE010WithAMarkerHint() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (a) one\n- (b) two\n"
        #expect(diagnose(source) == ["E010@3"])
        #expect(message("E010", in: source)?.contains("uses `(a)`, which is not an answer marker") == true)
    }

    @Test func mixedBulletCharactersSplitTheListIntoE011() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n* ( ) c\n\n> Why.\n") == ["E011@8"])
    }

    @Test func aBlockQuoteBetweenOptionsIsE012() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n> Feedback.\n\n- ( ) b\n\n> Why.\n") == ["E012@7"])
    }

    @Test func anItemWithoutMarkerIsE013() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n- c\n\n> Why.\n") == ["E013@9"])
    }

    @Test func anUnknownMarkerIsE014() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n- (v) c\n\n> Why.\n") == ["E014@8"])
    }

    @Test func mixedMarkerKindsAreE015() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- [ ] b\n- ( ) c\n\n> Why.\n") == ["E015@7"])
    }

    @Test func aMarkerWithoutTextIsE016() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( )\n- ( ) c\n\n> Why.\n") == ["E016@7"])
    }

    @Test func aCheckboxTurnedIntoALinkIsE017() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- [x] a\n- [ ] b\n\n> Why.\n\n[x]: https://example.com\n"
        #expect(diagnose(source) == ["E017@6"])
    }

    @Test func singleChoiceWithoutRightOptionIsE020() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- ( ) a\n- ( ) b\n\n> Why.\n") == ["E020@6"])
    }

    @Test func twoRightRadioOptionsAreE021AtTheSecond() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n- (x) c\n\n> Why.\n") == ["E021@8"])
    }

    @Test func multipleChoiceWithoutRightOptionIsE022() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- [ ] a\n- [ ] b\n\n> Why.\n") == ["E022@6"])
    }

    @Test func aSingleOptionIsE023() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n\n> Why.\n") == ["E023@6"])
    }

    @Test func aRepeatedOptionIsE024() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n- ( ) b\n\n> Why.\n") == ["E024@8"])
    }

    @Test func typedAnswersWithoutAcceptedValueAreE030() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- ~ telnet\n\n> Why.\n") == ["E030@6"])
    }

    @Test func numbersMixedWithTextAreE031() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = 443\n- = https\n\n> Why.\n") == ["E031@7"])
    }

    @Test func aNumberWrittenAsCodeIsTextNotE031() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = `8080`\n- = http-alt\n\n> Why.\n") == [])
    }

    @Test(arguments: ["5,5", "3..1", "5 ± -1", "1.2.3"])
    func aMalformedNumberIsE032(_ value: String) {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = \(value)\n\n> Why.\n") == ["E032@6"])
    }

    @Test func aFormattedTypedValueIsE033() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = *ssh*\n- = two\n  lines\n\n> Why.\n") == ["E033@6", "E033@7"])
    }

    @Test func twoCatchAllsAreE034() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = ssh\n- ~ *\n- ~ *\n\n> Why.\n") == ["E034@8"])
    }

    @Test func anAcceptedWildcardIsE035() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = ssh\n- = *\n\n> Why.\n") == ["E035@7"])
    }

    @Test func aRepeatedAcceptedAnswerIsE036IgnoringCase() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = SSH\n- = ssh\n\n> Why.\n") == ["E036@7"])
    }

    @Test func aCatchAllBeforeOtherAnswersIsE037() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- = ssh\n- ~ *\n- ~ telnet\n\n> Why.\n") == ["E037@7"])
    }

    @Test func twoFeedbackQuotesAreE040() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n  > One.\n\n  > Two.\n- ( ) b\n\n> Why.\n") == ["E040@7"])
    }

    @Test func feedbackIndentedIntoACodeBlockIsE041() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n\n        > Too far.\n- ( ) b\n\n> Why.\n") == ["E041@8"])
    }

    @Test func feedbackIndentedIntoTheOptionTextIsE041() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n        > Too far.\n- ( ) b\n\n> Why.\n") == ["E041@7"])
    }

    @Test func contentAfterTheExplanationIsE042() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n\nMore.\n") == ["E042@11"])
    }

    @Test func aParagraphAfterTheListIsE043() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\nMore.\n\n> Why.\n") == ["E043@9"])
    }

    @Test func aLevelThreeHeadingInAQuestionIsE050() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n### Part\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E050@6"])
    }

    @Test func aRepeatedIdIsE051AtTheSecondComment() {
        let question = "<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n"
        #expect(diagnose("# T\n\n## Q1\n\(question)\n## Q2\n\(question)") == ["E051@12"])
    }

    @Test(arguments: ["<!-- id: Https_Port -->", "<!-- id https-port -->", "<!-- ID: x -->", "<!-- id: -->"])
    func aMalformedIdCommentIsE052(_ comment: String) {
        #expect(diagnose("# T\n\n## Q\n\(comment)\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E052@4"])
    }

    @Test func anIdCommentBelowTheStemIsE052() {
        #expect(diagnose("# T\n\n## Q\n\nStem.\n\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["W001@3", "E052@7"])
    }

    @Test func anImageWithoutDescriptionIsE062() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n![](diagram.png)\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["E062@6"])
    }

    @Test func aMissingIdIsW001AndTheIdComesFromThePosition() {
        let source = "# T\n\n## Q\n\n- (x) a\n- ( ) b\n\n> Why.\n"
        #expect(diagnose(source) == ["W001@3"])
        #expect(Quiz.parse(source: source, path: "q.md", language: "en").quiz?.questions.map(\.id) == ["question-1"])
    }

    @Test func englishTrueFalseWordsInADutchQuizAreW002() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) True\n- ( ) False\n\n> Why.\n"
        #expect(diagnose(source, language: "nl") == ["W002@6"])
        #expect(message("W002", in: source, language: "nl")?.contains("write `Waar`/`Onwaar`") == true)
    }

    @Test func everyOptionRightIsW003() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- [x] a\n- [x] b\n\n> Why.\n") == ["W003@6"])
    }

    @Test func aQuestionWithoutExplanationIsW005() {
        #expect(diagnose("# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n") == ["W005@3"])
    }

    @Test func aSetextQuestionHeadingIsW008AtTheUnderline() {
        #expect(diagnose("# T\n\nQ\n---\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n> Why.\n") == ["W008@4"])
    }

    @Test func allProblemsOfAFileAreReportedInOneRun() {
        let source = """
            # T

            ## One
            <!-- id: one -->

            - ( ) a
            - ( ) b

            ## Two
            <!-- id: one -->

            - = 5,5

            > Why.
            """
        #expect(diagnose(source) == ["W005@3", "E020@6", "E032@12"])
    }

    @Test func diagnosticsPrintCompilerStyleWithTheirCode() {
        let (_, diagnostics) = Quiz.parse(source: "# T\n\n## Q\n<!-- id: q -->\n\n- ( ) a\n- ( ) b\n\n> Why.\n", path: "m/quiz.en.md", language: "en")
        #expect(diagnostics.map(\.description) == [
            "m/quiz.en.md:6:1: error: E020 no option is marked right: mark the right option with `(x)`"
        ])
    }

    @Test func aQuizWithErrorsIsNotReturned() {
        #expect(Quiz.parse(source: "# T\n\n## Q\n\n- ( ) a\n- ( ) b\n", path: "q.md", language: "en").quiz == nil)
    }
}

/// Hostile input is reported like any other mistake, never a crash.
@Suite struct QuizHostileInputTests {
    @Test func twentyThousandNestedQuotesAsExplanationParse() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n- ( ) b\n\n" + String(repeating: ">", count: 20_000) + " deep\n"
        let quiz = parse(source)
        #expect(quiz?.questions.first?.explanationHTML?.contains("deep") == true)
    }

    @Test func twentyThousandNestedListsInAnOptionAreReported() {
        let source = "# T\n\n## Q\n<!-- id: q -->\n\n- (x) a\n" + String(repeating: "- ", count: 20_000) + "x\n"
        #expect(!diagnose(source).isEmpty)
    }
}

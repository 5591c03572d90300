import Testing
@testable import Quizzes

/// W006: the nl and en quizzes of a module ask the same questions.
@Suite struct QuizComparisonTests {
    static let original = """
        # T

        ## One
        <!-- id: one -->

        - (x) a
        - ( ) b

        > Why.

        ## Two
        <!-- id: two -->

        - [x] a
        - [ ] b
        - [x] c

        > Why.

        ## Three
        <!-- id: three -->

        - = 5 ± 1

        > Why.
        """

    func warnings(_ translation: String) -> [String] {
        guard let first = parse(Self.original, language: "nl"),
              let second = Quiz.parse(source: translation, path: "quiz.en.md", language: "en").quiz
        else { return ["does not parse"] }
        return QuizComparison.warnings(comparing: first, at: "quiz.nl.md", with: second, at: "quiz.en.md").map { warning in
            "\(warning.code ?? "-")@\(warning.location?.line ?? 0) \(warning.message)"
        }
    }

    @Test func theExampleQuizzesOfBothLanguagesMatch() throws {
        let nl = try #require(Quiz.parse(source: try fixture("quiz.nl.md"), path: "quiz.nl.md", language: "nl").quiz)
        let en = try #require(Quiz.parse(source: try fixture("quiz.en.md"), path: "quiz.en.md", language: "en").quiz)
        #expect(QuizComparison.warnings(comparing: nl, at: "quiz.nl.md", with: en, at: "quiz.en.md") == [])
    }

    @Test func aMissingQuestionIsReportedWhereItShouldBe() {
        let translation = Self.original.replacingOccurrences(of: "## Two\n<!-- id: two -->\n\n- [x] a\n- [ ] b\n- [x] c\n\n> Why.\n\n", with: "")
        #expect(warnings(translation) == [
            "W006@11 question `two` of quiz.nl.md is missing here: translate it, with the same `<!-- id: two -->`"
        ])
    }

    @Test func anExtraQuestionIsReportedAtItsLine() {
        let translation = Self.original.replacingOccurrences(of: "id: three", with: "id: drie")
        #expect(warnings(translation) == [
            "W006@20 question `three` of quiz.nl.md is missing here: translate it, with the same `<!-- id: three -->`",
            "W006@20 question `drie` is not in quiz.nl.md: give it the id of the question it translates, or add it there too",
        ])
    }

    @Test func aMovedQuestionIsReportedOnce() {
        let translation = """
            # T

            ## Three
            <!-- id: three -->

            - = 5 ± 1

            > Why.

            ## One
            <!-- id: one -->

            - (x) a
            - ( ) b

            > Why.

            ## Two
            <!-- id: two -->

            - [x] a
            - [ ] b
            - [x] c

            > Why.
            """
        #expect(warnings(translation) == [
            "W006@3 question `three` is question 3 in quiz.nl.md but question 1 here: put the questions in the same order"
        ])
    }

    @Test func aDifferentTypeIsReported() {
        let translation = Self.original.replacingOccurrences(of: "- (x) a\n- ( ) b", with: "- [x] a\n- [ ] b")
        #expect(warnings(translation) == [
            "W006@3 question `one` is multiple choice here but single choice in quiz.nl.md: make both languages ask the same"
        ])
    }

    @Test func aDifferentOptionCountIsReported() {
        let translation = Self.original.replacingOccurrences(of: "- [ ] b\n- [x] c", with: "- [ ] b")
        #expect(warnings(translation) == [
            "W006@11 question `two` has 2 options here but 3 in quiz.nl.md: make both languages ask the same"
        ])
    }

    @Test func differentRightOptionsAreReported() {
        let translation = Self.original.replacingOccurrences(of: "- [ ] b\n- [x] c", with: "- [x] b\n- [ ] c")
        #expect(warnings(translation) == [
            "W006@11 question `two` has options 1, 2 right here but options 1, 3 in quiz.nl.md: make both languages ask the same"
        ])
    }

    @Test func differentNumbersAreReported() {
        let translation = Self.original.replacingOccurrences(of: "= 5 ± 1", with: "= 5 ± 2")
        #expect(warnings(translation) == [
            "W006@20 question `three` accepts `5 ± 2` here but `5 ± 1` in quiz.nl.md: make both languages ask the same"
        ])
    }

    @Test func trueFalseQuestionsCompareTheirTruthNotTheirOrder() throws {
        let nl = try #require(Quiz.parse(source: "# T\n\n## Q\n<!-- id: q -->\n\n- (x) Waar\n- ( ) Onwaar\n\n> W.\n", path: "n", language: "nl").quiz)
        let same = try #require(parse("# T\n\n## Q\n<!-- id: q -->\n\n- ( ) False\n- (x) True\n\n> W.\n"))
        let other = try #require(parse("# T\n\n## Q\n<!-- id: q -->\n\n- (x) False\n- ( ) True\n\n> W.\n"))
        #expect(QuizComparison.warnings(comparing: nl, at: "quiz.nl.md", with: same, at: "quiz.en.md") == [])
        #expect(QuizComparison.warnings(comparing: nl, at: "quiz.nl.md", with: other, at: "quiz.en.md").map(\.message) == [
            "question `q` has the answer false here but true in quiz.nl.md: make both languages ask the same"
        ])
    }
}

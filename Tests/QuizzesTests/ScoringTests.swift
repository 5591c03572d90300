import Foundation
import Testing
@testable import Quizzes

/// One row of `Fixtures/scoring-cases.json`, the table Swift and `quiz.js` both score.
struct ScoringCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var answer: AnswerKey
    var response: Response
    var expected: Score

    var testDescription: String { name }

    static func all() throws -> [ScoringCase] {
        struct Table: Decodable { var cases: [ScoringCase] }
        let data = try Data(contentsOf: fixtures.appendingPathComponent("scoring-cases.json"))
        return try JSONDecoder().decode(Table.self, from: data).cases
    }
}

@Suite struct ScoringTests {
    @Test(arguments: try ScoringCase.all())
    func theSwiftScoringGivesTheScoreOfTheSharedTable(_ row: ScoringCase) {
        #expect(row.answer.score(row.response) == row.expected)
    }

    @Test func theSharedTableCoversEveryKindOfQuestion() throws {
        #expect(Set(try ScoringCase.all().map(\.answer.name)) == ["single", "multiple", "truefalse", "short", "numeric"])
    }

    @Test func aQuestionScoresWithTheAnswerKeyOfItsOptions() throws {
        let quiz = try #require(Quiz.parse(source: try fixture("quiz.en.md"), path: "quiz.en.md", language: "en").quiz)
        let goals = try #require(quiz.questions.first { $0.id == "devops-goals" })
        #expect(goals.score(.choices([0])) == Score(value: 0.5))
        #expect(goals.score(.choices([0, 1])) == Score(value: 1))
    }

    @Test func theQuizScoreIsTheSumOutOfTheNumberOfQuestions() throws {
        let quiz = try #require(Quiz.parse(source: try fixture("quiz.en.md"), path: "quiz.en.md", language: "en").quiz)
        let responses: [String: Response] = ["https-port": .choices([1]), "devops-goals": .choices([1]), "bytes-to-mb": .text("512")]
        #expect(quiz.score(responses) == (points: 2.5, total: 5))
    }

    @Test func aScoreOfOneIsCorrectAHalfPartlyCorrectAndZeroIncorrect() {
        #expect([1, 0.5, 0].map { Score(value: $0).verdict } == [.correct, .partlyCorrect, .incorrect])
    }

    @Test func theAnswerKeyJSONIsCompactWithSortedKeys() {
        let key = AnswerKey.numeric(accepted: [.approximately(536.9, tolerance: 0.05), .range(1, 3)], wrong: [.exact(80), nil])
        #expect(key.json == #"{"accepted":[{"tolerance":0.05,"value":536.9},{"max":3,"min":1}],"kind":"numeric","wrong":[{"value":80},{"any":true}]}"#)
    }

    @Test func theAnswerKeyJSONReadsBackAsTheSameKey() throws {
        let keys: [AnswerKey] = [
            .singleChoice(correct: [false, true]), .multipleChoice(correct: [true, true, false]), .trueFalse(correct: [true, false]),
            .shortAnswer(accepted: ["ssh"], wrong: ["telnet", nil]), .numeric(accepted: [.exact(5)], wrong: []),
        ]
        let decoded = try keys.map { try JSONDecoder().decode(AnswerKey.self, from: Data($0.json.utf8)) }
        #expect(decoded == keys)
    }
}

extension Question {
    /// Scores a learner's response: a value in [0, 1] and a verdict (see `AnswerKey.score(_:)`).
    public func score(_ response: Response) -> Score {
        answerKey.score(response)
    }
}

extension Quiz {
    /// The quiz score: the sum of the question scores, out of the number of questions.
    public func score(_ responses: [String: Response]) -> (points: Double, total: Int) {
        let points = questions.reduce(0.0) { sum, question in
            sum + (responses[question.id].map { question.score($0).value } ?? 0)
        }
        return (points, questions.count)
    }
}

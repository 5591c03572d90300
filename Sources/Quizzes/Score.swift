/// The result of checking one answer.
public struct Score: Sendable, Hashable, Codable {
    /// How an answer is judged.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Full marks.
        case correct
        /// More than nothing, less than full marks (multiple choice only).
        case partlyCorrect
        /// Nothing.
        case incorrect
    }

    /// The points, from 0 to 1.
    public var value: Double
    /// Correct, partly correct or incorrect.
    public var verdict: Verdict
    /// For typed questions: the index of the `=` answer that matched.
    public var accepted: Int?
    /// For typed questions: the index of the `~` answer that matched (its feedback is shown).
    public var wrong: Int?

    private enum CodingKeys: String, CodingKey {
        case value = "score", verdict, accepted, wrong
    }

    /// Creates a score; the verdict follows from the value.
    public init(value: Double, accepted: Int? = nil, wrong: Int? = nil) {
        self.value = value
        self.verdict = value >= 1 ? .correct : value > 0 ? .partlyCorrect : .incorrect
        self.accepted = accepted
        self.wrong = wrong
    }
}

/// What a question's scoring needs and nothing more: the data `quiz.js` gets in the page's `data-answer`
/// attribute, and what `Question.score(_:)` scores in Swift, so both agree by construction.
public enum AnswerKey: Sendable, Hashable {
    /// One right option; `correct[i]` says whether option `i` is right.
    case singleChoice(correct: [Bool])
    /// Any number of right options.
    case multipleChoice(correct: [Bool])
    /// Two options, one right.
    case trueFalse(correct: [Bool])
    /// Accepted texts and expected wrong texts (`nil` is `~ *`, any other answer, always last).
    case shortAnswer(accepted: [String], wrong: [String?])
    /// Accepted numbers and expected wrong numbers (`nil` is `~ *`).
    case numeric(accepted: [NumericValue], wrong: [NumericValue?])
}

extension Question {
    /// The question's answer key.
    public var answerKey: AnswerKey {
        switch kind {
        case .singleChoice(let options): .singleChoice(correct: options.map(\.isCorrect))
        case .multipleChoice(let options): .multipleChoice(correct: options.map(\.isCorrect))
        case .trueFalse(let options): .trueFalse(correct: options.map(\.isCorrect))
        case .shortAnswer(let answers): .shortAnswer(accepted: answers.accepted.map(\.value), wrong: answers.wrong.map(\.value))
        case .numeric(let answers): .numeric(accepted: answers.accepted.map(\.value), wrong: answers.wrong.map(\.value))
        }
    }
}

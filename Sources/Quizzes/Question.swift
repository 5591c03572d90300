/// One question of a quiz: a `##` heading, an optional stem, one answer list and an optional explanation.
public struct Question: Sendable, Hashable {
    /// What kind of answer the question takes, with its options or accepted answers.
    public enum Kind: Sendable, Hashable {
        /// Radio buttons with exactly one right option.
        case singleChoice([ChoiceOption])
        /// Checkboxes; any number of options may be right (at least one).
        case multipleChoice([ChoiceOption])
        /// Two radio options with the language's true/false words, in the author's order.
        case trueFalse([ChoiceOption])
        /// A typed line of text compared ignoring case.
        case shortAnswer(TypedAnswers<String>)
        /// A typed number compared with exact values, tolerances or ranges.
        case numeric(TypedAnswers<NumericValue>)
    }

    /// The stable id from `<!-- id: ... -->`, or `question-N` when the author gave none.
    public var id: String
    /// The question's position in the quiz, from 1.
    public var number: Int
    /// The line of the `##` heading.
    public var line: Int
    /// The heading's content as inline HTML.
    public var promptHTML: String
    /// The heading's content as plain text (the question's name in exports).
    public var promptText: String
    /// The blocks between the heading and the answer list, as HTML; empty when there are none.
    public var stemHTML: String
    /// The answer the question takes.
    public var kind: Kind
    /// The explanation block quote's content as HTML, or `nil` when there is none.
    public var explanationHTML: String?

    /// Creates a question.
    public init(
        id: String, number: Int, line: Int, promptHTML: String, promptText: String, stemHTML: String = "",
        kind: Kind, explanationHTML: String? = nil
    ) {
        self.id = id
        self.number = number
        self.line = line
        self.promptHTML = promptHTML
        self.promptText = promptText
        self.stemHTML = stemHTML
        self.kind = kind
        self.explanationHTML = explanationHTML
    }
}

extension Question.Kind {
    /// The choice options, or `nil` for typed answers.
    public var options: [ChoiceOption]? {
        switch self {
        case .singleChoice(let options), .multipleChoice(let options), .trueFalse(let options): options
        case .shortAnswer, .numeric: nil
        }
    }

    /// The kind's name as the page and the answer key spell it: `single`, `multiple`, `truefalse`, `short`, `numeric`.
    public var name: String {
        switch self {
        case .singleChoice: "single"
        case .multipleChoice: "multiple"
        case .trueFalse: "truefalse"
        case .shortAnswer: "short"
        case .numeric: "numeric"
        }
    }
}

/// One `=` or `~` item of a typed question.
public struct TypedAnswer<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The accepted or expected value.
    public var value: Value
    /// The value as the author wrote it, as inline HTML (a code span stays code).
    public var html: String
    /// The item's feedback block quote as HTML, or `nil`.
    public var feedbackHTML: String?
    /// The line of the list item.
    public var line: Int

    /// Creates a typed answer.
    public init(value: Value, html: String, feedbackHTML: String? = nil, line: Int) {
        self.value = value
        self.html = html
        self.feedbackHTML = feedbackHTML
        self.line = line
    }
}

/// The answers of a short-answer or numeric question.
public struct TypedAnswers<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The `=` answers: any of them is right.
    public var accepted: [TypedAnswer<Value>]
    /// The `~` answers: expected wrong answers with their own feedback, in order; a `nil` value is `~ *`
    /// (any other answer), which is always last.
    public var wrong: [TypedAnswer<Value?>]

    /// Creates the answers.
    public init(accepted: [TypedAnswer<Value>], wrong: [TypedAnswer<Value?>] = []) {
        self.accepted = accepted
        self.wrong = wrong
    }
}

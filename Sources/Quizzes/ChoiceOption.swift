/// One option of a choice question: an item of the answer list.
public struct ChoiceOption: Sendable, Hashable {
    /// The option as inline HTML, without its marker (followed by any further blocks of the item).
    public var html: String
    /// The option as plain text, without its marker.
    public var text: String
    /// Whether the option is marked right (`(x)` or `[x]`).
    public var isCorrect: Bool
    /// The option's feedback block quote as HTML, or `nil`.
    public var feedbackHTML: String?
    /// The line of the list item.
    public var line: Int

    /// Creates an option.
    public init(html: String, text: String, isCorrect: Bool, feedbackHTML: String? = nil, line: Int) {
        self.html = html
        self.text = text
        self.isCorrect = isCorrect
        self.feedbackHTML = feedbackHTML
        self.line = line
    }
}

import Markdown

extension QuizReader {
    /// The true/false words of each language, as authors write them.
    static let trueFalseWords: [String: (true: String, false: String)] = [
        "nl": ("Waar", "Onwaar"),
        "en": ("True", "False"),
    ]

    /// A single-choice, true/false or multiple-choice question (E020–E024, W002, W003).
    mutating func choiceKind(_ raw: [RawOption], family: AnswerMarker.Family, list: MarkdownBlock, itemCount: Int, isComplete: Bool) -> Question.Kind? {
        let options = raw.map { option in
            ChoiceOption(
                html: option.html, text: option.text, isCorrect: option.marker == .radio(isCorrect: true) || option.marker == .checkbox(isCorrect: true),
                feedbackHTML: option.feedbackHTML, line: option.line)
        }
        if itemCount < 2 {
            error("E023", "a choice question needs at least 2 options: add another option", line: list.startLine)
        }
        checkDuplicates(options)
        let right = options.filter(\.isCorrect)
        guard family == .radio else {
            if right.isEmpty, isComplete {
                error("E022", "no option is marked right: mark every right option with `[x]` (at least one)", line: list.startLine)
            } else if right.count == options.count, options.count >= 2 {
                warning("W003", "every option is marked right, so the question checks nothing: add a wrong option (`[ ]`)", line: list.startLine)
            }
            return .multipleChoice(options)
        }
        if right.isEmpty, isComplete {
            error("E020", "no option is marked right: mark the right option with `(x)`", line: list.startLine)
        }
        for extra in right.dropFirst() {
            error("E021", "more than one option is marked `(x)`: a single-choice question has one right option; if several are right, use `[ ]`/`[x]` for every option", line: extra.line)
        }
        return isTrueFalse(options, list: list) ? .trueFalse(options) : .singleChoice(options)
    }
}

private extension QuizReader {
    /// E024 for an option whose text repeats an earlier one.
    mutating func checkDuplicates(_ options: [ChoiceOption]) {
        var seen: [String: Int] = [:]
        for option in options {
            if let first = seen[option.html] {
                error("E024", "this option repeats the option on line \(first): every option must be different", line: option.line)
            } else {
                seen[option.html] = option.line
            }
        }
    }

    /// Two options with the true/false words of this language (or of another one: W002).
    mutating func isTrueFalse(_ options: [ChoiceOption], list: MarkdownBlock) -> Bool {
        guard options.count == 2 else { return false }
        let written = Set(options.map { $0.text.lowercased() })
        func matches(_ words: (true: String, false: String)) -> Bool {
            written == [words.true.lowercased(), words.false.lowercased()]
        }
        guard let own = Self.trueFalseWords[language] else {
            return Self.trueFalseWords.values.contains(where: matches)
        }
        if matches(own) { return true }
        for (other, words) in Self.trueFalseWords.sorted(by: { $0.key < $1.key }) where other != language && matches(words) {
            warning("W002", "`\(words.true)`/`\(words.false)` are the true/false words of `\(other)`, but this quiz is in `\(language)`: write `\(own.true)`/`\(own.false)`", line: list.startLine)
            return true
        }
        return false
    }
}

extension ChoiceOption {
    /// For a true/false option: whether it is the "true" one (`Waar`, `True`).
    var meansTrue: Bool {
        QuizReader.trueFalseWords.values.contains { $0.true.lowercased() == text.lowercased() }
    }
}

import Markdown

extension QuizReader {
    /// A short-answer or numeric question (E030–E037).
    mutating func typedKind(_ options: [RawOption], list: MarkdownBlock, isComplete: Bool) -> Question.Kind? {
        let values = options.map { option in (option, readValue(option)) }
        checkCatchAll(values)
        guard values.contains(where: { $0.0.marker == .accepted }) else {
            if isComplete { error("E030", "no accepted answer: add an item `= answer` (`~` items are expected wrong answers)", line: list.startLine) }
            return nil
        }
        let classified = values.filter { $0.1.isNumeric != nil }
        guard let isNumeric = classified.first?.1.isNumeric else { return nil }
        for (option, value) in classified where value.isNumeric != isNumeric {
            let (this, first) = isNumeric ? ("text", "a number") : ("a number", "text")
            error("E031", "this answer is \(this) but the first answer is \(first): a question takes numbers or text, not both; to accept a number as text write it as code, e.g. `` = `8080` ``", line: option.line)
        }
        let kind = isNumeric ? numericKind(values) : shortKind(values)
        checkDuplicateAnswers(kind)
        return kind
    }
}

private extension QuizReader {
    /// An item's value as the author wrote it.
    enum TypedValue {
        case text(String)
        case number(NumericValue)
        case anyOther
        /// A number the author got wrong (E032 reported); still counts as numeric for E031.
        case malformedNumber
        /// Not one line of text or one code span (E033 reported).
        case invalid

        var isNumeric: Bool? {
            switch self {
            case .text: false
            case .number, .malformedNumber: true
            case .anyOther, .invalid: nil
            }
        }
    }

    /// One line of text or one code span after the marker (E033); `*` and numbers recognised (E032, E035).
    mutating func readValue(_ option: RawOption) -> TypedValue {
        let nodes = option.inlines.nodes
        let text = String(option.inlines.leadingText.dropFirst(option.markerLength)).trimmed
        let rest = nodes.drop { $0.kind == .text }
        guard option.extraBlocks.isEmpty else { return reportInvalidValue(option) }
        if let code = rest.first, code.kind == .code, text.isEmpty,
           rest.dropFirst().allSatisfy({ $0.kind == .text && $0.text.trimmed.isEmpty }) {
            return .text(code.text)  // a code span is always text, even `8080` or `*`
        }
        guard rest.isEmpty else { return reportInvalidValue(option) }
        if text == "*" {
            guard option.marker == .wrong else {
                error("E035", "`= *` would accept any answer: for feedback on every other answer write `~ *` as the last item", line: option.line)
                return .invalid
            }
            return .anyOther
        }
        guard NumericValue.looksNumeric(text) else { return .text(text) }
        switch NumericValue.parse(text) {
        case .success(let number):
            return .number(number)
        case .failure(let failure):
            error("E032", Self.message(for: failure, text: text), line: option.line)
            return .malformedNumber
        }
    }

    mutating func reportInvalidValue(_ option: RawOption) -> TypedValue {
        error("E033", "a typed answer is one line of plain text or one `code span`, nothing else: remove the formatting, line breaks or extra blocks (feedback goes in a `>` quote under the item)", line: option.line)
        return .invalid
    }

    static func message(for failure: NumericValue.ParseError, text: String) -> String {
        switch failure {
        case .decimalComma:
            "`\(text)` has a decimal comma: the source always uses a decimal point (`5.5`); learners may still type a comma"
        case .descendingRange:
            "the range `\(text)` goes down: write the smaller number first, e.g. `1..3`"
        case .negativeTolerance:
            "the tolerance in `\(text)` is negative: write it without a sign, e.g. `536.9 ± 0.05`"
        case .tooLarge:
            "this number is too large to compute with: write a smaller number; if it is text (an identifier, a serial number), write it as code: `` = `digits` ``"
        case .malformed:
            "`\(text)` is not a number: write `5`, `536.9 ± 0.05` (or `+-`) or `1..3`; if it is text (a port, a version), write it as code: `` `\(text)` ``"
        }
    }

    /// E034 for a second `~ *`, E037 for a `~ *` that is not last.
    mutating func checkCatchAll(_ values: [(RawOption, TypedValue)]) {
        let catchAlls = values.indices.filter { if case .anyOther = values[$0].1 { true } else { false } }
        for index in catchAlls.dropFirst() {
            error("E034", "only one `~ *` (any other answer) per question: remove this one", line: values[index].0.line)
        }
        if let first = catchAlls.first, first != values.count - 1, catchAlls.count == 1 {
            error("E037", "`~ *` catches every remaining answer, so it must be the last item: move it down", line: values[first].0.line)
        }
    }

    /// E036 for an accepted answer that repeats an earlier one (text compared as the scoring does: ignoring case).
    mutating func checkDuplicateAnswers(_ kind: Question.Kind) {
        let keys: [(String, Int)] = switch kind {
        case .shortAnswer(let answers): answers.accepted.map { (AnswerKey.normalized($0.value), $0.line) }
        case .numeric(let answers): answers.accepted.map { ($0.value.displayText, $0.line) }
        default: []
        }
        var seen: [String: Int] = [:]
        for (key, line) in keys {
            if let first = seen[key] {
                error("E036", "this answer is already accepted on line \(first) (answers are compared ignoring case): remove one", line: line)
            } else {
                seen[key] = line
            }
        }
    }

    func shortKind(_ values: [(RawOption, TypedValue)]) -> Question.Kind {
        var answers = TypedAnswers<String>(accepted: [])
        for (option, value) in values {
            let html = option.inlines.html(droppingLeadingCharacters: option.markerLength).trimmed
            switch (option.marker, value) {
            case (.accepted, .text(let text)):
                answers.accepted.append(TypedAnswer(value: text, html: html, feedbackHTML: option.feedbackHTML, line: option.line))
            case (.wrong, .text(let text)):
                answers.wrong.append(TypedAnswer(value: text, html: html, feedbackHTML: option.feedbackHTML, line: option.line))
            case (.wrong, .anyOther):
                answers.wrong.append(TypedAnswer(value: nil, html: html, feedbackHTML: option.feedbackHTML, line: option.line))
            default:
                continue
            }
        }
        return .shortAnswer(answers)
    }

    func numericKind(_ values: [(RawOption, TypedValue)]) -> Question.Kind {
        var answers = TypedAnswers<NumericValue>(accepted: [])
        for (option, value) in values {
            let html = option.inlines.html(droppingLeadingCharacters: option.markerLength).trimmed
            switch (option.marker, value) {
            case (.accepted, .number(let number)):
                answers.accepted.append(TypedAnswer(value: number, html: html, feedbackHTML: option.feedbackHTML, line: option.line))
            case (.wrong, .number(let number)):
                answers.wrong.append(TypedAnswer(value: number, html: html, feedbackHTML: option.feedbackHTML, line: option.line))
            case (.wrong, .anyOther):
                answers.wrong.append(TypedAnswer(value: nil, html: html, feedbackHTML: option.feedbackHTML, line: option.line))
            default:
                continue
            }
        }
        return .numeric(answers)
    }
}

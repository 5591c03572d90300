extension AnswerKey {
    /// Scores a response exactly as the spec (and `quiz.js`'s `scoreQuestion`) does.
    ///
    /// - single, true/false: 1 when exactly the right option is chosen.
    /// - multiple: +1/k per chosen right option, −1/(n−k) per chosen wrong one, clamped to [0, 1] (Moodle's partial credit).
    /// - short: trimmed, case-insensitive, exact match with any accepted text.
    /// - numeric: `,` or `.` as decimal separator; exact, `v ± t` or `a..b`.
    public func score(_ response: Response) -> Score {
        switch (self, response) {
        case (.singleChoice(let correct), .choices(let chosen)), (.trueFalse(let correct), .choices(let chosen)):
            let chosen = Set(chosen)
            return Score(value: chosen.count == 1 && chosen.allSatisfy { correct.indices.contains($0) && correct[$0] } ? 1 : 0)
        case (.multipleChoice(let correct), .choices(let chosen)):
            return Score(value: Self.partialCredit(correct: correct, chosen: Set(chosen)))
        case (.shortAnswer(let accepted, let wrong), .text(let text)):
            let answer = Self.normalized(text)
            guard !answer.isEmpty else { return Score(value: 0) }
            if let index = accepted.firstIndex(where: { Self.normalized($0) == answer }) {
                return Score(value: 1, accepted: index)
            }
            return Score(value: 0, wrong: wrong.firstIndex { $0.map { Self.normalized($0) == answer } ?? true })
        case (.numeric(let accepted, let wrong), .text(let text)):
            let trimmed = Self.trimmed(text)
            guard !trimmed.isEmpty else { return Score(value: 0) }
            guard let number = Self.learnersNumber(trimmed) else { return Score(value: 0, wrong: wrong.firstIndex(of: nil)) }
            if let index = accepted.firstIndex(where: { $0.matches(number) }) { return Score(value: 1, accepted: index) }
            return Score(value: 0, wrong: wrong.firstIndex { $0?.matches(number) ?? true })
        default:
            return Score(value: 0)
        }
    }
}

extension AnswerKey {
    /// The characters trimmed from typed answers (the same list as in `quiz.js`): space, tab, line breaks,
    /// vertical tab, form feed and the no-break space.
    static let trimmedScalars: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}"]

    /// Moodle's partial credit; written as one expression so `quiz.js` gets the very same floating-point value.
    static func partialCredit(correct: [Bool], chosen: Set<Int>) -> Double {
        let right = correct.filter { $0 }.count
        let wrong = correct.count - right
        let chosenRight = chosen.filter { correct.indices.contains($0) && correct[$0] }.count
        let chosenWrong = chosen.filter { correct.indices.contains($0) && !correct[$0] }.count
        guard right > 0 else { return 0 }
        let value = Double(chosenRight) / Double(right) - (wrong > 0 ? Double(chosenWrong) / Double(wrong) : 0)
        return min(1, max(0, value))
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, trimmedScalars.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, trimmedScalars.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Trimmed and lower-cased; Swift compares the result by canonical equivalence, `quiz.js` normalises to NFC.
    static func normalized(_ text: String) -> String {
        trimmed(text).lowercased()
    }

    /// A learner's number: optional sign, digits, and one decimal point or comma.
    static func learnersNumber(_ text: String) -> Double? {
        NumericValue.number(Substring(text.replacingFirstComma()))
    }
}

private extension String {
    func replacingFirstComma() -> String {
        guard let comma = firstIndex(of: ",") else { return self }
        var copy = self
        copy.replaceSubrange(comma...comma, with: ".")
        return copy
    }
}

extension GIFTExporter {
    /// Moodle's accepted answer weights in percent (their negatives too), as GIFT writes them.
    static let moodleWeights: Set<String> = [
        "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25", "20",
        "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
    ]

    /// A weight that Moodle does not accept.
    struct WeightError: Error {
        var message: String
    }

    /// `100/count` percent as GIFT writes it (`33.33333`), or an error when it is not on Moodle's list.
    static func weight(sharedBy count: Int, right: Bool) -> Result<String, WeightError> {
        let percent = format(100 / Double(count))
        guard moodleWeights.contains(percent) else {
            let kind = right ? "right" : "wrong"
            return .failure(WeightError(message: "with \(count) \(kind) options each would weigh \(right ? "" : "-")\(percent)%, which is not on Moodle's list of weights: a multiple-choice question exports with at most 10 right and 10 wrong options; split the question"))
        }
        return .success(right ? percent : "-" + percent)
    }

    /// A percentage with at most five decimals and no trailing zeros: `100`, `12.5`, `33.33333`.
    static func format(_ percent: Double) -> String {
        let scaled = (percent * 100_000).rounded()
        let whole = Int(scaled) / 100_000
        var fraction = String(Int(scaled) % 100_000)
        fraction = String(repeating: "0", count: 5 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }

    /// The weights of a right and a wrong option (`""` when there are none of that kind).
    static func multipleChoiceWeights(_ options: [ChoiceOption]) -> Result<(right: String, wrong: String), WeightError> {
        let rightCount = options.reduce(0) { $0 + ($1.isCorrect ? 1 : 0) }
        let wrongCount = options.count - rightCount
        let rightWeight = rightCount > 0 ? commonWeight(sharedBy: rightCount, right: true) : .success("")
        let wrongWeight = wrongCount > 0 ? commonWeight(sharedBy: wrongCount, right: false) : .success("")
        return rightWeight.flatMap { right in wrongWeight.map { wrong in (right, wrong) } }
    }
}

private extension GIFTExporter {
    /// `weight(sharedBy:right:)`, looked up for the counts questions have: formatting the percentage and finding
    /// it in the set cost more than writing the rest of the question.
    static func commonWeight(sharedBy count: Int, right: Bool) -> Result<String, WeightError> {
        guard count < commonWeights.count else { return weight(sharedBy: count, right: right) }
        return right ? commonWeights[count].right : commonWeights[count].wrong
    }

    /// The weights of 1 to 10 options (and an unused entry for none), worked out once.
    static let commonWeights: [(right: Result<String, WeightError>, wrong: Result<String, WeightError>)] = (0...10).map { count in
        count == 0 ? (.success(""), .success("")) : (weight(sharedBy: count, right: true), weight(sharedBy: count, right: false))
    }
}

import Diagnostics
import Foundation

/// Writes a quiz as GIFT, the text format Moodle imports.
///
/// Each question becomes `// [id:<id>]`, then `::name::[html]<question html>{` and one answer per line,
/// the explanation as `####<html>`, and `}`. Names, HTML and answers are escaped; newlines become `\n`.
public enum GIFTExporter {
    /// The quiz as one GIFT text, or `nil` with errors (E060, E061) when Moodle could not take it.
    ///
    /// - Parameters:
    ///   - quiz: a quiz without errors.
    ///   - path: the quiz file's path, for diagnostics.
    public static func export(_ quiz: Quiz, path: String) -> (text: String?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var blocks = ["// \(quiz.title.replacingNewlines(with: " "))\n"]
        for question in quiz.questions {
            let location = SourceLocation(path: path, line: question.line)
            if question.promptText.count > 255 {
                diagnostics.append(.error(
                    "the question is \(question.promptText.count) characters long, but Moodle's question names take at most 255: shorten the heading and move detail into the text below it",
                    at: location, code: "E061"))
            }
            switch answerLines(for: question) {
            case .success(let lines):
                blocks.append(text(for: question, answerLines: lines))
            case .failure(let failure):
                diagnostics.append(.error(failure.message, at: location, code: "E060"))
            }
        }
        return (diagnostics.isEmpty ? blocks.joined(separator: "\n") : nil, diagnostics)
    }
}

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

    /// Escapes GIFT's special characters: `\` first, then `~ = # { } :`; newlines become `\n`.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "~", "=", "#", "{", "}", ":": escaped += "\\\(character)"
            case "\n": escaped += "\\n"
            case "\r\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// HTML for GIFT: trailing newlines dropped, then escaped.
    static func html(_ html: String) -> String {
        var trimmed = Substring(html)
        while trimmed.last?.isNewline == true { trimmed = trimmed.dropLast() }
        return escape(String(trimmed))
    }

    /// `#feedback`, or nothing.
    static func feedback(_ html: String?) -> String {
        html.map { "#" + Self.html($0) } ?? ""
    }
}

private extension GIFTExporter {
    static func text(for question: Question, answerLines: [String]) -> String {
        let questionHTML = "<p>\(question.promptHTML)</p>" + question.stemHTML
        var lines = [
            "// [id:\(question.id)]",
            "::\(escape(question.promptText))::[html]\(html(questionHTML)){" + (question.kind.name == "numeric" ? "#" : ""),
        ]
        lines += answerLines
        if let explanation = question.explanationHTML { lines.append("####" + html(explanation)) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func answerLines(for question: Question) -> Result<[String], WeightError> {
        switch question.kind {
        case .singleChoice(let options):
            return .success(options.map { ($0.isCorrect ? "=" : "~") + html($0.html) + feedback($0.feedbackHTML) })
        case .trueFalse(let options):
            let right = options.first(where: \.isCorrect)
            let wrong = options.first { !$0.isCorrect }
            let answer = right?.meansTrue == true ? "TRUE" : "FALSE"
            let feedbacks = [wrong?.feedbackHTML, right?.feedbackHTML].map { $0.map(html) ?? "" }
            return .success([answer + (feedbacks.allSatisfy(\.isEmpty) ? "" : "#" + feedbacks.joined(separator: "#"))])
        case .multipleChoice(let options):
            return multipleChoiceLines(options)
        case .shortAnswer(let answers):
            var lines = answers.accepted.map { "=%100%" + shortAnswer($0.value) + feedback($0.feedbackHTML) }
            for answer in answers.wrong {
                guard let value = answer.value else {
                    if answer.feedbackHTML != nil { lines.append("=%0%*" + feedback(answer.feedbackHTML)) }
                    continue
                }
                lines.append("=%0%" + shortAnswer(value) + feedback(answer.feedbackHTML))
            }
            return .success(lines)
        case .numeric(let answers):
            var lines = answers.accepted.map { "=%100%" + $0.value.giftText + feedback($0.feedbackHTML) }
            for answer in answers.wrong {
                guard let value = answer.value else {
                    if answer.feedbackHTML != nil { lines.append("~" + feedback(answer.feedbackHTML)) }
                    continue
                }
                lines.append("=%0%" + value.giftText + feedback(answer.feedbackHTML))
            }
            return .success(lines)
        }
    }

    static func multipleChoiceLines(_ options: [ChoiceOption]) -> Result<[String], WeightError> {
        let rightCount = options.filter(\.isCorrect).count
        let wrongCount = options.count - rightCount
        let rightWeight = rightCount > 0 ? weight(sharedBy: rightCount, right: true) : .success("")
        let wrongWeight = wrongCount > 0 ? weight(sharedBy: wrongCount, right: false) : .success("")
        return rightWeight.flatMap { rightWeight in
            wrongWeight.map { wrongWeight in
                options.map { option in
                    "~%\(option.isCorrect ? rightWeight : wrongWeight)%" + html(option.html) + feedback(option.feedbackHTML)
                }
            }
        }
    }

    /// A short answer for Moodle, which reads `*` as a wildcard unless written `\*`.
    static func shortAnswer(_ value: String) -> String {
        escape(value.replacingOccurrences(of: "*", with: "\\*"))
    }
}

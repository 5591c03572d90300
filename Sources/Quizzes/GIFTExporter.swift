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
        // The text is written into one buffer; when a question cannot be exported, the whole text is dropped.
        var text = "// \(quiz.title.replacingNewlines(with: " "))\n"
        text.reserveCapacity(estimatedSize(of: quiz))
        for question in quiz.questions {
            let location = SourceLocation(path: path, line: question.line)
            // Checking the byte count first spares counting the characters of every normal name.
            if question.promptText.utf8.count > 255, question.promptText.count > 255 {
                diagnostics.append(.error(
                    "the question is \(question.promptText.count) characters long, but Moodle's question names take at most 255: shorten the heading and move detail into the text below it",
                    at: location, code: "E061"))
            }
            if let failure = write(question, to: &text) {
                diagnostics.append(.error(failure.message, at: location, code: "E060"))
            }
        }
        return (diagnostics.isEmpty ? text : nil, diagnostics)
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
        escaped.reserveCapacity(text.utf8.count + 16)
        append(escaping: Substring(text), to: &escaped)
        return escaped
    }

    /// HTML for GIFT: trailing newlines dropped, then escaped.
    static func html(_ html: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(html.utf8.count + 16)
        append(html: html, to: &escaped)
        return escaped
    }

    /// `html(_:)` written at the end of `output`.
    static func append(html: String, to output: inout String) {
        append(escaping: droppingTrailingNewlines(html), to: &output)
    }

    /// `escape(_:)` written at the end of `output`.
    ///
    /// The text is escaped byte by byte. The rules are defined on characters, though, and a special character
    /// next to a non-ASCII scalar may be part of a larger one (`#️⃣` is `#` and two more scalars), which is not
    /// escaped: such rare texts are escaped one character at a time.
    static func append(escaping text: Substring, to output: inout String) {
        var text = text
        var needsCharacters = false
        let escaped = text.withUTF8 { bytes in
            // Each byte becomes at most two.
            String(unsafeUninitializedCapacity: 2 * bytes.count) { buffer in
                var count = 0
                func put(_ byte: UInt8) {
                    buffer[count] = byte
                    count &+= 1
                }
                for index in bytes.indices {
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "\\"), UInt8(ascii: "~"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "{"),
                         UInt8(ascii: "}"), UInt8(ascii: ":"):
                        let previous = index > 0 ? bytes[index &- 1] : 0
                        let next = index &+ 1 < bytes.count ? bytes[index &+ 1] : 0
                        guard previous < 0x80, next < 0x80 else {
                            needsCharacters = true
                            return 0
                        }
                        put(UInt8(ascii: "\\"))
                        put(byte)
                    case UInt8(ascii: "\n"):
                        // `\r\n` is one character, escaped as `\n` like a lone `\n`.
                        if index > 0, bytes[index &- 1] == UInt8(ascii: "\r") { count &-= 1 }
                        put(UInt8(ascii: "\\"))
                        put(UInt8(ascii: "n"))
                    default:
                        put(byte)
                    }
                }
                return count
            }
        }
        if needsCharacters {
            appendEscapingCharacters(text, to: &output)
        } else {
            output += escaped
        }
    }

    /// The character-by-character definition of `escape(_:)`.
    static func appendEscapingCharacters(_ text: Substring, to output: inout String) {
        for character in text {
            switch character {
            case "\\": output += "\\\\"
            case "~", "=", "#", "{", "}", ":": output += "\\\(character)"
            case "\n": output += "\\n"
            case "\r\n": output += "\\n"
            default: output.append(character)
            }
        }
    }

    /// The text without trailing line breaks (`\n`, `\r`, and the rarer ones `Character.isNewline` knows).
    static func droppingTrailingNewlines(_ text: String) -> Substring {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end != utf8.startIndex, (0x0A...0x0D).contains(utf8[utf8.index(before: end)]) {
            end = utf8.index(before: end)
        }
        // A line break byte always ends a character, so the cut is a character boundary; U+0085, U+2028 and
        // U+2029 (which end in 0x85, 0xA8 and 0xA9) are left to the character-by-character version.
        if end != utf8.startIndex, utf8[utf8.index(before: end)] >= 0x80 {
            var trimmed = Substring(text)
            while trimmed.last?.isNewline == true { trimmed = trimmed.dropLast() }
            return trimmed
        }
        return Substring(utf8[..<end])
    }

    /// `#feedback`, or nothing.
    static func feedback(_ html: String?) -> String {
        var text = ""
        append(feedback: html, to: &text)
        return text
    }

    /// `feedback(_:)` written at the end of `output`.
    static func append(feedback html: String?, to output: inout String) {
        guard let html else { return }
        output += "#"
        append(html: html, to: &output)
    }
}

private extension GIFTExporter {
    /// A generous guess at the GIFT text's length, so its buffer grows once or not at all.
    static func estimatedSize(of quiz: Quiz) -> Int {
        quiz.questions.reduce(quiz.title.utf8.count + 16) { size, question in
            var size = size + 64 + question.id.utf8.count + question.promptText.utf8.count
                + question.promptHTML.utf8.count + question.stemHTML.utf8.count + (question.explanationHTML?.utf8.count ?? 0)
            switch question.kind {
            case .singleChoice(let options), .multipleChoice(let options), .trueFalse(let options):
                for option in options { size += 16 + option.html.utf8.count + (option.feedbackHTML?.utf8.count ?? 0) }
            case .shortAnswer(let answers):
                for answer in answers.accepted { size += 16 + answer.value.utf8.count + (answer.feedbackHTML?.utf8.count ?? 0) }
                for answer in answers.wrong { size += 16 + (answer.value?.utf8.count ?? 1) + (answer.feedbackHTML?.utf8.count ?? 0) }
            case .numeric(let answers):
                size += 48 * (answers.accepted.count + answers.wrong.count)
                for answer in answers.accepted { size += answer.feedbackHTML?.utf8.count ?? 0 }
                for answer in answers.wrong { size += answer.feedbackHTML?.utf8.count ?? 0 }
            }
            return size + size / 8
        }
    }

    /// Writes one question (after a blank line): the id comment, `::name::[html]question{`, one answer per line,
    /// the explanation and `}`; returns the weight error instead when Moodle could not take the question.
    static func write(_ question: Question, to output: inout String) -> WeightError? {
        var weights = (right: "", wrong: "")
        if case .multipleChoice(let options) = question.kind {
            switch multipleChoiceWeights(options) {
            case .success(let shared): weights = shared
            case .failure(let failure): return failure
            }
        }
        output += "\n// [id:"
        output += question.id
        output += "]\n::"
        append(escaping: Substring(question.promptText), to: &output)
        output += "::[html]"
        append(html: "<p>" + question.promptHTML + "</p>" + question.stemHTML, to: &output)
        output += question.kind.name == "numeric" ? "{#\n" : "{\n"
        writeAnswers(of: question.kind, weights: weights, to: &output)
        if let explanation = question.explanationHTML {
            output += "####"
            append(html: explanation, to: &output)
            output += "\n"
        }
        output += "}\n"
        return nil
    }

    /// One line per answer; `weights` are those of a multiple-choice question.
    static func writeAnswers(of kind: Question.Kind, weights: (right: String, wrong: String), to output: inout String) {
        func line(_ prefix: String, html: String? = nil, text: String? = nil, feedback: String?) {
            output += prefix
            if let html { append(html: html, to: &output) }
            if let text { output += text }
            append(feedback: feedback, to: &output)
            output += "\n"
        }
        switch kind {
        case .singleChoice(let options):
            for option in options { line(option.isCorrect ? "=" : "~", html: option.html, feedback: option.feedbackHTML) }
        case .trueFalse(let options):
            let right = options.first(where: \.isCorrect)
            let wrong = options.first { !$0.isCorrect }
            let feedbacks = [wrong?.feedbackHTML, right?.feedbackHTML].map { $0.map(html) ?? "" }
            output += right?.meansTrue == true ? "TRUE" : "FALSE"
            if !feedbacks.allSatisfy(\.isEmpty) { output += "#" + feedbacks.joined(separator: "#") }
            output += "\n"
        case .multipleChoice(let options):
            for option in options {
                line("~%" + (option.isCorrect ? weights.right : weights.wrong) + "%", html: option.html, feedback: option.feedbackHTML)
            }
        case .shortAnswer(let answers):
            for answer in answers.accepted { line("=%100%", text: shortAnswer(answer.value), feedback: answer.feedbackHTML) }
            for answer in answers.wrong {
                guard let value = answer.value else {
                    if answer.feedbackHTML != nil { line("=%0%*", feedback: answer.feedbackHTML) }
                    continue
                }
                line("=%0%", text: shortAnswer(value), feedback: answer.feedbackHTML)
            }
        case .numeric(let answers):
            for answer in answers.accepted { line("=%100%", text: answer.value.giftText, feedback: answer.feedbackHTML) }
            for answer in answers.wrong {
                guard let value = answer.value else {
                    if answer.feedbackHTML != nil { line("~", feedback: answer.feedbackHTML) }
                    continue
                }
                line("=%0%", text: value.giftText, feedback: answer.feedbackHTML)
            }
        }
    }

    /// The weights of a right and a wrong option (`""` when there are none of that kind).
    static func multipleChoiceWeights(_ options: [ChoiceOption]) -> Result<(right: String, wrong: String), WeightError> {
        let rightCount = options.filter(\.isCorrect).count
        let wrongCount = options.count - rightCount
        let rightWeight = rightCount > 0 ? weight(sharedBy: rightCount, right: true) : .success("")
        let wrongWeight = wrongCount > 0 ? weight(sharedBy: wrongCount, right: false) : .success("")
        return rightWeight.flatMap { right in wrongWeight.map { wrong in (right, wrong) } }
    }

    /// A short answer for Moodle, which reads `*` as a wildcard unless written `\*`.
    static func shortAnswer(_ value: String) -> String {
        escape(value.utf8.contains(UInt8(ascii: "*")) ? value.replacingOccurrences(of: "*", with: "\\*") : value)
    }
}

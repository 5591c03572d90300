import Diagnostics
import Foundation

/// Writes a quiz as GIFT, the text format Moodle imports.
///
/// Each question becomes `// [id:<id>]`, then `::name::[html]<question html>{` and one answer per line,
/// the explanation as `####<html>`, and `}`. Names, HTML and answers are escaped; newlines become `\n`.
public enum GIFTExporter {
    /// The quiz as one GIFT text in UTF-8, or `nil` with errors (E060, E061) when Moodle could not take it.
    ///
    /// - Parameters:
    ///   - quiz: a quiz without errors.
    ///   - path: the quiz file's path, for diagnostics.
    public static func export(_ quiz: Quiz, path: String) -> (bytes: [UInt8]?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // The text is written into one buffer; when a question cannot be exported, the whole text is dropped.
        // A question takes about 700 bytes; the writer doubles its buffer for a quiz that needs more.
        var text = ByteWriter(capacity: 1_024 * quiz.questions.count + 256)
        text.append("// ")
        text.append(utf8: quiz.title.replacingNewlines(with: " "))
        text.append(UInt8(ascii: "\n"))
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
        return (diagnostics.isEmpty ? text.bytes : nil, diagnostics)
    }
}

private extension GIFTExporter {
    /// Writes one question (after a blank line): the id comment, `::name::[html]question{`, one answer per line,
    /// the explanation and `}`; returns the weight error instead when Moodle could not take the question.
    static func write(_ question: Question, to output: inout ByteWriter) -> WeightError? {
        var weights = (right: "", wrong: "")
        if case .multipleChoice(let options) = question.kind {
            switch multipleChoiceWeights(options) {
            case .success(let shared): weights = shared
            case .failure(let failure): return failure
            }
        }
        output.append("\n// [id:")
        output.append(utf8: question.id)
        output.append("]\n::")
        append(escaping: Substring(question.promptText), to: &output)
        output.append("::[html]")
        // The question's HTML is `html("<p>" + promptHTML + "</p>" + stemHTML)` written piece by piece: `<p>` and
        // `</p>` need no escaping, stop the trimming of trailing line breaks, and no character joins their `<` or `>`
        // to a special character beside them, so the pieces escaped apart give the same bytes (a test checks it).
        output.append("<p>")
        append(escaping: Substring(question.promptHTML), to: &output)
        output.append("</p>")
        append(html: question.stemHTML, to: &output)
        if case .numeric = question.kind { output.append("{#\n") } else { output.append("{\n") }
        writeAnswers(of: question.kind, weights: weights, to: &output)
        if let explanation = question.explanationHTML {
            output.append("####")
            append(html: explanation, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        output.append("}\n")
        return nil
    }

    /// One line per answer; `weights` are those of a multiple-choice question.
    static func writeAnswers(of kind: Question.Kind, weights: (right: String, wrong: String), to output: inout ByteWriter) {
        func line(_ prefix: StaticString, html: String? = nil, feedback: String?, text: (inout ByteWriter) -> Void = { _ in }) {
            output.append(prefix)
            if let html { append(html: html, to: &output) }
            text(&output)
            append(feedback: feedback, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        switch kind {
        case .singleChoice(let options):
            for option in options { line(option.isCorrect ? "=" : "~", html: option.html, feedback: option.feedbackHTML) }
        case .trueFalse(let options):
            let right = options.first(where: \.isCorrect)
            let wrong = options.first { !$0.isCorrect }
            output.append(right?.meansTrue == true ? "TRUE" : "FALSE")
            // `#wrong#right`, unless both feedbacks are empty.
            let start = output.count
            output.append(UInt8(ascii: "#"))
            if let html = wrong?.feedbackHTML { append(html: html, to: &output) }
            output.append(UInt8(ascii: "#"))
            if let html = right?.feedbackHTML { append(html: html, to: &output) }
            if output.count == start + 2 { output.removeLast(2) }
            output.append(UInt8(ascii: "\n"))
        case .multipleChoice(let options):
            for option in options {
                output.append("~%")
                output.append(utf8: option.isCorrect ? weights.right : weights.wrong)
                line("%", html: option.html, feedback: option.feedbackHTML)
            }
        case .shortAnswer(let answers):
            for answer in answers.accepted { line("=%100%", feedback: answer.feedbackHTML) { appendShortAnswer(answer.value, to: &$0) } }
            for answer in answers.wrong {
                guard let value = answer.value else {
                    if answer.feedbackHTML != nil { line("=%0%*", feedback: answer.feedbackHTML) }
                    continue
                }
                line("=%0%", feedback: answer.feedbackHTML) { appendShortAnswer(value, to: &$0) }
            }
        case .numeric(let answers):
            for answer in answers.accepted { line("=%100%", feedback: answer.feedbackHTML, text: answer.value.appendGIFTText) }
            for answer in answers.wrong {
                guard let value = answer.value else {
                    if answer.feedbackHTML != nil { line("~", feedback: answer.feedbackHTML) }
                    continue
                }
                line("=%0%", feedback: answer.feedbackHTML, text: value.appendGIFTText)
            }
        }
    }

    /// A short answer for Moodle, which reads `*` as a wildcard unless written `\*` (escaped, like all the text).
    static func appendShortAnswer(_ value: String, to output: inout ByteWriter) {
        let value = value.utf8.contains(UInt8(ascii: "*")) ? value.replacingOccurrences(of: "*", with: "\\*") : value
        append(escaping: Substring(value), to: &output)
    }
}

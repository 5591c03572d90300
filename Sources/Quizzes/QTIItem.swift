/// One question as a QTI 2.1 `assessmentItem`.
///
/// Choices become a `choiceInteraction` (`maxChoices` 1, or 0 with a `mapping` of Moodle's weights for multiple
/// choice), typed answers a `textEntryInteraction`. Response processing sets `SCORE` and a `FEEDBACK` list that
/// shows each chosen option's feedback (or the matched typed answer's) and always the explanation.
struct QTIItem {
    var question: Question

    /// The item's identifier: ids may start with a digit, QTI identifiers may not.
    static func identifier(for question: Question) -> String { identifier("q-" + question.id) }

    static func fileName(for question: Question) -> String { identifier(for: question) + ".xml" }

    /// A valid QTI identifier (an XML name without colons) made from `text`: ASCII letters, digits and `-_.`
    /// are kept, every other scalar becomes `-`.
    static func identifier(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": bytes.append(UInt8(scalar.value))
            default: bytes.append(UInt8(ascii: "-"))
            }
        }
        let startsWell = bytes.first.map { ("a"..."z").contains(Unicode.Scalar($0)) || ("A"..."Z").contains(Unicode.Scalar($0)) || $0 == UInt8(ascii: "_") } == true
        return (startsWell ? "" : "q-") + String(decoding: bytes, as: UTF8.self)
    }

    var xml: String {
        var xml = XMLBuffer(capacity: estimatedSize)
        xml += #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
                identifier="
            """#
        xml += Self.identifier(for: question)
        xml += "\" title=\""
        XMLText.append(escaping: question.promptText, to: &xml)
        xml += "\" adaptive=\"false\" timeDependent=\"false\">\n"
        writeResponseDeclaration(to: &xml)
        xml += #"""
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
                <defaultValue><value>0</value></defaultValue>
              </outcomeDeclaration>
              <outcomeDeclaration identifier="FEEDBACK" cardinality="multiple" baseType="identifier"/>
              <itemBody>
                <p>
            """#
        XMLText.append(fragment: question.promptHTML, to: &xml)
        xml += "</p>\n"
        if !question.stemHTML.isEmpty {
            XMLText.append(fragment: question.stemHTML.trimmed, to: &xml)
            xml += "\n"
        }
        writeInteraction(to: &xml)
        xml += "  </itemBody>\n"
        writeResponseProcessing(to: &xml)
        for (identifier, html) in feedbacks {
            xml += "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\""
            xml += identifier
            xml += "\" showHide=\"show\"><div>"
            XMLText.append(fragment: html.trimmed, to: &xml)
            xml += "</div></modalFeedback>\n"
        }
        xml += "</assessmentItem>\n"
        return xml.text
    }
}

private extension QTIItem {
    static let explanation = "explanation"

    /// A generous guess at the item's length, so its buffer grows once or not at all.
    var estimatedSize: Int {
        var size = 2_048 + 2 * question.promptText.utf8.count + question.promptHTML.utf8.count + question.stemHTML.utf8.count
            + (question.explanationHTML?.utf8.count ?? 0)
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options), .multipleChoice(let options):
            for option in options { size += 256 + option.html.utf8.count + (option.feedbackHTML?.utf8.count ?? 0) }
        case .shortAnswer(let answers):
            for answer in answers.accepted { size += 512 + 2 * answer.value.utf8.count + (answer.feedbackHTML?.utf8.count ?? 0) }
            for answer in answers.wrong { size += 512 + 2 * (answer.value?.utf8.count ?? 0) + (answer.feedbackHTML?.utf8.count ?? 0) }
        case .numeric(let answers):
            for answer in answers.accepted { size += 512 + (answer.feedbackHTML?.utf8.count ?? 0) }
            for answer in answers.wrong { size += 512 + (answer.feedbackHTML?.utf8.count ?? 0) }
        }
        return size + size / 4
    }

    static func option(_ index: Int) -> String { "option-\(index + 1)" }
    static func accepted(_ index: Int) -> String { "accepted-\(index + 1)" }
    static func wrong(_ index: Int) -> String { "wrong-\(index + 1)" }

    func writeResponseDeclaration(to xml: inout XMLBuffer) {
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options):
            xml.appendLine(#"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">"#)
            writeCorrectResponse(options.indices.filter { options[$0].isCorrect }.map(Self.option), to: &xml)
        case .multipleChoice(let options):
            let right = options.indices.filter { options[$0].isCorrect }.map(Self.option)
            let rightCount = right.count
            let wrongCount = options.count - rightCount
            xml.appendLine(#"  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">"#)
            xml.appendLine("    <correctResponse>", right.map { "<value>" + $0 + "</value>" }.joined(), "</correctResponse>")
            xml.appendLine(#"    <mapping lowerBound="0" upperBound="1" defaultValue="0">"#)
            for index in options.indices {
                // Both counts are at least 1 for the options that use them.
                let weight = options[index].isCorrect ? 1 / Double(rightCount) : -1 / Double(wrongCount)
                xml.appendLine("      <mapEntry mapKey=\"", Self.option(index), "\" mappedValue=\"\(weight)\"/>")
            }
            xml.appendLine("    </mapping>")
            xml.appendLine("  </responseDeclaration>")
            return
        case .shortAnswer(let answers):
            xml.appendLine(#"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">"#)
            writeCorrectResponse(answers.accepted.map { XMLText.escape($0.value) }, to: &xml)
        case .numeric(let answers):
            let values = answers.accepted.map { answer -> Double in
                switch answer.value {
                case .exact(let value), .approximately(let value, _): value
                case .range(let lower, let upper): lower + (upper - lower) / 2
                }
            }
            xml.appendLine(#"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">"#)
            writeCorrectResponse(values.map(NumericValue.format), to: &xml)
        }
    }

    /// `<correctResponse>` with these values (already XML), and the end of the declaration.
    func writeCorrectResponse(_ values: [String], to xml: inout XMLBuffer) {
        xml += "    <correctResponse>"
        for value in values {
            xml += "<value>"
            xml += value
            xml += "</value>"
        }
        xml.appendLine("</correctResponse>")
        xml.appendLine("  </responseDeclaration>")
    }

    func writeInteraction(to xml: inout XMLBuffer) {
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options), .multipleChoice(let options):
            let maxChoices = question.kind.name == "multiple" ? "0" : "1"
            xml.appendLine("    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"", maxChoices, "\">")
            for index in options.indices {
                xml += "      <simpleChoice identifier=\""
                xml += Self.option(index)
                xml += "\">"
                XMLText.append(fragment: options[index].html.trimmed, to: &xml)
                xml.appendLine("</simpleChoice>")
            }
            xml.appendLine("    </choiceInteraction>")
        case .shortAnswer, .numeric:
            xml.appendLine(#"    <p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="20"/></p>"#)
        }
    }

    /// Feedback identifiers and their HTML: options', typed answers', then the explanation's.
    var feedbacks: [(String, String)] {
        var feedbacks: [(String, String?)] = []
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options), .multipleChoice(let options):
            feedbacks = options.indices.map { (Self.option($0), options[$0].feedbackHTML) }
        case .shortAnswer(let answers):
            feedbacks = answers.accepted.indices.map { (Self.accepted($0), answers.accepted[$0].feedbackHTML) }
                + answers.wrong.indices.map { (Self.wrong($0), answers.wrong[$0].feedbackHTML) }
        case .numeric(let answers):
            feedbacks = answers.accepted.indices.map { (Self.accepted($0), answers.accepted[$0].feedbackHTML) }
                + answers.wrong.indices.map { (Self.wrong($0), answers.wrong[$0].feedbackHTML) }
        }
        feedbacks.append((Self.explanation, question.explanationHTML))
        return feedbacks.compactMap { identifier, html in html.map { (identifier, $0) } }
    }
}

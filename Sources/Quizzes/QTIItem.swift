/// One question as a QTI 2.1 `assessmentItem`.
///
/// Choices become a `choiceInteraction` (`maxChoices` 1, or 0 with a `mapping` of Moodle's weights for multiple
/// choice), typed answers a `textEntryInteraction`. Response processing sets `SCORE` and a `FEEDBACK` list that
/// shows each chosen option's feedback (or the matched typed answer's) and always the explanation.
///
/// The item is written as UTF-8 bytes at the end of a buffer, so the package writes it straight into the zip.
struct QTIItem {
    var question: Question

    /// The item as text.
    var xml: String {
        var xml = ByteWriter(capacity: 4_096)
        write(to: &xml)
        return xml.text
    }

    /// Writes the item's XML at the end of `xml`.
    func write(to xml: inout ByteWriter) {
        xml.append(#"""
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
                identifier="
            """#)
        Self.appendIdentifier(for: question, to: &xml)
        xml.append("\" title=\"")
        XMLText.append(escaping: question.promptText, to: &xml)
        xml.append("\" adaptive=\"false\" timeDependent=\"false\">\n")
        writeResponseDeclaration(to: &xml)
        xml.append(#"""
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
                <defaultValue><value>0</value></defaultValue>
              </outcomeDeclaration>
              <outcomeDeclaration identifier="FEEDBACK" cardinality="multiple" baseType="identifier"/>
              <itemBody>
                <p>
            """#)
        XMLText.append(fragment: question.promptHTML, to: &xml)
        xml.append("</p>\n")
        if !question.stemHTML.isEmpty {
            XMLText.append(trimmedFragment: question.stemHTML, to: &xml)
            xml.append(UInt8(ascii: "\n"))
        }
        writeInteraction(to: &xml)
        xml.append("  </itemBody>\n")
        writeResponseProcessing(to: &xml)
        writeFeedbacks(to: &xml)
        xml.append("</assessmentItem>\n")
    }
}

extension QTIItem {
    /// Writes `option-N`, `accepted-N` or `wrong-N` (`kind` is the part up to the dash) for the answer at `index`.
    static func appendAnswerIdentifier(_ kind: StaticString, _ index: Int, to xml: inout ByteWriter) {
        xml.append(kind)
        xml.append(decimal: index + 1)
    }
}

private extension QTIItem {
    func writeInteraction(to xml: inout ByteWriter) {
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options), .multipleChoice(let options):
            xml.append("    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"")
            if case .multipleChoice = question.kind { xml.append("0\">\n") } else { xml.append("1\">\n") }
            for index in options.indices {
                xml.append("      <simpleChoice identifier=\"")
                Self.appendAnswerIdentifier("option-", index, to: &xml)
                xml.append("\">")
                XMLText.append(trimmedFragment: options[index].html, to: &xml)
                xml.append("</simpleChoice>\n")
            }
            xml.append("    </choiceInteraction>\n")
        case .shortAnswer, .numeric:
            xml.append("    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"20\"/></p>\n")
        }
    }

    /// One `modalFeedback` per option's or typed answer's feedback, then the explanation's.
    func writeFeedbacks(to xml: inout ByteWriter) {
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options), .multipleChoice(let options):
            for (index, option) in options.enumerated() {
                if let html = option.feedbackHTML { Self.writeFeedback("option-", index, html, to: &xml) }
            }
        case .shortAnswer(let answers): Self.writeFeedbacks(of: answers, to: &xml)
        case .numeric(let answers): Self.writeFeedbacks(of: answers, to: &xml)
        }
        if let explanation = question.explanationHTML { Self.writeFeedback("explanation", nil, explanation, to: &xml) }
    }

    static func writeFeedbacks<Value>(of answers: TypedAnswers<Value>, to xml: inout ByteWriter) {
        for (index, answer) in answers.accepted.enumerated() {
            if let html = answer.feedbackHTML { writeFeedback("accepted-", index, html, to: &xml) }
        }
        for (index, answer) in answers.wrong.enumerated() {
            if let html = answer.feedbackHTML { writeFeedback("wrong-", index, html, to: &xml) }
        }
    }

    /// A `modalFeedback` shown when FEEDBACK holds `identifier` (with the answer's number when `index` is given).
    static func writeFeedback(_ identifier: StaticString, _ index: Int?, _ html: String, to xml: inout ByteWriter) {
        xml.append("  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"")
        if let index { appendAnswerIdentifier(identifier, index, to: &xml) } else { xml.append(identifier) }
        xml.append("\" showHide=\"show\"><div>")
        XMLText.append(trimmedFragment: html, to: &xml)
        xml.append("</div></modalFeedback>\n")
    }
}

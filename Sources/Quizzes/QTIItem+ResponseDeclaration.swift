extension QTIItem {
    /// Writes the `responseDeclaration`: the right options or accepted answers, and multiple choice's weights.
    func writeResponseDeclaration(to xml: inout ByteWriter) {
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options):
            xml.append(#"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">"#)
            Self.writeCorrectOptions(options, to: &xml)
            xml.append("  </responseDeclaration>\n")
        case .multipleChoice(let options):
            xml.append(#"  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">"#)
            Self.writeCorrectOptions(options, to: &xml)
            Self.writeMapping(options, to: &xml)
            xml.append("  </responseDeclaration>\n")
        case .shortAnswer(let answers):
            xml.append(#"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">"#)
            Self.writeCorrectValues(answers.accepted, to: &xml) { answer, xml in XMLText.append(escaping: answer.value, to: &xml) }
        case .numeric(let answers):
            xml.append(#"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">"#)
            Self.writeCorrectValues(answers.accepted, to: &xml) { answer, xml in
                switch answer.value {
                case .exact(let value), .approximately(let value, _): NumericValue.append(format: value, to: &xml)
                case .range(let lower, let upper): NumericValue.append(format: lower + (upper - lower) / 2, to: &xml)
                }
            }
        }
    }
}

private extension QTIItem {
    /// The end of the declaration's first line, a `correctResponse` with one `<value>` per answer, and the end tag.
    static func writeCorrectValues<Answer>(
        _ answers: [Answer], to xml: inout ByteWriter, _ writeValue: (Answer, inout ByteWriter) -> Void
    ) {
        xml.append("\n    <correctResponse>")
        for answer in answers {
            xml.append("<value>")
            writeValue(answer, &xml)
            xml.append("</value>")
        }
        xml.append("</correctResponse>\n  </responseDeclaration>\n")
    }

    /// The end of the declaration's first line and the `correctResponse` line with the right options.
    static func writeCorrectOptions(_ options: [ChoiceOption], to xml: inout ByteWriter) {
        xml.append("\n    <correctResponse>")
        for (index, option) in options.enumerated() where option.isCorrect {
            xml.append("<value>")
            appendAnswerIdentifier("option-", index, to: &xml)
            xml.append("</value>")
        }
        xml.append("</correctResponse>\n")
    }

    /// Moodle's weights: the right options share 1, the wrong ones -1 (both counts are at least 1 where used).
    static func writeMapping(_ options: [ChoiceOption], to xml: inout ByteWriter) {
        let rightCount = options.reduce(0) { $0 + ($1.isCorrect ? 1 : 0) }
        let wrongCount = options.count - rightCount
        // Each weight is written as Swift prints a Double (`0.5`, `-1.0`), once per question instead of per option.
        let right = rightCount > 0 ? (1 / Double(rightCount)).description : ""
        let wrong = wrongCount > 0 ? (-1 / Double(wrongCount)).description : ""
        xml.append("    <mapping lowerBound=\"0\" upperBound=\"1\" defaultValue=\"0\">\n")
        for (index, option) in options.enumerated() {
            xml.append("      <mapEntry mapKey=\"")
            appendAnswerIdentifier("option-", index, to: &xml)
            xml.append("\" mappedValue=\"")
            xml.append(utf8: option.isCorrect ? right : wrong)
            xml.append("\"/>\n")
        }
        xml.append("    </mapping>\n")
    }
}

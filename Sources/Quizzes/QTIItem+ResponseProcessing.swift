extension QTIItem {
    /// Writes the lines that set `SCORE` (match, `mapResponse`, or one condition per typed answer) and `FEEDBACK`.
    func writeResponseProcessing(to xml: inout ByteWriter) {
        xml.append("  <responseProcessing>\n")
        switch question.kind {
        case .singleChoice, .trueFalse:
            xml.append("""
                    <responseCondition>
                      <responseIf>
                        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
                        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
                      </responseIf>
                      <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseElse>
                    </responseCondition>
                    <setOutcomeValue identifier="FEEDBACK"><multiple><variable identifier="RESPONSE"/>
                """)
            xml.append(Self.feedbackEnd)
            xml.append(UInt8(ascii: "\n"))
        case .multipleChoice:
            // The rules of the standard map_response template, written out so FEEDBACK can be set too.
            xml.append("""
                    <responseCondition>
                      <responseIf><isNull><variable identifier="RESPONSE"/></isNull><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue></responseIf>
                      <responseElse><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue></responseElse>
                    </responseCondition>
                    <setOutcomeValue identifier="FEEDBACK"><multiple><variable identifier="RESPONSE"/>
                """)
            xml.append(Self.feedbackEnd)
            xml.append(UInt8(ascii: "\n"))
        case .shortAnswer(let answers):
            Self.writeTypedConditions(answers, to: &xml) { value, xml in
                xml.append(#"<stringMatch caseSensitive="false"><variable identifier="RESPONSE"/><baseValue baseType="string">"#)
                XMLText.append(escaping: value, to: &xml)
                xml.append("</baseValue></stringMatch>")
            }
        case .numeric(let answers):
            Self.writeTypedConditions(answers, to: &xml, match: Self.writeNumberMatch)
        }
        xml.append("  </responseProcessing>\n")
    }
}

private extension QTIItem {
    /// The end of setting FEEDBACK to some identifiers: the explanation's is always added.
    static var feedbackEnd: StaticString { #"<baseValue baseType="identifier">explanation</baseValue></multiple></setOutcomeValue>"# }

    static func writeNumberMatch(_ value: NumericValue, to xml: inout ByteWriter) {
        func number(_ value: Double) {
            xml.append(#"<baseValue baseType="float">"#)
            NumericValue.append(format: value, to: &xml)
            xml.append("</baseValue>")
        }
        let response: StaticString = #"<variable identifier="RESPONSE"/>"#
        switch value {
        case .exact(let value):
            xml.append(#"<equal toleranceMode="exact">"#)
            xml.append(response)
            number(value)
            xml.append("</equal>")
        case .approximately(let value, let tolerance):
            xml.append("<equal toleranceMode=\"absolute\" tolerance=\"")
            NumericValue.append(format: tolerance, to: &xml)
            xml.append(UInt8(ascii: " "))
            NumericValue.append(format: tolerance, to: &xml)
            xml.append("\">")
            xml.append(response)
            number(value)
            xml.append("</equal>")
        case .range(let lower, let upper):
            xml.append("<and><gte>")
            xml.append(response)
            number(lower)
            xml.append("</gte><lte>")
            xml.append(response)
            number(upper)
            xml.append("</lte></and>")
        }
    }

    /// One branch per typed answer, in order: accepted ones score 1; the first match's feedback is shown. A wrong
    /// answer without a value (`~ *`, always last) is the `responseElse`; without one, nothing matched scores 0.
    static func writeTypedConditions<Value>(
        _ answers: TypedAnswers<Value>, to xml: inout ByteWriter, match: (Value, inout ByteWriter) -> Void
    ) {
        xml.append("    <responseCondition>\n")
        var branches = 0
        func branch(_ value: Value, score: Int, _ kind: StaticString, _ index: Int) {
            xml.append(branches == 0 ? "      <responseIf>" : "      <responseElseIf>")
            match(value, &xml)
            writeActions(score: score, kind, index, to: &xml)
            xml.append(branches == 0 ? "</responseIf>\n" : "</responseElseIf>\n")
            branches += 1
        }
        for (index, answer) in answers.accepted.enumerated() { branch(answer.value, score: 1, "accepted-", index) }
        for (index, answer) in answers.wrong.enumerated() {
            guard let value = answer.value else {
                xml.append("      <responseElse>")
                writeActions(score: 0, "wrong-", index, to: &xml)
                xml.append("</responseElse>\n    </responseCondition>\n")
                return
            }
            branch(value, score: 0, "wrong-", index)
        }
        xml.append(#"      <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue>"#)
        xml.append(#"<setOutcomeValue identifier="FEEDBACK"><multiple>"#)
        xml.append(feedbackEnd)
        xml.append("</responseElse>\n    </responseCondition>\n")
    }

    /// SCORE set to `score` and FEEDBACK to the answer's identifier and the explanation's.
    static func writeActions(score: Int, _ kind: StaticString, _ index: Int, to xml: inout ByteWriter) {
        xml.append(#"<setOutcomeValue identifier="SCORE"><baseValue baseType="float">"#)
        xml.append(decimal: score)
        xml.append(#"</baseValue></setOutcomeValue><setOutcomeValue identifier="FEEDBACK"><multiple><baseValue baseType="identifier">"#)
        appendAnswerIdentifier(kind, index, to: &xml)
        xml.append("</baseValue>")
        xml.append(feedbackEnd)
    }
}

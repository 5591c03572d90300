extension QTIItem {
    /// Writes the lines that set `SCORE` (match, `mapResponse`, or one condition per typed answer) and `FEEDBACK`.
    func writeResponseProcessing(to xml: inout XMLBuffer) {
        xml.appendLine("  <responseProcessing>")
        switch question.kind {
        case .singleChoice, .trueFalse:
            xml.appendLine("    <responseCondition>")
            xml.appendLine("      <responseIf>")
            xml.appendLine(#"        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>"#)
            xml.appendLine("        ", Self.setScore(1))
            xml.appendLine("      </responseIf>")
            xml.appendLine("      <responseElse>", Self.setScore(0), "</responseElse>")
            xml.appendLine("    </responseCondition>")
            xml.appendLine("    ", Self.setFeedback([#"<variable identifier="RESPONSE"/>"#]))
        case .multipleChoice:
            // The rules of the standard map_response template, written out so FEEDBACK can be set too.
            xml.appendLine("    <responseCondition>")
            xml.appendLine(#"      <responseIf><isNull><variable identifier="RESPONSE"/></isNull>"#, Self.setScore(0), "</responseIf>")
            xml.appendLine(#"      <responseElse><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue></responseElse>"#)
            xml.appendLine("    </responseCondition>")
            xml.appendLine("    ", Self.setFeedback([#"<variable identifier="RESPONSE"/>"#]))
        case .shortAnswer(let answers):
            writeTypedConditions(
                accepted: answers.accepted.map { Self.stringMatch($0.value) },
                wrong: answers.wrong.map { $0.value.map(Self.stringMatch) }, to: &xml)
        case .numeric(let answers):
            writeTypedConditions(
                accepted: answers.accepted.map { Self.numberMatch($0.value) },
                wrong: answers.wrong.map { $0.value.map(Self.numberMatch) }, to: &xml)
        }
        xml.appendLine("  </responseProcessing>")
    }
}

private extension QTIItem {
    static func setScore(_ value: Int) -> String {
        #"<setOutcomeValue identifier="SCORE"><baseValue baseType="float">"# + "\(value)</baseValue></setOutcomeValue>"
    }

    /// FEEDBACK = the given identifiers plus the explanation's.
    static func setFeedback(_ expressions: [String]) -> String {
        let explanation = #"<baseValue baseType="identifier">explanation</baseValue>"#
        return #"<setOutcomeValue identifier="FEEDBACK"><multiple>"# + (expressions + [explanation]).joined()
            + "</multiple></setOutcomeValue>"
    }

    static func identifierValue(_ identifier: String) -> String {
        #"<baseValue baseType="identifier">"# + identifier + "</baseValue>"
    }

    static func stringMatch(_ text: String) -> String {
        #"<stringMatch caseSensitive="false"><variable identifier="RESPONSE"/><baseValue baseType="string">"#
            + XMLText.escape(text) + "</baseValue></stringMatch>"
    }

    static func numberMatch(_ value: NumericValue) -> String {
        let response = #"<variable identifier="RESPONSE"/>"#
        func number(_ value: Double) -> String { #"<baseValue baseType="float">"# + NumericValue.format(value) + "</baseValue>" }
        switch value {
        case .exact(let value):
            return #"<equal toleranceMode="exact">"# + response + number(value) + "</equal>"
        case .approximately(let value, let tolerance):
            let bounds = NumericValue.format(tolerance)
            return #"<equal toleranceMode="absolute" tolerance=""# + "\(bounds) \(bounds)\">" + response + number(value) + "</equal>"
        case .range(let lower, let upper):
            return "<and><gte>" + response + number(lower) + "</gte><lte>" + response + number(upper) + "</lte></and>"
        }
    }

    /// One branch per typed answer, in order: accepted ones score 1; the first match's feedback is shown.
    func writeTypedConditions(accepted: [String], wrong: [String?], to xml: inout XMLBuffer) {
        var branches: [(condition: String?, score: Int, identifier: String)] = []
        branches += accepted.indices.map { (accepted[$0], 1, "accepted-\($0 + 1)") }
        branches += wrong.indices.map { (wrong[$0], 0, "wrong-\($0 + 1)") }
        xml.appendLine("    <responseCondition>")
        var hasElse = false
        for (index, branch) in branches.enumerated() {
            let actions = Self.setScore(branch.score) + Self.setFeedback([Self.identifierValue(branch.identifier)])
            guard let condition = branch.condition else {
                xml.appendLine("      <responseElse>", actions, "</responseElse>")
                hasElse = true
                break
            }
            let tag = index == 0 ? "responseIf" : "responseElseIf"
            xml.appendLine("      <", tag, ">", condition, actions, "</", tag, ">")
        }
        if !hasElse {
            xml.appendLine("      <responseElse>", Self.setScore(0), Self.setFeedback([]), "</responseElse>")
        }
        xml.appendLine("    </responseCondition>")
    }
}

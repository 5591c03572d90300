extension QTIItem {
    /// Sets `SCORE` (match, `mapResponse`, or one condition per typed answer) and `FEEDBACK`.
    var responseProcessing: [String] {
        var lines = ["  <responseProcessing>"]
        switch question.kind {
        case .singleChoice, .trueFalse:
            lines += [
                "    <responseCondition>",
                "      <responseIf>",
                #"        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>"#,
                "        " + Self.setScore(1),
                "      </responseIf>",
                "      <responseElse>" + Self.setScore(0) + "</responseElse>",
                "    </responseCondition>",
                "    " + Self.setFeedback([#"<variable identifier="RESPONSE"/>"#]),
            ]
        case .multipleChoice:
            // The rules of the standard map_response template, written out so FEEDBACK can be set too.
            lines += [
                "    <responseCondition>",
                #"      <responseIf><isNull><variable identifier="RESPONSE"/></isNull>"# + Self.setScore(0) + "</responseIf>",
                #"      <responseElse><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue></responseElse>"#,
                "    </responseCondition>",
                "    " + Self.setFeedback([#"<variable identifier="RESPONSE"/>"#]),
            ]
        case .shortAnswer(let answers):
            lines += typedConditions(
                accepted: answers.accepted.map { Self.stringMatch($0.value) },
                wrong: answers.wrong.map { $0.value.map(Self.stringMatch) })
        case .numeric(let answers):
            lines += typedConditions(
                accepted: answers.accepted.map { Self.numberMatch($0.value) },
                wrong: answers.wrong.map { $0.value.map(Self.numberMatch) })
        }
        lines.append("  </responseProcessing>")
        return lines
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
    func typedConditions(accepted: [String], wrong: [String?]) -> [String] {
        var branches: [(condition: String?, score: Int, identifier: String)] = []
        branches += accepted.indices.map { (accepted[$0], 1, "accepted-\($0 + 1)") }
        branches += wrong.indices.map { (wrong[$0], 0, "wrong-\($0 + 1)") }
        var lines = ["    <responseCondition>"]
        var hasElse = false
        for (index, branch) in branches.enumerated() {
            let actions = Self.setScore(branch.score) + Self.setFeedback([Self.identifierValue(branch.identifier)])
            guard let condition = branch.condition else {
                lines.append("      <responseElse>" + actions + "</responseElse>")
                hasElse = true
                break
            }
            let tag = index == 0 ? "responseIf" : "responseElseIf"
            lines.append("      <\(tag)>" + condition + actions + "</\(tag)>")
        }
        if !hasElse {
            lines.append("      <responseElse>" + Self.setScore(0) + Self.setFeedback([]) + "</responseElse>")
        }
        lines.append("    </responseCondition>")
        return lines
    }
}

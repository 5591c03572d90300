/// The example text of a new module, in Dutch, English, or English for any other language.
struct ScaffoldTexts {
    let language: Language

    private var dutch: Bool { language.code == "nl" }

    func slides(title: String, slug: String) -> String {
        let (summary, objective, first, notes1, second, notes2) = dutch
            ? ("Waar deze module over gaat, in één zin.", "Je kunt uitleggen waar deze module over gaat.",
               "Vervang deze dia door je eigen tekst.",
               "Sprekersnotities: wat je vertelt bij deze dia, en een vraag aan de groep.",
               "Een tweede dia, na een regel `---` met een lege regel erboven en eronder.",
               "Notities staan in een HTML-commentaar en verschijnen alleen in de presentatorweergave.")
            : ("What this module covers, in one sentence.", "You can explain what this module covers.",
               "Replace this slide with your own text.",
               "Speaker notes: what you say with this slide, and a question for the group.",
               "A second slide, after a line `---` with a blank line above and below it.",
               "Notes live in an HTML comment and appear only in the presenter view.")
        return """
            ---
            title: \(yamlQuoted(title))
            slug: \(slug)
            summary: \(summary)
            objectives:
              - \(objective)
            duration: 10
            ---

            # \(title)

            \(first)

            <!--
            \(notes1)
            -->

            ---

            ## \(dutch ? "Tweede dia" : "Second slide")

            - \(second)

            <!--
            \(notes2)
            -->

            """
    }

    func quiz(title: String) -> String {
        let (heading, question, yes, no, right, wrong, explanation) = dutch
            ? ("Zelftoets", "Is deze zelftoets al af?", "Waar", "Onwaar", "Klopt: vervang deze vraag door je eigen vragen.",
               "Nee: dit is nog het voorbeeld.", "Zie docs/quizzes.md voor alle soorten vragen.")
            : ("Self-check", "Is this self-check finished?", "True", "False", "Right: replace this question with your own.",
               "No: this is still the example.", "See docs/quizzes.md for every kind of question.")
        return """
            # \(heading): \(title)

            ## \(question)
            <!-- id: example -->

            - ( ) \(yes)
              > \(wrong)
            - (x) \(no)
              > \(right)

            > \(explanation)

            """
    }

    private func yamlQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "?" || $0 == "." }
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

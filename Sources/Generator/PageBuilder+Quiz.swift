import Foundation
import Content
import Quizzes
import Rendering

/// The self-check quiz page: one form per question, the answer key in the page, and downloads for trainers.
extension PageBuilder {
    /// The downloads of a quiz, relative to its page.
    static func exportNames(slug: String, language: Language) -> (gift: String, qti: String) {
        ("\(slug)-\(language.code).gift", "\(slug)-\(language.code)-qti.zip")
    }

    func quizPage(_ module: RenderedModule, _ language: Language, quiz: Quiz) -> NameTable {
        let slides = module.source.slides[language]!
        let path = SiteLayout.quiz(slides.slug, language)
        var model = chrome(
            pagePath: path, language: language, title: fullTitle(quiz.title, slides.frontMatter.title, language: language),
            translation: { other in
                module.quizzes[other] == nil ? nil : module.source.slides[other].map { SiteLayout.quiz($0.slug, other) }
            }, capacity: 24)
        let downloads = Self.exportNames(slug: slides.slug, language: language)
        model["title"] = .text(quiz.titleHTML)
        model["moduleTitle"] = .text(slides.frontMatter.title)
        model["quizKey"] = .text(language.code + "/" + slides.slug)
        model["quizStrings"] = .text(texts(language).quizStrings)
        model["introHTML"] = .text(quiz.introHTML)
        model["questions"] = .list(quiz.questions.map { questionModel($0, language: language) })
        model["giftHref"] = .text(downloads.gift)
        model["qtiHref"] = .text(downloads.qti)
        return model
    }

    private func questionModel(_ question: Question, language: Language) -> ViewModel {
        let id = "q-\(question.id)"
        var model: NameTable = [
            "id": .text(id),
            "number": .number(question.number),
            "kind": .text(question.kind.name),
            "answerJSON": .text(question.answerKey.json),
            "promptHTML": .text(question.promptHTML),
            "stemHTML": .text(question.stemHTML),
            "hasStem": .flag(!question.stemHTML.isEmpty),
            "explanationHTML": .text(question.explanationHTML ?? ""),
            "hasExplanation": .flag(question.explanationHTML != nil),
            "isChoice": .flag(question.kind.options != nil),
            "isTyped": .flag(question.kind.options == nil),
        ]
        switch question.kind {
        case .singleChoice(let options), .trueFalse(let options), .multipleChoice(let options):
            let multiple = question.kind.name == "multiple"
            model["inputType"] = .text(multiple ? "checkbox" : "radio")
            model["instruction"] = .text(text(multiple ? "quiz_chooseAll" : "quiz_chooseOne", language))
            model["options"] = .list(options.enumerated().map { index, option in
                ViewModel(fields: [
                    "inputId": .text("\(id)-o\(index)"),
                    "index": .number(index),
                    "html": .text(option.html),
                    "feedbackHTML": .text(option.feedbackHTML ?? ""),
                    "hasFeedback": .flag(option.feedbackHTML != nil),
                    "isCorrect": .flag(option.isCorrect),
                ])
            })
            let answers = options.filter(\.isCorrect)
            model["answers"] = .list(answers.map { ViewModel(fields: ["html": .text($0.html)]) })
            model["hasManyAnswers"] = .flag(answers.count > 1)
        case .shortAnswer(let answers):
            typedModel(&model, id: id, accepted: answers.accepted.map(typed), wrong: answers.wrong.map(typed), numeric: false, language: language)
        case .numeric(let answers):
            typedModel(&model, id: id, accepted: answers.accepted.map(typed), wrong: answers.wrong.map(typed), numeric: true, language: language)
        }
        return ViewModel(model)
    }

    /// `536.9` reads `536,9` on pages in a language that writes a decimal comma; the answer key keeps the point.
    private func localizedNumbers(_ html: String, _ language: Language) -> String {
        guard texts(language).usesDecimalComma else { return html }
        var result = ""
        var previous: Character?
        var characters = Array(html)
        for index in characters.indices {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == ".", previous?.isNumber == true, next?.isNumber == true { characters[index] = "," }
            result.append(characters[index])
            previous = character
        }
        return result
    }

    private func typed<Value>(_ answer: TypedAnswer<Value>) -> (html: String, feedback: String?, isAny: Bool) {
        (answer.html, answer.feedbackHTML, false)
    }

    private func typed<Value>(_ answer: TypedAnswer<Value?>) -> (html: String, feedback: String?, isAny: Bool) {
        (answer.html, answer.feedbackHTML, answer.value == nil)
    }

    private func typedModel(
        _ model: inout NameTable, id: String, accepted: [(html: String, feedback: String?, isAny: Bool)],
        wrong: [(html: String, feedback: String?, isAny: Bool)], numeric: Bool, language: Language
    ) {
        func entries(_ answers: [(html: String, feedback: String?, isAny: Bool)], prefix: String) -> ViewModelValue {
            .list(answers.enumerated().map { index, answer in
                ViewModel(fields: [
                    "feedbackId": .text("\(id)-\(prefix)\(index)-feedback"),
                    "html": .text(answer.isAny ? text("quiz_anyOther", language) : numeric ? localizedNumbers(answer.html, language) : answer.html),
                    "feedbackHTML": .text(answer.feedback ?? ""),
                    "hasFeedback": .flag(answer.feedback != nil),
                ])
            })
        }
        model["inputId"] = .text("\(id)-input")
        model["isNumeric"] = .flag(numeric)
        model["instruction"] = .text(text(numeric ? "quiz_typeNumber" : "quiz_typeAnswer", language))
        model["accepted"] = entries(accepted, prefix: "a")
        model["wrong"] = entries(wrong, prefix: "w")
        model["answers"] = .list(accepted.map { ViewModel(fields: ["html": .text(numeric ? localizedNumbers($0.html, language) : $0.html)]) })
        model["hasManyAnswers"] = .flag(accepted.count > 1)
    }
}

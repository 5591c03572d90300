import Content
import Diagnostics
import Quizzes

/// The checks that look across a module's languages or across modules, one module at a time, so an incremental
/// rebuild can run them again for the modules an edit touched and keep the others' results.
extension LoadedSite {
    /// Every `#fragment` of a link in `module`'s slides to a page of the course must name a heading or slide there.
    func anchorDiagnostics(of module: RenderedModule, in byFolder: [String: RenderedModule]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for deck in module.decks.values {
            for (link, location) in deck.pageLinks {
                guard let target = byFolder[link.folder]?.decks[link.language] else { continue }
                let quiz = byFolder[link.folder]?.quizzes[link.language]
                // Most links are fine: look the fragment up first, and list every anchor only for the message.
                let found = link.isQuiz
                    ? link.fragment == "main" || quiz?.questions.contains { "q-\($0.id)" == link.fragment } == true
                    : target.deck.anchors.contains(link.fragment) || PageBuilder.modulePageAnchors.contains(link.fragment)
                guard !found else { continue }
                let quizIDs = quiz?.questions.map { "q-\($0.id)" } ?? []
                let anchors = link.isQuiz ? Set(quizIDs + ["main"]) : target.deck.anchors.union(PageBuilder.modulePageAnchors)
                let file = byFolder[link.folder]?.source.slides[link.language]?.displayPath ?? link.folder
                let suggestion = closestMatch(to: link.fragment, in: anchors.sorted()).map { "did you mean `#\($0)`? " } ?? ""
                diagnostics.append(.error(
                    "`#\(link.fragment)` matches no heading or slide in \(file); \(suggestion)headings get ids from their text, slides are `#slide-N`",
                    at: location))
            }
        }
        return diagnostics
    }

    /// The translation report of one module: a language missing, a different number of slides, quizzes that differ.
    /// A module missing in a language is a warning (an error with --strict).
    func translationDiagnostics(of module: RenderedModule) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let languages = course.config.languages
        for language in languages where module.source.slides[language] == nil {
            diagnostics.append(.warning(
                "the module has no `slides.\(language.code).md`; its \(language.code) pages link to the \(language.code) overview until it is translated",
                at: SourceLocation(path: course.displayPath("Content/\(module.source.folder)"), line: 1)))
        }
        diagnostics += quizComparison(module)
        guard let first = languages.first(where: { module.decks[$0] != nil }), let reference = module.decks[first] else { return diagnostics }
        for language in languages where language != first {
            guard let deck = module.decks[language], let slides = module.source.slides[language] else { continue }
            let (expected, actual) = (reference.deck.slides.count, deck.deck.slides.count)
            guard expected != actual else { continue }
            diagnostics.append(.warning(
                "this translation has \(actual) slides and the \(first.code) version has \(expected); give every language the same slides in the same order",
                at: SourceLocation(path: slides.displayPath, line: 1)))
        }
        return diagnostics
    }

    /// W006: the quizzes of a module say the same in every language; a quiz missing in a language is a warning too.
    func quizComparison(_ module: RenderedModule) -> [Diagnostic] {
        let languages = course.config.languages.filter { module.source.slides[$0] != nil }
        guard let first = languages.first(where: { module.source.quizzes[$0] != nil }), let reference = module.quizzes[first],
            let referencePath = module.source.quizzes[first]?.displayPath
        else { return [] }
        var diagnostics: [Diagnostic] = []
        for language in languages where language != first {
            guard let source = module.source.quizzes[language] else {
                diagnostics.append(.warning(
                    "the module has a quiz in \(first.code) but no `quiz.\(language.code).md`; translate \(referencePath)",
                    at: SourceLocation(path: course.displayPath("Content/\(module.source.folder)"), line: 1), code: "W006"))
                continue
            }
            guard let quiz = module.quizzes[language] else { continue }
            diagnostics += QuizComparison.warnings(comparing: reference, at: referencePath, with: quiz, at: source.displayPath)
        }
        return diagnostics
    }
}

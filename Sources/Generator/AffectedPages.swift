import Content

/// The pages an edit of some modules can change, when the edited modules keep their shape (languages, slugs,
/// quizzes, files; see `ModuleSource.hasSameShape`).
///
/// A module's own pages in a language (module page, deck, quiz page, GIFT, QTI) depend on that language's slides
/// and quiz and on the module's shape; its neighbours' module pages and the overview show its title, summary,
/// duration, slug and whether it has a quiz; every other page (the language picker, the 404 pages, other modules)
/// and the sitemap depend only on shapes, `site.yaml` and the theme.
struct AffectedPages: Sendable {
    struct ModuleLanguage: Hashable, Sendable {
        var index: Int
        var language: Language
    }

    /// Modules whose own pages are rendered again, in a language.
    var own: Set<ModuleLanguage> = []
    /// Modules whose summary changed in a language: their neighbours' module pages are rendered again too.
    var summaries: Set<ModuleLanguage> = []
    /// Languages whose overview is rendered again.
    var overviews: Set<Language> = []

    /// The pages of an edit: `old` and `new` are the edited modules' sources, by index in the course.
    init(edits: ModuleEdits, old: [Int: ModuleSource], new: [Int: ModuleSource]) {
        for (index, module) in new {
            let changed = edits.files[module.folder] ?? []
            for (language, slides) in module.slides {
                let key = ModuleLanguage(index: index, language: language)
                if changed.contains(slides.path) || module.quizzes[language].map({ changed.contains($0.path) }) == true { own.insert(key) }
                if old[index]?.slides[language].map({ Self.summary($0) != Self.summary(slides) }) ?? true {
                    own.insert(key)
                    summaries.insert(key)
                    overviews.insert(language)
                }
            }
        }
    }

    /// What other pages show of a module in a language: its front matter but the objectives, and its slug.
    private static func summary(_ slides: SlidesSource) -> FrontMatter {
        var front = slides.frontMatter
        front.objectives = []
        front.slug = slides.slug
        return front
    }

    /// Whether a page is one the edit can change.
    func contains(_ page: PageJob.Kind) -> Bool {
        switch page {
        case .languagePicker, .notFound: false
        case .overview(let language): overviews.contains(language)
        case .module(let index, let language, let previous, let next):
            own.contains(ModuleLanguage(index: index, language: language))
                || [previous, next].contains { $0.map { summaries.contains(ModuleLanguage(index: $0, language: language)) } ?? false }
        case .deck(let index, let language), .quiz(let index, let language), .gift(let index, let language), .qti(let index, let language):
            own.contains(ModuleLanguage(index: index, language: language))
        }
    }
}

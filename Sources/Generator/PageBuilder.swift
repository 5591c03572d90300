import Content
import Diagnostics
import Foundation
import Markdown
import Quizzes
import Rendering

/// Turns the rendered course into the site's files: a plan of every page (rendered later, in batches, on every
/// core) plus the small files (assets, sitemap, exports) made at once; the plan is in PageBuilder+Plan.swift.
struct PageBuilder: Sendable {
    let site: LoadedSite
    let modules: [RenderedModule]
    /// The `deck_*` and `quiz_*` texts as JSON, made once per language rather than once per page.
    private let scriptStringsCache: [String: String]

    /// Ids the module page's template adds around the slides, which links may name too.
    static let modulePageAnchors: Set<String> = ["main", "objectives-title"]

    init(site: LoadedSite, modules: [RenderedModule]) {
        self.site = site
        self.modules = modules
        var cache: [String: String] = [:]
        for language in site.course.config.languages {
            for prefix in ["deck_", "quiz_"] {
                cache[prefix + language.code] = Self.scriptStrings(prefix, site.strings.values[language] ?? [:])
            }
        }
        scriptStringsCache = cache
    }

    var config: SiteConfig { site.course.config }

    /// Renders one page through its template, or one quiz download; the errors are located at the template or quiz.
    func render(_ page: PageJob) -> Result<OutputFile, DiagnosticsError> {
        let (template, model): (String, [String: ViewModelValue])
        switch page.kind {
        case .languagePicker: (template, model) = ("language-picker", languagePicker())
        case .overview(let language): (template, model) = ("overview", overview(language))
        case .module(let index, let language, let previous, let next):
            (template, model) = ("module", modulePage(modules[index], language, (previous.map { modules[$0] }, next.map { modules[$0] })))
        case .deck(let index, let language): (template, model) = ("deck", deckPage(modules[index], language))
        case .quiz(let index, let language): (template, model) = ("quiz", quizPage(modules[index], language, quiz: modules[index].quizzes[language]!))
        case .notFound(let language): (template, model) = ("not-found", notFound(language, path: page.file))
        case .gift(let index, let language), .qti(let index, let language):
            return exportFile(page, module: modules[index], language: language)
        }
        do {
            return .success(OutputFile(path: page.file, contents: .text(try site.templates.render(template, ViewModel(model)))))
        } catch {
            let path = site.course.displayPath("Templates/\(error.template).mustache")
            return .failure(DiagnosticsError([.error(error.message, at: SourceLocation(path: path, line: 1))]))
        }
    }
}

/// One page of the site, described; `PageBuilder.render` makes its HTML.
struct PageJob: Sendable {
    enum Kind: Sendable {
        case languagePicker
        case overview(Language)
        case module(Int, Language, previous: Int?, next: Int?)
        case deck(Int, Language)
        case quiz(Int, Language)
        case notFound(Language)
        case gift(Int, Language)
        case qti(Int, Language)
    }

    /// The file under the output folder.
    var file: String
    var kind: Kind

    init(path pagePath: String, kind: Kind) {
        self.file = SiteLayout.file(for: pagePath)
        self.kind = kind
    }

    init(file: String, kind: Kind) {
        self.file = file
        self.kind = kind
    }
}

extension PageBuilder {
    func strings(_ language: Language) -> [String: String] { site.strings.values[language] ?? [:] }

    func text(_ key: String, _ language: Language, _ replacements: [String: String] = [:]) -> String {
        var text = strings(language)[key] ?? key
        for (name, value) in replacements { text = text.replacingEvery("{\(name)}", with: value) }
        return text
    }

    /// A quiz's GIFT or QTI download, beside its page.
    func exportFile(_ page: PageJob, module: RenderedModule, language: Language) -> Result<OutputFile, DiagnosticsError> {
        let quiz = module.quizzes[language]!
        let slides = module.source.slides[language]!
        if case .qti = page.kind {
            return .success(OutputFile(path: page.file, contents: .bytes(QTIExporter.package(quiz, identifier: "\(slides.slug)-\(language.code)"))))
        }
        let gift = GIFTExporter.export(quiz, path: module.source.quizzes[language]?.displayPath ?? page.file)
        let errors = gift.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let text = gift.text else { return .failure(DiagnosticsError(errors)) }
        return .success(OutputFile(path: page.file, contents: .text(text)))
    }

    func quizTranslations(of module: RenderedModule) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: module.source.slides.compactMap { entry in
            module.quizzes[entry.key] == nil ? nil : (entry.key, SiteLayout.quiz(entry.value.slug, entry.key))
        })
    }

    /// A page and its translations for the sitemap, with the same x-default as the page's own links.
    func entry(_ pagePath: String, translations: [Language: String]) -> Sitemap.Entry {
        var alternates = config.languages.compactMap { language in translations[language].map { (hreflang: language.code, path: $0) } }
        alternates.append((hreflang: "x-default", path: pagePath.isEmpty ? "" : translations[config.defaultLanguage] ?? ""))
        return Sitemap.Entry(path: pagePath, alternates: alternates)
    }

    /// The parts every page has: language, titles, canonical and alternate URLs, the language switch.
    func chrome(pagePath: String, language: Language, title: String, translations: [Language: String], root: String? = nil)
        -> [String: ViewModelValue]
    {
        let root = root ?? SiteLayout.rootPrefix(of: pagePath)
        let alternates = config.languages.compactMap { other in
            translations[other].map { ViewModel(["hreflang": .text(other.code), "href": .text(config.baseURL + $0)]) }
        }
        let xDefault = translations[config.defaultLanguage].map { config.baseURL + $0 } ?? config.baseURL
        let switchLinks = config.languages.map { other -> ViewModel in
            let target = translations[other]
            return ViewModel([
                "code": .text(other.code),
                "name": .text(text("language_name", other)),
                "href": .text(root + (target ?? SiteLayout.overview(other))),
                "current": .flag(other == language),
                "missing": .flag(target == nil),
                "missingNote": .text(text("translation_missing", language)),
            ])
        }
        return [
            "lang": .text(language.code),
            "siteTitle": .text(config.title[language] ?? ""),
            "pageTitle": .text(title),
            "root": .text(root),
            "assets": .text(root + "assets/"),
            "home": .text(root + SiteLayout.overview(language)),
            "canonical": .text(config.baseURL + pagePath),
            "alternates": .list(alternates),
            "xDefault": .text(xDefault),
            "languages": .list(switchLinks),
            "hasTranslations": .flag(config.languages.count > 1),
            "t": .strings(strings(language)),
        ]
    }

    func fullTitle(_ parts: String..., language: Language) -> String {
        (parts + [config.title[language] ?? ""]).filter { !$0.isEmpty }.joined(separator: " – ")
    }

    func languagePicker() -> [String: ViewModelValue] {
        let language = config.defaultLanguage
        var model = chrome(pagePath: "", language: language, title: config.title[language] ?? "",
                           translations: Dictionary(uniqueKeysWithValues: config.languages.map { ($0, SiteLayout.overview($0)) }))
        model["choices"] = .list(config.languages.map { other in
            ViewModel([
                "code": .text(other.code),
                "name": .text(text("language_name", other)),
                "siteTitle": .text(config.title[other] ?? ""),
                "prompt": .text(text("choose_language", other)),
                "href": .text(SiteLayout.overview(other)),
            ])
        })
        model["canonical"] = .text(config.baseURL)
        model["xDefault"] = .text(config.baseURL)
        model["hasTranslations"] = .flag(false)  // the page itself is the choice of language
        return model
    }

    func overview(_ language: Language) -> [String: ViewModelValue] {
        let path = SiteLayout.overview(language)
        var model = chrome(pagePath: path, language: language, title: config.title[language] ?? "",
                           translations: Dictionary(uniqueKeysWithValues: config.languages.map { ($0, SiteLayout.overview($0)) }))
        model["modules"] = .list(modules.compactMap { module in
            guard let slides = module.source.slides[language] else { return nil }
            return ViewModel(summary(of: slides, number: module.source.number, language: language, from: path, hasQuiz: module.quizzes[language] != nil))
        })
        return model
    }

    func summary(of slides: SlidesSource, number: Int, language: Language, from pagePath: String, hasQuiz: Bool) -> [String: ViewModelValue] {
        let front = slides.frontMatter
        return [
            "hasQuiz": .flag(hasQuiz),
            "quizHref": .text(SiteLayout.relative(from: pagePath, to: SiteLayout.quiz(slides.slug, language))),
            "quizKey": .text("\(language.code)/\(slides.slug)"),
            "number": .number(number),
            "title": .text(front.title),
            "summary": .text(front.summary ?? ""),
            "hasSummary": .flag(front.summary != nil),
            "duration": .text(front.duration.map { text("duration_minutes", language, ["minutes": String($0)]) } ?? ""),
            "hasDuration": .flag(front.duration != nil),
            "href": .text(SiteLayout.relative(from: pagePath, to: SiteLayout.module(slides.slug, language))),
            "deckHref": .text(SiteLayout.relative(from: pagePath, to: SiteLayout.deck(slides.slug, language))),
            "slug": .text(slides.slug),
        ]
    }

    func translations(of module: RenderedModule, page: (String, Language) -> String) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: module.source.slides.map { ($0.key, page($0.value.slug, $0.key)) })
    }

    func modulePage(_ module: RenderedModule, _ language: Language, _ neighbours: (RenderedModule?, RenderedModule?)) -> [String: ViewModelValue] {
        let slides = module.source.slides[language]!
        let path = SiteLayout.module(slides.slug, language)
        let root = SiteLayout.rootPrefix(of: path)
        var model = chrome(pagePath: path, language: language, title: fullTitle(slides.frontMatter.title, language: language),
                           translations: translations(of: module, page: SiteLayout.module))
        model.merge(summary(of: slides, number: module.source.number, language: language, from: path, hasQuiz: module.quizzes[language] != nil)) { $1 }
        model["objectives"] = .list(slides.frontMatter.objectives.map { ViewModel(["text": .text($0)]) })
        model["hasObjectives"] = .flag(!slides.frontMatter.objectives.isEmpty)
        // Below the page's own <h1>, the slides' headings move one level down to keep the outline.
        model["slides"] = .list(slideModels(module.decks[language]!.deck, root: root, language: language, demotingHeadings: true))
        model["deckHref"] = .text("slides/")
        for (key, neighbour) in [("previous", neighbours.0), ("next", neighbours.1)] {
            model["has" + key.prefix(1).uppercased() + key.dropFirst()] = .flag(neighbour != nil)
            if let neighbour, let other = neighbour.source.slides[language] {
                model[key] = .model(ViewModel(summary(of: other, number: neighbour.source.number, language: language, from: path, hasQuiz: neighbour.quizzes[language] != nil)))
            }
        }
        return model
    }

    func deckPage(_ module: RenderedModule, _ language: Language) -> [String: ViewModelValue] {
        let slides = module.source.slides[language]!
        let path = SiteLayout.deck(slides.slug, language)
        let root = SiteLayout.rootPrefix(of: path)
        var model = chrome(pagePath: path, language: language,
                           title: fullTitle(slides.frontMatter.title, text("slides_title", language), language: language),
                           translations: translations(of: module, page: SiteLayout.deck))
        model["title"] = .text(slides.frontMatter.title)
        model["hasQuiz"] = .flag(module.quizzes[language] != nil)
        model["slides"] = .list(slideModels(module.decks[language]!.deck, root: root, language: language))
        model["deckStrings"] = .text(scriptStrings("deck_", language))
        return model
    }

    func slideModels(_ deck: SlideDeck, root: String, language: Language, demotingHeadings: Bool = false) -> [ViewModel] {
        deck.slides.map { slide in
            let html = Self.resolvingRoot(demotingHeadings ? slide.htmlWithHeadingsDemoted : slide.html, root: root)
            let label = text("deck_slideOf", language, ["n": String(slide.number), "total": String(deck.slides.count)])
            return ViewModel([
                "number": .number(slide.number),
                "id": .text("slide-\(slide.number)"),
                "label": .text(slide.title.isEmpty ? label : "\(label): \(slide.title)"),
                "html": .text(html),
                "notes": .text(slide.notesHTML),
                "hasNotes": .flag(!slide.notesHTML.isEmpty),
            ])
        }
    }

    /// The interface texts whose keys start with `prefix`, without it, as JSON for a script (`deck_`, `quiz_`).
    func scriptStrings(_ prefix: String, _ language: Language) -> String {
        scriptStringsCache[prefix + language.code] ?? "{}"
    }

    static func scriptStrings(_ prefix: String, _ strings: [String: String]) -> String {
        let selected = strings.filter { $0.key.hasPrefix(prefix) }
        let table = Dictionary(uniqueKeysWithValues: selected.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
        guard let data = try? JSONSerialization.data(withJSONObject: table, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Internal URLs in rendered Markdown point at `@root@/`; each page gets its own relative prefix.
    static func resolvingRoot(_ html: String, root: String) -> String {
        html.replacingEvery("=\"\(CourseLinks.rootMarker)", with: "=\"\(root)")
    }

    /// A 404 page is served at any URL, so its links are absolute under the base URL.
    func notFound(_ language: Language, path: String) -> [String: ViewModelValue] {
        let others = Dictionary(uniqueKeysWithValues: config.languages.map { ($0, "\($0.code)/404.html") })
        var model = chrome(pagePath: path, language: language, title: fullTitle(text("not_found_title", language), language: language),
                           translations: others, root: config.baseURL)
        model["canonical"] = .text(config.baseURL + path)
        return model
    }

    /// The theme's assets and every file the slides link to.
    func assets() -> [OutputFile] {
        let themeAssets = site.options.root.appendingPathComponent("Templates/assets")
        var files: [OutputFile] = []
        for name in (FileManager.default.enumerator(atPath: themeAssets.path)?.allObjects as? [String] ?? []).sorted() {
            let source = themeAssets.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append(OutputFile(path: "assets/\(name)", contents: .copy(from: source.path)))
        }
        return files + media().sorted().map(mediaFile)
    }

    /// Every file of a module folder that some slides link to.
    func media() -> Set<Asset> {
        Set(modules.flatMap { $0.decks.values.flatMap(\.assets) })
    }

    /// The copy of a linked file into the site.
    func mediaFile(_ asset: Asset) -> OutputFile {
        let source = site.options.root.appendingPathComponent("Content").appendingPathComponent(asset.source)
        return OutputFile(path: asset.outputPath, contents: .copy(from: source.path))
    }
}

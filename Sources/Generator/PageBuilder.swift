import Content
import Diagnostics
import Foundation
import Markdown
import Quizzes
import Rendering

/// Turns the rendered course into the site's files: every page through its template, plus assets.
struct PageBuilder {
    let site: LoadedSite
    let modules: [RenderedModule]
    private(set) var diagnostics: [Diagnostic] = []
    private var sitemapEntries: [Sitemap.Entry] = []
    private var pending: [PendingPage] = []
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

    mutating func files() -> [OutputFile] {
        var files: [OutputFile] = []
        let overviews = Dictionary(uniqueKeysWithValues: config.languages.map { ($0, SiteLayout.overview($0)) })
        page("language-picker", at: "", model: languagePicker())
        record("", translations: overviews)
        for language in config.languages {
            page("overview", at: SiteLayout.overview(language), model: overview(language))
            record(SiteLayout.overview(language), translations: overviews)
            let available = modules.filter { $0.decks[language] != nil }
            for (index, module) in available.enumerated() {
                let neighbours = (index > 0 ? available[index - 1] : nil, index + 1 < available.count ? available[index + 1] : nil)
                let slug = module.source.slides[language]!.slug
                page("module", at: SiteLayout.module(slug, language), model: modulePage(module, language, neighbours))
                record(SiteLayout.module(slug, language), translations: translations(of: module, page: SiteLayout.module))
                page("deck", at: SiteLayout.deck(slug, language), model: deckPage(module, language))
                record(SiteLayout.deck(slug, language), translations: translations(of: module, page: SiteLayout.deck))
                if let quiz = module.quizzes[language] {
                    files += quizFiles(module, language, quiz: quiz)
                }
            }
            notFound(language, path: "\(language.code)/404.html")
        }
        notFound(config.defaultLanguage, path: "404.html")
        files += renderPendingPages()
        let sitemap = Sitemap(baseURL: config.baseURL, entries: sitemapEntries)
        files.append(OutputFile(path: "sitemap.xml", contents: .text(sitemap.xml)))
        files.append(OutputFile(path: "robots.txt", contents: .text(sitemap.robots)))
        files += assets()
        return files.sorted { $0.path < $1.path }
    }
}

extension PageBuilder {
    func strings(_ language: Language) -> [String: String] { site.strings.values[language] ?? [:] }

    func text(_ key: String, _ language: Language, _ replacements: [String: String] = [:]) -> String {
        var text = strings(language)[key] ?? key
        for (name, value) in replacements { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Queues a page; pages are rendered together, on every core, by `renderPendingPages`.
    mutating func page(_ template: String, at pagePath: String, model: [String: ViewModelValue]) {
        pending.append(PendingPage(path: SiteLayout.file(for: pagePath), template: template, model: ViewModel(model)))
    }

    /// Renders the queued pages in parallel; a template error becomes a diagnostic at the template.
    mutating func renderPendingPages() -> [OutputFile] {
        let templates = site.templates
        let results = ParallelMap.map(pending) { page in
            Result { () throws(TemplateError) -> OutputFile in
                OutputFile(path: page.path, contents: .text(try templates.render(page.template, page.model)))
            }
        }
        pending = []
        var files: [OutputFile] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error):
                let location = SourceLocation(path: site.course.displayPath("Templates/\(error.template).mustache"), line: 1)
                diagnostics.append(.error(error.message, at: location))
            }
        }
        return files
    }

    /// The quiz page, its GIFT and QTI downloads, and its sitemap entry.
    mutating func quizFiles(_ module: RenderedModule, _ language: Language, quiz: Quiz) -> [OutputFile] {
        let slides = module.source.slides[language]!
        let path = SiteLayout.quiz(slides.slug, language)
        let downloads = Self.exportNames(slug: slides.slug, language: language)
        page("quiz", at: path, model: quizPage(module, language, quiz: quiz))
        var files: [OutputFile] = []
        let quizPath = module.source.quizzes[language]?.displayPath ?? path
        let gift = GIFTExporter.export(quiz, path: quizPath)
        diagnostics += gift.diagnostics.filter { $0.severity == .error }
        files.append(OutputFile(path: path + downloads.gift, contents: .text(gift.text ?? "")))
        files.append(OutputFile(path: path + downloads.qti, contents: .bytes(QTIExporter.package(quiz, identifier: "\(slides.slug)-\(language.code)"))))
        let translations = Dictionary(uniqueKeysWithValues: module.source.slides.compactMap { entry in
            module.quizzes[entry.key] == nil ? nil : (entry.key, SiteLayout.quiz(entry.value.slug, entry.key))
        })
        record(path, translations: translations)
        return files
    }

    /// Lists a page and its translations in the sitemap, with the same x-default as the page's own links.
    mutating func record(_ pagePath: String, translations: [Language: String]) {
        var alternates = config.languages.compactMap { language in translations[language].map { (hreflang: language.code, path: $0) } }
        alternates.append((hreflang: "x-default", path: pagePath.isEmpty ? "" : translations[config.defaultLanguage] ?? ""))
        sitemapEntries.append(Sitemap.Entry(path: pagePath, alternates: alternates))
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
    mutating func notFound(_ language: Language, path: String) {
        let others = Dictionary(uniqueKeysWithValues: config.languages.map { ($0, "\($0.code)/404.html") })
        var model = chrome(pagePath: path, language: language, title: fullTitle(text("not_found_title", language), language: language),
                           translations: others, root: config.baseURL)
        model["canonical"] = .text(config.baseURL + path)
        pending.append(PendingPage(path: path, template: "not-found", model: ViewModel(model)))
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
        let content = site.options.root.appendingPathComponent("Content")
        let media = Set(modules.flatMap { $0.decks.values.flatMap(\.assets) })
        for asset in media.sorted() {
            files.append(OutputFile(path: asset.outputPath, contents: .copy(from: content.appendingPathComponent(asset.source).path)))
        }
        return files
    }
}

/// A page waiting to be rendered: where it goes, its template and its view model.
struct PendingPage: Sendable {
    var path: String
    var template: String
    var model: ViewModel
}

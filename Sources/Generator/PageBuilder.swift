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
    private(set) var modules: [RenderedModule]
    /// The texts and titles of each language, looked up once rather than once per page.
    private let languageTexts: [Language: LanguageTexts]

    /// Ids the module page's template adds around the slides, which links may name too.
    static let modulePageAnchors: Set<String> = ["main", "objectives-title"]

    init(site: LoadedSite, modules: [RenderedModule]) {
        self.site = site
        self.modules = modules
        var texts: [Language: LanguageTexts] = [:]
        for language in site.course.config.languages {
            texts[language] = LanguageTexts(
                site.strings.values[language] ?? [:], siteTitle: site.course.config.title[language] ?? "", code: language.code)
        }
        languageTexts = texts
    }

    /// The same builder for another version of the modules (more of them rendered): the texts are not made again.
    func replacing(modules: [RenderedModule]) -> PageBuilder {
        var builder = self
        builder.modules = modules
        return builder
    }

    var config: SiteConfig { site.course.config }

    /// Renders one page through its template, or one quiz download; the errors are located at the template or quiz.
    func render(_ page: PageJob) -> Result<OutputFile, DiagnosticsError> {
        let (template, model): (String, NameTable)
        var capacity = 16_384
        switch page.kind {
        case .languagePicker: (template, model) = ("language-picker", languagePicker())
        case .overview(let language):
            (template, model) = ("overview", overview(language))
            capacity += 1_024 * modules.count
        case .module(let index, let language, let previous, let next):
            (template, model) = ("module", modulePage(modules[index], language, (previous.map { modules[$0] }, next.map { modules[$0] })))
            capacity += modules[index].decks[language].map(Self.size) ?? 0
        case .deck(let index, let language):
            (template, model) = ("deck", deckPage(modules[index], language))
            capacity += modules[index].decks[language].map(Self.size) ?? 0
        case .quiz(let index, let language): (template, model) = ("quiz", quizPage(modules[index], language, quiz: modules[index].quizzes[language]!))
        case .notFound(let language): (template, model) = ("not-found", notFound(language, path: page.file))
        case .gift(let index, let language), .qti(let index, let language):
            return exportFile(page, module: modules[index], language: language)
        }
        do {
            let bytes = try site.templates.renderUTF8(template, ViewModel(model), capacity: capacity)
            return .success(OutputFile(path: page.file, contents: .bytes(bytes)))
        } catch {
            let path = site.course.displayPath("Templates/\(error.template).mustache")
            return .failure(DiagnosticsError([.error(error.message, at: SourceLocation(path: path, line: 1))]))
        }
    }

    /// The bytes of a deck's slides and notes, most of what its pages hold.
    private static func size(_ rendered: RenderedDeck) -> Int {
        rendered.deck.slides.reduce(0) { $0 + $1.html.utf8.count + $1.notesHTML.utf8.count }
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
    /// The texts of a page's language (every language of the site has them; any other reads as having none).
    func texts(_ language: Language) -> LanguageTexts {
        languageTexts[language] ?? LanguageTexts([:], siteTitle: config.title[language] ?? "", code: language.code)
    }

    func text(_ key: String, _ language: Language) -> String { texts(language).text(key) }

    /// A quiz's GIFT or QTI download, beside its page.
    func exportFile(_ page: PageJob, module: RenderedModule, language: Language) -> Result<OutputFile, DiagnosticsError> {
        let quiz = module.quizzes[language]!
        let slides = module.source.slides[language]!
        if case .qti = page.kind {
            return .success(OutputFile(path: page.file, contents: .bytes(QTIExporter.package(quiz, identifier: "\(slides.slug)-\(language.code)"))))
        }
        let gift = GIFTExporter.export(quiz, path: module.source.quizzes[language]?.displayPath ?? page.file)
        let errors = gift.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let bytes = gift.bytes else { return .failure(DiagnosticsError(errors)) }
        return .success(OutputFile(path: page.file, contents: .bytes(bytes)))
    }

    func quizTranslations(of module: RenderedModule) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: module.source.slides.compactMap { entry in
            module.quizzes[entry.key] == nil ? nil : (entry.key, SiteLayout.quiz(entry.value.slug, entry.key))
        })
    }

    /// A page and its translations for the sitemap, with the same x-default as the page's own links.
    func entry(_ pagePath: String, translations: [Language: String]) -> Sitemap.Entry {
        Sitemap.Entry(path: pagePath, alternates: alternates(of: translations, isRoot: pagePath.isEmpty))
    }

    /// The hreflang links of a page with these translations: one per language, then x-default (the site's root for
    /// the root page itself).
    func alternates(of translations: [Language: String], isRoot: Bool = false) -> [(hreflang: String, path: String)] {
        var alternates = config.languages.compactMap { language in translations[language].map { (hreflang: language.code, path: $0) } }
        alternates.append((hreflang: "x-default", path: isRoot ? "" : translations[config.defaultLanguage] ?? ""))
        return alternates
    }

    /// The parts every page has: language, titles, canonical and alternate URLs, the language switch.
    /// - Parameters:
    ///   - translation: the path of the page's translation into a language, `nil` when there is none.
    ///   - capacity: the number of keys the page's view model will have, so that it is made at its size once.
    func chrome(
        pagePath: String, language: Language, title: String, translation: (Language) -> String?, root: String? = nil,
        capacity: Int = 16
    ) -> NameTable {
        let root = root ?? SiteLayout.rootPrefix(of: pagePath)
        let own = texts(language)
        var alternates: [ViewModel] = []
        var switchLinks: [ViewModel] = []
        alternates.reserveCapacity(config.languages.count)
        switchLinks.reserveCapacity(config.languages.count)
        for other in config.languages {
            let target = translation(other)
            if let target { alternates.append(ViewModel(fields: ["hreflang": .text(other.code), "href": .text(config.baseURL + target)])) }
            switchLinks.append(ViewModel(fields: [
                "code": .text(other.code),
                "name": .text(texts(other).name),
                "href": .text(root + (target ?? SiteLayout.overview(other))),
                "current": .flag(other == language),
                "missing": .flag(target == nil),
                "missingNote": .text(own.missingNote),
            ]))
        }
        let xDefault = translation(config.defaultLanguage).map { config.baseURL + $0 } ?? config.baseURL
        var model: NameTable = NameTable(minimumCapacity: capacity)
        model["lang"] = .text(language.code)
        model["siteTitle"] = .text(own.siteTitle)
        model["pageTitle"] = .text(title)
        model["root"] = .text(root)
        model["assets"] = .text(root + "assets/")
        model["home"] = .text(root + SiteLayout.overview(language))
        model["canonical"] = .text(config.baseURL + pagePath)
        model["alternates"] = .list(alternates)
        model["xDefault"] = .text(xDefault)
        model["languages"] = .list(switchLinks)
        model["hasTranslations"] = .flag(config.languages.count > 1)
        model["t"] = own.table
        return model
    }

    /// The page's title, then the site's, leaving out empty ones.
    func fullTitle(_ parts: String..., language: Language) -> String {
        var title = ""
        for part in parts + [texts(language).siteTitle] where !part.isEmpty {
            if !title.isEmpty { title += " – " }
            title += part
        }
        return title
    }

    func languagePicker() -> NameTable {
        let language = config.defaultLanguage
        var model = chrome(pagePath: "", language: language, title: texts(language).siteTitle, translation: SiteLayout.overview)
        model["choices"] = .list(config.languages.map { other in
            let texts = texts(other)
            return ViewModel(fields: [
                "code": .text(other.code),
                "name": .text(texts.name),
                "siteTitle": .text(texts.siteTitle),
                "prompt": .text(texts.text("choose_language")),
                "href": .text(SiteLayout.overview(other)),
            ])
        })
        model["canonical"] = .text(config.baseURL)
        model["xDefault"] = .text(config.baseURL)
        model["hasTranslations"] = .flag(false)  // the page itself is the choice of language
        return model
    }

    func overview(_ language: Language) -> NameTable {
        let path = SiteLayout.overview(language)
        let prefix = SiteLayout.rootPrefix(of: path)
        var model = chrome(pagePath: path, language: language, title: texts(language).siteTitle, translation: SiteLayout.overview)
        var summaries: [ViewModel] = []
        summaries.reserveCapacity(modules.count)
        for module in modules {
            guard let slides = module.source.slides[language] else { continue }
            summaries.append(ViewModel(fields: summary(
                of: slides, number: module.source.number, language: language, prefix: prefix, hasQuiz: module.quizzes[language] != nil)))
        }
        model["modules"] = .list(summaries)
        return model
    }

    /// A module's summary, as the overview lists it and a module page and its neighbours show it.
    /// - Parameter prefix: the relative path from the page to the site root.
    func summary(of slides: SlidesSource, number: Int, language: Language, prefix: String, hasQuiz: Bool) -> KeyValuePairs<String, ViewModelValue> {
        let front = slides.frontMatter
        let link = { (target: String) in SiteLayout.relative(prefix: prefix, to: target) }
        return [
            "hasQuiz": .flag(hasQuiz),
            "quizHref": .text(link(SiteLayout.quiz(slides.slug, language))),
            "quizKey": .text(language.code + "/" + slides.slug),
            "number": .number(number),
            "title": .text(front.title),
            "summary": .text(front.summary ?? ""),
            "hasSummary": .flag(front.summary != nil),
            "duration": .text(front.duration.map { texts(language).durationMinutes.filled(String($0)) } ?? ""),
            "hasDuration": .flag(front.duration != nil),
            "href": .text(link(SiteLayout.module(slides.slug, language))),
            "deckHref": .text(link(SiteLayout.deck(slides.slug, language))),
            "slug": .text(slides.slug),
        ]
    }

    func translations(of module: RenderedModule, page: (String, Language) -> String) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: module.source.slides.map { ($0.key, page($0.value.slug, $0.key)) })
    }

    func modulePage(_ module: RenderedModule, _ language: Language, _ neighbours: (RenderedModule?, RenderedModule?)) -> NameTable {
        let slides = module.source.slides[language]!
        let path = SiteLayout.module(slides.slug, language)
        let root = SiteLayout.rootPrefix(of: path)
        var model = chrome(
            pagePath: path, language: language, title: fullTitle(slides.frontMatter.title, language: language),
            translation: { module.source.slides[$0].map { [language = $0] in SiteLayout.module($0.slug, language) } }, capacity: 32)
        for (key, value) in summary(of: slides, number: module.source.number, language: language, prefix: root, hasQuiz: module.quizzes[language] != nil) {
            model[key] = value
        }
        model["objectives"] = .list(slides.frontMatter.objectives.map { ViewModel(fields: ["text": .text($0)]) })
        model["hasObjectives"] = .flag(!slides.frontMatter.objectives.isEmpty)
        // Below the page's own <h1>, the slides' headings move one level down to keep the outline.
        model["slides"] = .list(slideModels(module.decks[language]!.deck, root: root, language: language, demotingHeadings: true))
        model["deckHref"] = .text("slides/")
        for (key, flag, neighbour) in [("previous", "hasPrevious", neighbours.0), ("next", "hasNext", neighbours.1)] {
            model[flag] = .flag(neighbour != nil)
            if let neighbour, let other = neighbour.source.slides[language] {
                model[key] = .model(ViewModel(fields: summary(
                    of: other, number: neighbour.source.number, language: language, prefix: root, hasQuiz: neighbour.quizzes[language] != nil)))
            }
        }
        return model
    }

    func deckPage(_ module: RenderedModule, _ language: Language) -> NameTable {
        let slides = module.source.slides[language]!
        let path = SiteLayout.deck(slides.slug, language)
        let root = SiteLayout.rootPrefix(of: path)
        let texts = texts(language)
        var model = chrome(
            pagePath: path, language: language, title: fullTitle(slides.frontMatter.title, texts.text("slides_title"), language: language),
            translation: { module.source.slides[$0].map { [language = $0] in SiteLayout.deck($0.slug, language) } })
        model["title"] = .text(slides.frontMatter.title)
        model["hasQuiz"] = .flag(module.quizzes[language] != nil)
        model["slides"] = .list(slideModels(module.decks[language]!.deck, root: root, language: language))
        model["deckStrings"] = .text(texts.deckStrings)
        return model
    }

    func slideModels(_ deck: SlideDeck, root: String, language: Language, demotingHeadings: Bool = false) -> [ViewModel] {
        let slideOf = texts(language).slideOf
        let total = String(deck.slides.count)
        let rootAttribute = "=\"" + root
        return deck.slides.map { slide in
            let html = Self.resolvingRoot(demotingHeadings ? slide.htmlWithHeadingsDemoted : slide.html, rootAttribute: rootAttribute)
            let number = String(slide.number)
            let label = slideOf.filled(number, total)
            return ViewModel(fields: [
                "number": .number(slide.number),
                "id": .text("slide-" + number),
                "label": .text(slide.title.isEmpty ? label : label + ": " + slide.title),
                "html": .text(html),
                "notes": .text(slide.notesHTML),
                "hasNotes": .flag(!slide.notesHTML.isEmpty),
            ])
        }
    }

    /// Internal URLs in rendered Markdown point at `@root@/`; each page gets its own relative prefix.
    static func resolvingRoot(_ html: String, root: String) -> String {
        resolvingRoot(html, rootAttribute: "=\"" + root)
    }

    /// `resolvingRoot(_:root:)` with the attribute's start (`="` and the root) made once per page.
    private static func resolvingRoot(_ html: String, rootAttribute: String) -> String {
        html.replacingEvery(rootMarkerAttribute, with: rootAttribute)
    }

    private static let rootMarkerAttribute = "=\"" + CourseLinks.rootMarker

    /// A 404 page is served at any URL, so its links are absolute under the base URL.
    func notFound(_ language: Language, path: String) -> NameTable {
        var model = chrome(
            pagePath: path, language: language, title: fullTitle(text("not_found_title", language), language: language),
            translation: { "\($0.code)/404.html" }, root: config.baseURL)
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

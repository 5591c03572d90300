import Content
import Diagnostics
import Foundation
import Markdown
import Quizzes
import Rendering

/// The course, the theme and the interface texts, read from disk once per build.
struct LoadedSite: Sendable {
    let options: BuildOptions
    private(set) var course: CourseSource
    let templates: Templates
    let strings: UIStrings

    static func load(_ options: BuildOptions) -> (LoadedSite?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (course, courseDiagnostics) = CourseSource.load(
            root: options.root, displayRoot: options.displayRoot, includeDrafts: options.includeDrafts, baseURL: options.baseURL)
        diagnostics += courseDiagnostics
        let templatesFolder = options.root.appendingPathComponent("Templates")
        guard FileManager.default.fileExists(atPath: templatesFolder.path) else {
            return (nil, diagnostics + [.error("there is no Templates/ folder in \(options.displayRoot); copy the default theme's Templates/ into the course", at: nil)])
        }
        let (templates, templateDiagnostics) = Templates.load(from: templatesFolder, displayRoot: options.displayRoot)
        diagnostics += templateDiagnostics
        guard let course else { return (nil, diagnostics) }
        let (strings, stringDiagnostics) = UIStrings.load(
            templates: templatesFolder, languages: course.config.languages, displayRoot: options.displayRoot)
        diagnostics += stringDiagnostics
        guard let templates, let strings else { return (nil, diagnostics) }
        return (LoadedSite(options: options, course: course, templates: templates, strings: strings), diagnostics)
    }

    /// Every module's slides rendered and quizzes parsed, in parallel; the order of the result is the course's order.
    /// - Parameter folders: only these modules (an incremental rebuild); the cache then keeps what other modules use.
    func renderModules(only folders: Set<String>? = nil) -> [RenderedModule] {
        let selected = folders.map { folders in course.modules.filter { folders.contains($0.folder) } } ?? course.modules
        let context = renderingContext()
        var (modules, quizKeys) = parseQuizzes(of: selected, in: context)
        let deckKeys = renderDecks(of: &modules, at: Array(modules.indices), in: context)
        if folders == nil { options.cache?.keep(decks: deckKeys, quizzes: quizKeys) }
        return modules
    }

    /// What rendering any module needs from the whole course, made once per build.
    struct RenderingContext: Sendable {
        /// Where links to other modules and files lead.
        var links: CourseLinks
        var options: MarkdownOptions
        /// The digest of everything a rendering depends on besides its own file, for the cache's keys.
        var digest: UInt64
    }

    func renderingContext() -> RenderingContext {
        let options = markdownOptions
        return RenderingContext(links: CourseLinks(course: course), options: options, digest: self.options.cache == nil ? 0 : renderContext(options))
    }

    /// The modules with their quizzes parsed (in parallel) and no slides rendered yet, in the order given, and the
    /// cache keys of the quizzes.
    func parseQuizzes(of selected: [ModuleSource], in context: RenderingContext) -> (modules: [RenderedModule], keys: Set<RenderCache.Key>) {
        let options = context.options
        let cache = self.options.cache
        let quizJobs = selected.indices.flatMap { index in selected[index].quizzes.keys.sorted().map { (index, $0, selected[index].quizzes[$0]!) } }
        let parsedQuizzes = ParallelMap.map(quizJobs) { _, language, source -> ((quiz: Quiz?, diagnostics: [Diagnostic]), RenderCache.Key?) in
            let parse = { Quiz.parse(source: source.text, path: source.displayPath, language: language.code, options: options) }
            guard let cache else { return (parse(), nil) }
            var digest = FNV1a()
            digest.add(source.text)
            let key = RenderCache.Key(path: source.displayPath, content: digest.value, context: context.digest)
            return (cache.quiz(key, parse: parse), key)
        }
        var modules = selected.map { RenderedModule(source: $0.droppingSources(), decks: [:], quizzes: [:], quizDiagnostics: []) }
        for (job, parsed) in zip(quizJobs, parsedQuizzes) {
            modules[job.0].quizzes[job.1] = parsed.0.quiz
            modules[job.0].quizDiagnostics += parsed.0.diagnostics
        }
        return (modules, Set(parsedQuizzes.compactMap(\.1)))
    }

    /// Renders the slides of the modules at `indices` (in parallel) into them; returns the cache keys of the decks.
    @discardableResult
    func renderDecks(of modules: inout [RenderedModule], at indices: [Int], in context: RenderingContext) -> Set<RenderCache.Key> {
        let (links, options) = (context.links, context.options)
        let cache = self.options.cache
        let deckJobs = indices.flatMap { index in modules[index].source.slides.keys.sorted().map { (index, modules[index].source, $0) } }
        let renderedDecks = ParallelMap.map(deckJobs) { _, module, language -> (RenderedDeck, RenderCache.Key?) in
            let render = { RenderedDeck.render(module: module, language: language, links: links, options: options) }
            guard let cache, let slides = module.slides[language], let data = FileManager.default.contents(atPath: slides.file.path) else {
                return (render(), nil)
            }
            var digest = FNV1a()
            digest.add(data)
            let key = RenderCache.Key(path: slides.displayPath, content: digest.value, context: context.digest)
            return (cache.deck(key, render: render), key)
        }
        for (job, deck) in zip(deckJobs, renderedDecks) { modules[job.0].decks[job.2] = deck.0 }
        return Set(renderedDecks.compactMap(\.1))
    }

    var markdownOptions: MarkdownOptions { MarkdownOptions(allowsRawHTML: course.config.allowsRawHTML) }

    /// A digest of everything a slides file's rendering depends on besides its own bytes: every module's folder,
    /// slugs, quizzes and files (links resolve against them) and the Markdown options.
    func renderContext(_ options: MarkdownOptions) -> UInt64 {
        var digest = FNV1a()
        digest.add("raw-html=\(options.allowsRawHTML)")
        for module in course.modules {
            digest.add("\u{0}\(module.folder)")
            for (language, slides) in module.slides.sorted(by: { $0.key < $1.key }) { digest.add("\u{1}\(language.code)=\(slides.slug)") }
            for language in module.quizzes.keys.sorted() { digest.add("\u{2}\(language.code)") }
            for file in module.files.sorted() { digest.add("\u{3}\(file)") }
        }
        return digest.value
    }

    /// The same site with some modules replaced by other versions of them.
    func replacing(_ modules: [Int: ModuleSource]) -> LoadedSite {
        var copy = self
        for (index, module) in modules { copy.course.modules[index] = module }
        return copy
    }

    /// The same site without the quiz texts, which are not needed once they are parsed.
    func droppingSources() -> LoadedSite {
        var copy = self
        copy.course.modules = course.modules.map { $0.droppingSources() }
        return copy
    }
}

/// One language of one module, rendered.
struct RenderedDeck: Sendable {
    var deck: SlideDeck
    var assets: Set<Asset>
    /// Links to pages of the course with a `#fragment`, checked once every page's anchors are known.
    var pageLinks: [(PageReference, SourceLocation)]

    static func render(module: ModuleSource, language: Language, links: CourseLinks, options: MarkdownOptions) -> RenderedDeck {
        guard let slides = module.slides[language] else { preconditionFailure("no slides for \(language) in \(module.folder)") }
        var assets: Set<Asset> = []
        var pageLinks: [(PageReference, SourceLocation)] = []
        let body: String
        switch slides.readBody() {
        case .success(let text): body = text
        case .failure(let diagnostic):
            var deck = SlideDeck(parsing: "", path: slides.displayPath)
            deck.diagnostics.append(diagnostic)
            return RenderedDeck(deck: deck, assets: [], pageLinks: [])
        }
        let deck = SlideDeck(parsing: body, path: slides.displayPath, options: options) { reference in
            let resolved = links.resolve(reference, from: module, language: language)
            if let asset = resolved.asset { assets.insert(asset) }
            if let page = resolved.page {
                pageLinks.append((page, SourceLocation(path: slides.displayPath, line: reference.line, column: reference.column)))
            }
            return resolved.resolution
        }
        return RenderedDeck(deck: deck, assets: assets, pageLinks: pageLinks)
    }
}

/// A module with its rendered languages.
struct RenderedModule: Sendable {
    var source: ModuleSource
    var decks: [Language: RenderedDeck]
    /// The parsed quiz of each language whose quiz has no errors.
    var quizzes: [Language: Quiz]
    var quizDiagnostics: [Diagnostic]

    var diagnostics: [Diagnostic] { decks.values.flatMap(\.deck.diagnostics) + quizDiagnostics }
}

extension ModuleSource {
    /// The module without its quizzes' texts (slides are read from disk only while they are rendered).
    func droppingSources() -> ModuleSource {
        var copy = self
        for language in copy.quizzes.keys { copy.quizzes[language]?.text = "" }
        return copy
    }
}

import Content
import Diagnostics
import Foundation
import Markdown
import Rendering

/// The course, the theme and the interface texts, read from disk once per build.
struct LoadedSite: Sendable {
    let options: BuildOptions
    let course: CourseSource
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

    /// Every module's slides rendered, in parallel; the order of the result is the course's order.
    func renderModules() -> [RenderedModule] {
        let links = CourseLinks(course: course)
        let jobs = course.modules.flatMap { module in module.slides.keys.sorted().map { (module, $0) } }
        let results = ParallelMap.map(jobs) { module, language in
            RenderedDeck.render(module: module, language: language, links: links, options: MarkdownOptions(allowsRawHTML: course.config.allowsRawHTML))
        }
        var byFolder: [String: [Language: RenderedDeck]] = [:]
        for (job, deck) in zip(jobs, results) { byFolder[job.0.folder, default: [:]][job.1] = deck }
        return course.modules.map { RenderedModule(source: $0, decks: byFolder[$0.folder] ?? [:]) }
    }

    /// A module missing in a language is a warning (an error with --strict).
    func translationDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for module in course.modules {
            for language in course.config.languages where module.slides[language] == nil {
                diagnostics.append(.warning(
                    "the module has no `slides.\(language.code).md`; its \(language.code) pages link to the \(language.code) overview until it is translated",
                    at: SourceLocation(path: course.displayPath("Content/\(module.folder)"), line: 1)))
            }
        }
        return diagnostics
    }
}

/// One language of one module, rendered.
struct RenderedDeck: Sendable {
    var deck: SlideDeck
    var assets: Set<Asset>

    static func render(module: ModuleSource, language: Language, links: CourseLinks, options: MarkdownOptions) -> RenderedDeck {
        guard let slides = module.slides[language] else { preconditionFailure("no slides for \(language) in \(module.folder)") }
        var assets: Set<Asset> = []
        let deck = SlideDeck(parsing: slides.body, path: slides.displayPath, options: options) { reference in
            let (resolution, asset) = links.resolve(reference, from: module, language: language)
            if let asset { assets.insert(asset) }
            return resolution
        }
        return RenderedDeck(deck: deck, assets: assets)
    }
}

/// A module with its rendered languages.
struct RenderedModule: Sendable {
    var source: ModuleSource
    var decks: [Language: RenderedDeck]

    var diagnostics: [Diagnostic] { decks.values.flatMap(\.deck.diagnostics) }
}

import Diagnostics
import Foundation

/// A whole build, a group of modules at a time: every quiz first (pages say which modules have one), then for each
/// group its slides and its pages, rendered on every core and handed to the writer as they are made; last the checks
/// across modules and the pages about all of them (overviews, sitemap, 404 pages).
///
/// Once a group's pages are written its slides' HTML is dropped, so a build holds the text of a few modules at a
/// time however large the course is. An error found at the end (a broken link to another module's anchor) still
/// fails the build: the writer's folder is thrown away.
struct SiteStream: Sendable {
    let site: LoadedSite
    let options: BuildOptions
    let loadDiagnostics: [Diagnostic]

    /// Modules whose slides are rendered, and pages written, in one step: enough work to keep both cores busy.
    static let groupSize = 32

    /// What a build made and found.
    struct Outcome: Sendable {
        var report: BuildReport
        /// The number of files handed to the writer.
        var files: Int
        /// The number of pages and quiz downloads rendered.
        var rendered: Int
        /// The course (quiz texts dropped) and every module, in the course's order; slides' HTML dropped unless kept.
        var site: LoadedSite
        var modules: [RenderedModule]
        var checks: BuildDiagnostics
    }

    /// Loads the course, the theme and the texts; throws every diagnostic when something does not load.
    init(_ options: BuildOptions) throws(DiagnosticsError) {
        let (loaded, loadDiagnostics) = LoadedSite.load(options)
        guard let loaded, !loadDiagnostics.containsErrors else { throw DiagnosticsError(Site.finalize(loadDiagnostics, options)) }
        site = loaded
        self.options = options
        self.loadDiagnostics = loadDiagnostics
    }

    /// Renders every page and file and hands each to `write`, from any thread and in no set order. Throws every
    /// diagnostic when the course, a template or an export has an error (what was written must then be thrown away),
    /// and whatever `write` throws.
    /// - Parameter keepingSlides: keep every module's slides' HTML in the outcome (for `lectern serve`'s next rebuild).
    func run(keepingSlides: Bool = false, write: @escaping @Sendable (OutputFile) throws -> Void) throws -> Outcome {
        let sink = Sink(write)
        let lightSite = site.droppingSources()
        let context = site.renderingContext()
        var (modules, quizKeys) = site.parseQuizzes(of: site.course.modules, in: context)
        // Which pages there are depends on the modules' slides files and quizzes only: planned once.
        let planner = PageBuilder(site: lightSite, modules: modules)
        let pages = planner.pages()
        let modulePages = Dictionary(grouping: pages.filter { $0.kind.module != nil }) { $0.kind.module! }
        var deckKeys: Set<RenderCache.Key> = []
        for start in stride(from: 0, to: modules.count, by: Self.groupSize) {
            try BuildInterruption.check()
            let group = Array(start..<min(start + Self.groupSize, modules.count))
            deckKeys.formUnion(site.renderDecks(of: &modules, at: group, in: context))
            let builder = planner.replacing(modules: modules)
            try sink.render(group.flatMap { modulePages[$0] ?? [] }, with: builder)
            if !keepingSlides {
                for index in group { modules[index].dropSlideHTML() }
            }
        }
        options.cache?.keep(decks: deckKeys, quizzes: quizKeys)
        let checks = BuildDiagnostics(checking: modules, of: site, loading: loadDiagnostics)
        let diagnostics = Site.finalize(checks.all(modules), options)
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        let builder = planner.replacing(modules: modules)
        // The sitemap and the copied files are made while the pages about the whole site render.
        let sitePages = pages.filter { $0.kind.module == nil }
        let failures = ParallelMap.map([true, false]) { isPages -> (any Error)? in
            do {
                if isPages { try sink.render(sitePages, with: builder) } else { for file in builder.files() { try sink.write(file) } }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        // A template problem shows on every page that uses it: it is reported once.
        let problems = sink.problems
        if !problems.isEmpty { throw DiagnosticsError(diagnostics + problems.sorted { $0.description < $1.description }) }
        let report = BuildReport(
            modules: modules.count, languages: site.course.config.languages.count, pages: sink.counts.pages,
            warnings: diagnostics.sortedByLocation())
        return Outcome(report: report, files: sink.counts.files, rendered: sink.counts.rendered, site: lightSite, modules: modules, checks: checks)
    }
}

/// Where rendered files go: the writer, and the tally of what was written and what failed, shared by every core.
private final class Sink: Sendable {
    private let destination: @Sendable (OutputFile) throws -> Void
    private let tally = Locked((files: 0, pages: 0, rendered: 0, problems: Set<Diagnostic>()))

    init(_ destination: @escaping @Sendable (OutputFile) throws -> Void) { self.destination = destination }

    var counts: (files: Int, pages: Int, rendered: Int) { tally.withLock { ($0.files, $0.pages, $0.rendered) } }
    var problems: Set<Diagnostic> { tally.withLock { $0.problems } }

    func write(_ file: OutputFile) throws {
        try destination(file)
        tally.withLock { $0.files += 1 }
    }

    /// Renders pages on every core and writes each as soon as it is made; a page's template or export errors are
    /// kept for the end, a write's error is thrown.
    func render(_ pages: [PageJob], with builder: PageBuilder) throws {
        let failures = ParallelMap.map(pages) { page -> (any Error)? in
            switch builder.render(page) {
            case .success(let file):
                do { try self.write(file) } catch { return error }
                self.tally.withLock {
                    $0.rendered += 1
                    if file.path.hasSuffix(".html") { $0.pages += 1 }
                }
            case .failure(let error):
                self.tally.withLock {
                    $0.rendered += 1
                    $0.problems.formUnion(error.diagnostics)
                }
            }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }
}

extension PageJob.Kind {
    /// The index of the module a page belongs to; `nil` for the pages about the whole site.
    var module: Int? {
        switch self {
        case .module(let index, _, _, _), .deck(let index, _), .quiz(let index, _), .gift(let index, _), .qti(let index, _): index
        case .languagePicker, .overview, .notFound: nil
        }
    }
}

extension RenderedModule {
    /// Drops the slides' and notes' HTML, in place: what the checks across modules and the overview pages still need
    /// (titles, slide counts, anchors, links, quizzes) stays.
    mutating func dropSlideHTML() {
        for language in decks.keys {
            guard let count = decks[language]?.deck.slides.count else { continue }
            for index in 0..<count {
                decks[language]!.deck.slides[index].html = ""
                decks[language]!.deck.slides[index].notesHTML = ""
            }
        }
    }
}

import Content
import Diagnostics
import Foundation

/// An incremental rebuild, as an ordered list of steps: reload the edited modules, render them, check, render the
/// pages they can change, write those.
extension BuiltSite {
    /// This site after `edits`, with only the edited modules loaded and rendered again and only the pages they can
    /// change rendered and written; `nil` when the edits change more than that (the whole site must then be built).
    /// Throws every diagnostic, as a whole build would, when the edited course has an error; nothing is written then.
    func rebuilding(after edits: ModuleEdits, _ options: BuildOptions) throws(DiagnosticsError) -> BuiltSite? {
        guard let (changed, load) = reload(edits, options) else { return nil }
        let (site, modules) = render(changed)
        var checks = check(edits, modules, site)
        checks.load = load
        let warnings = try Site.verdict(checks, modules, options)
        let builder = PageBuilder(site: site, modules: modules)
        let old = Dictionary(uniqueKeysWithValues: changed.keys.map { ($0, self.site.course.modules[$0]) })
        let pages = builder.pages(including: AffectedPages(edits: edits, old: old, new: changed).contains)
        let (copies, removed) = media(builder, edits, changed: changed)
        let files = try Self.render(pages, builder, warnings: warnings) + copies
        let written: [String]
        do {
            written = try OutputFolder(url: options.output).update(files, removing: removed)
        } catch {
            return nil  // some files may be written: a whole build puts the folder right
        }
        var report = self.report
        report.warnings = warnings
        report.scope = RebuildScope(isIncremental: true, rendered: pages.count, written: written.count)
        return BuiltSite(report: report, site: site, modules: modules, checks: checks)
    }
}

private extension BuiltSite {
    /// Loads the edited modules again; `nil` when one no longer loads or changed its shape. Returns them by index and
    /// every loading diagnostic of the course (the edited modules' replaced).
    func reload(_ edits: ModuleEdits, _ options: BuildOptions) -> (changed: [Int: ModuleSource], load: [Diagnostic])? {
        var changed: [Int: ModuleSource] = [:]
        var load = checks.load.filter { !edits.locates($0, in: site.course) }
        for folder in edits.folders.sorted() {
            guard let index = site.course.modules.firstIndex(where: { $0.folder == folder }),
                case let (module?, reloaded) = site.course.loadModule(folder, includeDrafts: options.includeDrafts),
                !reloaded.containsErrors, module.hasSameShape(as: site.course.modules[index])
            else { return nil }
            changed[index] = module
            load += reloaded.filter { edits.locates($0, in: site.course) }
        }
        return (changed, load)
    }

    /// Renders the edited modules; returns the site (quiz texts dropped) and every module, in the course's order.
    func render(_ changed: [Int: ModuleSource]) -> (LoadedSite, [RenderedModule]) {
        let rendered = site.replacing(changed).renderModules(only: Set(changed.values.map(\.folder)))
        var modules = self.modules
        for (index, module) in changed {
            guard let new = rendered.first(where: { $0.source.folder == module.folder }) else { preconditionFailure("\(module.folder) was rendered") }
            modules[index] = new
        }
        return (site.replacing(changed.mapValues { $0.droppingSources() }), modules)
    }

    /// The checks again for what the edits can change: anchors in the edited modules and in modules linking to them,
    /// the translation report of the edited modules.
    func check(_ edits: ModuleEdits, _ modules: [RenderedModule], _ site: LoadedSite) -> BuildDiagnostics {
        var checks = self.checks
        let byFolder = Dictionary(uniqueKeysWithValues: modules.map { ($0.source.folder, $0) })
        let linking = modules.filter { module in
            module.decks.values.contains { deck in deck.pageLinks.contains { edits.files[$0.0.folder] != nil } }
        }
        for folder in edits.folders.union(linking.map(\.source.folder)) {
            guard let module = byFolder[folder] else { continue }
            checks.anchors[folder] = site.anchorDiagnostics(of: module, in: byFolder)
        }
        for folder in edits.folders {
            guard let module = byFolder[folder] else { continue }
            checks.translations[folder] = site.translationDiagnostics(of: module)
        }
        return checks
    }

    /// The copies of linked files that are new to the site or whose source was edited, and the files of the site
    /// that no slides link to any more. Only the edited modules' links can have changed, so when neither their old
    /// nor their new slides link to a file, and no linkable file was edited, there is nothing to do.
    func media(_ builder: PageBuilder, _ edits: ModuleEdits, changed: [Int: ModuleSource]) -> (copies: [OutputFile], removed: [String]) {
        // Files of the modules other than their slides and quizzes, as `Asset.source` names them.
        let edited = Set(changed.values.flatMap { module in
            (edits.files[module.folder] ?? []).map { String($0.dropFirst("Content/\(module.folder)/".count)) }
                .filter(module.files.contains).map { "\(module.folder)/\($0)" }
        })
        let linked = changed.keys.contains { index in
            [modules[index], builder.modules[index]].contains { !$0.decks.values.allSatisfy(\.assets.isEmpty) }
        }
        guard linked || !edited.isEmpty else { return ([], []) }
        let (before, after) = (PageBuilder(site: site, modules: modules).media(), builder.media())
        let copies = after.filter { !before.contains($0) || edited.contains($0.source) }.sorted().map(builder.mediaFile)
        return (copies, before.subtracting(after).map(\.outputPath).sorted())
    }

    /// Renders pages on every core; throws every error once, after the warnings, as a whole build does.
    static func render(_ pages: [PageJob], _ builder: PageBuilder, warnings: [Diagnostic]) throws(DiagnosticsError) -> [OutputFile] {
        var files: [OutputFile] = []
        var errors: Set<Diagnostic> = []
        for result in ParallelMap.map(pages, { builder.render($0) }) {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): errors.formUnion(error.diagnostics)
            }
        }
        if !errors.isEmpty { throw DiagnosticsError(warnings + errors.sorted { $0.description < $1.description }) }
        return files
    }
}

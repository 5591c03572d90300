import Content
import Diagnostics

/// A build's diagnostics, kept by the step and the module they come from, so that a rebuild of one module can
/// replace that module's and keep every other one.
struct BuildDiagnostics: Sendable {
    /// Loading: `site.yaml`, module folders, front matter, templates, interface texts.
    var load: [Diagnostic]
    /// Links to a `#fragment` that names nothing, by the folder of the module whose slides hold the link.
    var anchors: [String: [Diagnostic]]
    /// The translation report, by module folder.
    var translations: [String: [Diagnostic]]

    /// Runs the checks across modules and languages on a rendered course.
    init(checking modules: [RenderedModule], of site: LoadedSite, loading load: [Diagnostic]) {
        self.load = load
        let byFolder = Dictionary(uniqueKeysWithValues: modules.map { ($0.source.folder, $0) })
        // Each module's checks read the others but change nothing: they run on every core.
        let checked = ParallelMap.map(modules) { module in
            (module.source.folder, site.anchorDiagnostics(of: module, in: byFolder), site.translationDiagnostics(of: module))
        }
        anchors = Dictionary(uniqueKeysWithValues: checked.map { ($0.0, $0.1) })
        translations = Dictionary(uniqueKeysWithValues: checked.map { ($0.0, $0.2) })
    }

    /// Every diagnostic, not yet made unique or sorted: loading, then each module's rendering, anchors and translations.
    func all(_ modules: [RenderedModule]) -> [Diagnostic] {
        var diagnostics = load
        for module in modules {
            diagnostics += module.diagnostics
            diagnostics += anchors[module.source.folder] ?? []
            diagnostics += translations[module.source.folder] ?? []
        }
        return diagnostics
    }
}

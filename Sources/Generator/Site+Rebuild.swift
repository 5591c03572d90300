import Diagnostics
import Foundation

extension Site {
    /// `lectern serve`'s build: after edits of files inside existing module folders (`changes`, absolute paths, since
    /// `previous`), only the edited modules are loaded and rendered again and only the pages they can change are
    /// written, in place; anything else (the first build, `site.yaml`, `Templates/`, a file or folder added or
    /// removed, a changed slug or draft flag, a file that no longer loads) builds the whole site as `build` does.
    ///
    /// Either way the result is byte for byte the site a whole build of the same input writes, and an error leaves the
    /// output as it was.
    public static func rebuild(_ options: BuildOptions, after changes: [String], from previous: BuiltSite?) throws(DiagnosticsError) -> BuiltSite {
        if let previous, let edits = ModuleEdits(changes, root: options.root, course: previous.site.course),
            let rebuilt = try previous.rebuilding(after: edits, options)
        {
            return rebuilt
        }
        return try buildWhole(options)
    }

    /// The whole site, as `build` makes it but without its nothing-changed skip, kept for the next rebuild.
    static func buildWhole(_ options: BuildOptions) throws(DiagnosticsError) -> BuiltSite {
        // No input digest in the record: the preview's folder is private, and its files are later changed in place.
        let outcome = try write(SiteStream(options), input: "", keepingSlides: true, options)
        var report = outcome.report
        report.scope = RebuildScope(isIncremental: false, rendered: outcome.rendered, written: outcome.files + 1)
        return BuiltSite(report: report, site: outcome.site, modules: outcome.modules, checks: outcome.checks)
    }
}

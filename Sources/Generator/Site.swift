import Content
import Diagnostics
import Foundation
import Markdown
import Rendering

/// The whole build in order: load the course, check it, render it, write it.
public enum Site {
    /// Builds the site into `options.output`; on any error nothing is written and every diagnostic is thrown.
    public static func build(_ options: BuildOptions) throws(DiagnosticsError) -> BuildReport {
        // Same input as the output's last build, and the output still holds what it wrote: nothing to do.
        let input = InputDigest.of(options)
        if !options.verify, let record = BuildRecord.read(from: options.output), record.input == input,
            fileCount(in: options.output) == record.files
        {
            return BuildReport(modules: record.modules, languages: record.languages, pages: record.pages, warnings: record.warnings, upToDate: true)
        }
        let (files, report) = try render(options)
        if options.verify, let difference = firstDifference(files, try render(options).0) {
            throw DiagnosticsError([.error(
                "--verify: two builds of the same input differ at \(difference); something in the build is not deterministic", at: nil)])
        }
        if let problem = OutputFolder.check(output: options.output, root: options.root, force: options.force) {
            throw DiagnosticsError([problem])
        }
        do {
            let record = BuildRecord(
                input: input, files: files.count + 1, modules: report.modules, languages: report.languages, pages: report.pages,
                warnings: report.warnings)
            try OutputFolder(url: options.output).replace(with: files, marker: record.json)
        } catch is BuildInterruption.Interrupted {
            throw DiagnosticsError([.error("the build was interrupted; the previous output was left as it was", at: nil)])
        } catch {
            throw DiagnosticsError([.error("writing \(options.output.path) failed: \(error); the previous output was left as it was", at: nil)])
        }
        return report
    }

    /// Everything `build` does except writing: the diagnostics a build would print.
    public static func check(_ options: BuildOptions) -> [Diagnostic] {
        do {
            let (_, report) = try render(options)
            return report.warnings
        } catch {
            return error.diagnostics
        }
    }

    /// Loads, checks and renders the course into files held in memory.
    static func render(_ options: BuildOptions) throws(DiagnosticsError) -> ([OutputFile], BuildReport) {
        var diagnostics: [Diagnostic] = []
        let (loaded, loadDiagnostics) = LoadedSite.load(options)
        diagnostics += loadDiagnostics
        guard let loaded, !diagnostics.containsErrors else { throw DiagnosticsError(finalize(diagnostics, options)) }
        let modules = loaded.renderModules()
        diagnostics += modules.flatMap(\.diagnostics)
        diagnostics += loaded.anchorDiagnostics(modules)
        diagnostics += loaded.translationDiagnostics(modules)
        diagnostics = finalize(diagnostics, options)
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        var pages = PageBuilder(site: loaded, modules: modules)
        let files = pages.files()
        // A template problem shows on every page that uses it: report it once.
        guard pages.diagnostics.isEmpty else { throw DiagnosticsError(diagnostics + Array(Set(pages.diagnostics))) }
        let report = BuildReport(
            modules: modules.count, languages: loaded.course.config.languages.count,
            pages: files.filter { $0.path.hasSuffix(".html") }.count, warnings: diagnostics.sortedByLocation())
        return (files, report)
    }

    /// The number of files below a folder (0 when it does not exist).
    static func fileCount(in folder: URL) -> Int {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return 0 }
        var count = 0
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            count += 1
        }
        return count
    }

    /// The first output path whose contents differ between two renderings, or `nil` when they are identical.
    static func firstDifference(_ first: [OutputFile], _ second: [OutputFile]) -> String? {
        let paths = Set(first.map(\.path)).symmetricDifference(second.map(\.path))
        if let path = paths.sorted().first { return path }
        return zip(first, second).first { $0 != $1 }?.0.path
    }

    private static func finalize(_ diagnostics: [Diagnostic], _ options: BuildOptions) -> [Diagnostic] {
        let unique = Array(Set(diagnostics))
        return (options.strict ? unique.promotingWarnings() : unique).sortedByLocation()
    }
}

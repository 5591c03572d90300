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
        let plan = try plan(options)
        if options.verify, let difference = firstDifference(try plan.digests(), try Site.plan(options).digests()) {
            throw DiagnosticsError([.error(
                "--verify: two builds of the same input differ at \(difference); something in the build is not deterministic", at: nil)])
        }
        try write(plan, input: input, options)
        return plan.report
    }

    /// Writes a planned site into a fresh folder and swaps it in, with a build record naming `input`.
    static func write(_ plan: SitePlan, input: String, _ options: BuildOptions) throws(DiagnosticsError) {
        if let problem = OutputFolder.check(output: options.output, root: options.root, force: options.force) {
            throw DiagnosticsError([problem])
        }
        let report = plan.report
        let record = BuildRecord(
            input: input, files: plan.fileCount + 1, modules: report.modules, languages: report.languages, pages: report.pages,
            warnings: report.warnings)
        do {
            try OutputFolder(url: options.output).replace(marker: record.json) { write in
                try plan.produce(write)
            }
        } catch let error as DiagnosticsError {
            throw error
        } catch is BuildInterruption.Interrupted {
            throw DiagnosticsError([.error("the build was interrupted; the previous output was left as it was", at: nil)])
        } catch {
            throw DiagnosticsError([.error("writing \(options.output.path) failed: \(error); the previous output was left as it was", at: nil)])
        }
    }

    /// Everything `build` does except writing: the diagnostics a build would print.
    public static func check(_ options: BuildOptions) -> [Diagnostic] {
        do {
            let plan = try plan(options)
            try plan.produce { _ in }
            return plan.report.warnings
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error("\(error)", at: nil)]
        }
    }

    /// Loads, checks and renders the course's Markdown and quizzes, and plans every file of the site.
    static func plan(_ options: BuildOptions) throws(DiagnosticsError) -> SitePlan {
        let (loaded, loadDiagnostics) = LoadedSite.load(options)
        guard let loaded, !loadDiagnostics.containsErrors else { throw DiagnosticsError(finalize(loadDiagnostics, options)) }
        let modules = loaded.renderModules()
        let checks = BuildDiagnostics(checking: modules, of: loaded, loading: loadDiagnostics)
        let diagnostics = try verdict(checks, modules, options)
        let builder = PageBuilder(site: loaded.droppingSources(), modules: modules)
        let (pages, files) = builder.plan()
        let report = BuildReport(
            modules: modules.count, languages: builder.config.languages.count, pages: pages.filter { $0.file.hasSuffix(".html") }.count,
            warnings: diagnostics.sortedByLocation())
        return SitePlan(builder: builder, pages: pages, files: files, report: report, warnings: diagnostics, checks: checks)
    }

    /// Every diagnostic of a checked course, finalized (unique, sorted, promoted with `--strict`): thrown when one is
    /// an error, else returned as the build's warnings.
    static func verdict(_ checks: BuildDiagnostics, _ modules: [RenderedModule], _ options: BuildOptions) throws(DiagnosticsError) -> [Diagnostic] {
        let diagnostics = finalize(checks.all(modules), options)
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        return diagnostics
    }

    /// The number of regular files below a folder (0 when it does not exist), by `readdir` alone: building a URL and
    /// asking for its resource values per file made a build with nothing changed take half a second.
    static func fileCount(in folder: URL) -> Int {
        func count(_ path: String, depth: Int) -> Int {
            guard depth < 64, let directory = opendir(path) else { return 0 }
            defer { closedir(directory) }
            var total = 0
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                if name == "." || name == ".." { continue }
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): total += 1
                case Int32(DT_DIR): total += count(path + "/" + name, depth: depth + 1)
                default: break
                }
            }
            return total
        }
        return count(folder.path, depth: 0)
    }

    /// The first output path whose contents differ between two renderings, or `nil` when they are identical.
    static func firstDifference(_ first: [String: UInt64], _ second: [String: UInt64]) -> String? {
        let paths = Set(first.keys).union(second.keys).sorted()
        return paths.first { first[$0] != second[$0] }
    }

    static func finalize(_ diagnostics: [Diagnostic], _ options: BuildOptions) -> [Diagnostic] {
        let unique = Array(Set(diagnostics))
        return (options.strict ? unique.promotingWarnings() : unique).sortedByLocation()
    }
}

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
        let stream = try SiteStream(options)
        if options.verify, let difference = firstDifference(try digests(stream), try digests(SiteStream(options))) {
            throw DiagnosticsError([.error(
                "--verify: two builds of the same input differ at \(difference); something in the build is not deterministic", at: nil)])
        }
        let outcome = try write(stream, input: input, options)
        if options.keepsResultsUntilExit { KeptUntilExit.keep((stream, outcome)) }
        return outcome.report
    }

    /// Builds a loaded site into a fresh folder and swaps it in, with a build record naming `input`.
    static func write(_ stream: SiteStream, input: String, keepingSlides: Bool = false, _ options: BuildOptions) throws(DiagnosticsError)
        -> SiteStream.Outcome
    {
        if let problem = OutputFolder.check(output: options.output, root: options.root, force: options.force) {
            throw DiagnosticsError([problem])
        }
        do {
            var outcome: SiteStream.Outcome?
            try OutputFolder(url: options.output).replace { write in
                let made = try stream.run(keepingSlides: keepingSlides, write: write)
                outcome = made
                let report = made.report
                return BuildRecord(
                    input: input, files: made.files + 1, modules: report.modules, languages: report.languages, pages: report.pages,
                    warnings: report.warnings
                ).json
            }
            return outcome!
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
            return try SiteStream(options).run { _ in }.report.warnings
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error("\(error)", at: nil)]
        }
    }

    /// A fingerprint of every file's bytes, for `--verify`.
    static func digests(_ stream: SiteStream) throws(DiagnosticsError) -> [String: UInt64] {
        let digests = Locked<[String: UInt64]>([:])
        do {
            _ = try stream.run { file in
                var hash = FNV1a()
                hash.add(Data(try file.bytes()))
                digests.withLock { $0[file.path] = hash.value }
            }
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error("\(error)", at: nil)])
        }
        return digests.withLock { $0 }
    }

    /// Every diagnostic of a checked course, finalized (unique, sorted, promoted with `--strict`): thrown when one is
    /// an error, else returned as the build's warnings.
    static func verdict(_ checks: BuildDiagnostics, _ modules: [RenderedModule], _ options: BuildOptions) throws(DiagnosticsError) -> [Diagnostic] {
        let diagnostics = finalize(checks.all(modules), options)
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        return diagnostics
    }

    /// The number of regular files below a folder (0 when it does not exist).
    static func fileCount(in folder: URL) -> Int {
        FileTree.files(below: folder.path).count
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

/// Values that stay in memory until the process exits (see `BuildOptions.keepsResultsUntilExit`).
enum KeptUntilExit {
    private static let values = Locked<[any Sendable]>([])

    static func keep(_ value: any Sendable) { values.withLock { $0.append(value) } }
}

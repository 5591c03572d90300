import Diagnostics
import Foundation

/// Every file of a site, planned: the small files made, the pages described. Pages are rendered a batch at a time
/// on every core and handed straight to the writer, so a build never holds the whole site in memory.
struct SitePlan: Sendable {
    let builder: PageBuilder
    let pages: [PageJob]
    let files: [OutputFile]
    let report: BuildReport
    /// The diagnostics so far (warnings), returned again with any template error.
    let warnings: [Diagnostic]
    /// The diagnostics by step and module, which `lectern serve` keeps for its next rebuild.
    let checks: BuildDiagnostics

    /// Pages rendered in one parallel step: enough to keep both cores busy, few enough to keep memory low.
    static let batchSize = 32

    /// The number of files the plan writes.
    var fileCount: Int { pages.count + files.count }

    /// Hands every file to `write`, pages as they are rendered; throws every template or export error (each once) at
    /// the end, so the writer can throw away what it wrote.
    func produce(_ write: (OutputFile) throws -> Void) throws {
        for file in files { try write(file) }
        var errors: Set<Diagnostic> = []
        var start = 0
        while start < pages.count {
            try BuildInterruption.check()
            let batch = Array(pages[start..<min(start + Self.batchSize, pages.count)])
            for result in ParallelMap.map(batch, { builder.render($0) }) {
                switch result {
                case .success(let file): try write(file)
                case .failure(let error): errors.formUnion(error.diagnostics)
                }
            }
            start += Self.batchSize
        }
        // A template problem shows on every page that uses it: it is reported once.
        if !errors.isEmpty { throw DiagnosticsError(warnings + errors.sorted { $0.description < $1.description }) }
    }

    /// A fingerprint of every file's bytes, for `--verify`.
    func digests() throws(DiagnosticsError) -> [String: UInt64] {
        var digests: [String: UInt64] = [:]
        do {
            try produce { file in
                var hash = FNV1a()
                switch file.contents {
                case .text(let text): hash.add(text)
                case .bytes(let bytes): hash.add(Data(bytes))
                case .copy(let source): hash.add(FileManager.default.contents(atPath: source) ?? Data())
                }
                digests[file.path] = hash.value
            }
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error("\(error)", at: nil)])
        }
        return digests
    }
}

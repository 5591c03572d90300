import Content
import Diagnostics
import Foundation
import Quizzes

/// `lectern export gift|qti`: every quiz of the course as files for learning platforms.
public enum QuizExport {
    /// The formats a quiz can be exported to.
    public enum Format: String, Sendable, CaseIterable {
        /// Moodle's GIFT text format, one `.gift` file per module and language.
        case gift
        /// An IMS QTI 2.1 content package, one `.zip` per module and language.
        case qti

        func fileName(folder: String, language: Language) -> String {
            switch self {
            case .gift: "\(folder).\(language.code).gift"
            case .qti: "\(folder).\(language.code).qti.zip"
            }
        }
    }

    /// Writes the exports into `folder`; returns the paths written and the warnings, or throws every diagnostic.
    public static func write(_ format: Format, options: BuildOptions, into folder: URL) throws(DiagnosticsError) -> (files: [String], warnings: [Diagnostic]) {
        let (loaded, loadDiagnostics) = LoadedSite.load(options)
        guard let loaded, !loadDiagnostics.containsErrors else { throw DiagnosticsError(loadDiagnostics) }
        var diagnostics = loadDiagnostics
        var outputs: [(name: String, bytes: [UInt8])] = []
        for module in loaded.renderModules() {
            diagnostics += module.quizDiagnostics
            for (language, quiz) in module.quizzes.sorted(by: { $0.key < $1.key }) {
                let name = format.fileName(folder: module.source.folder, language: language)
                switch format {
                case .gift:
                    let export = GIFTExporter.export(quiz, path: module.source.quizzes[language]?.displayPath ?? name)
                    diagnostics += export.diagnostics
                    if let bytes = export.bytes { outputs.append((name, bytes)) }
                case .qti:
                    outputs.append((name, QTIExporter.package(quiz, identifier: "\(module.source.folder)-\(language.code)")))
                }
            }
        }
        if options.strict { diagnostics = diagnostics.promotingWarnings() }
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        if let problem = OutputFolder.checkNotSource(output: folder, root: options.root) { throw DiagnosticsError([problem]) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for output in outputs {
                try Data(output.bytes).write(to: folder.appendingPathComponent(output.name))
            }
        } catch {
            throw DiagnosticsError([.error("writing the exports into \(folder.path) failed: \(error.localizedDescription)", at: nil)])
        }
        return (outputs.map { folder.appendingPathComponent($0.name).path }, diagnostics.sortedByLocation())
    }
}

import ArgumentParser
import Diagnostics
import Generator

extension Lectern {
    /// `lectern check`: everything a build checks, without writing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the course as a build would (links, anchors, images, templates, translations) without writing anything.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var course: CourseOptions

        @Option(name: .long, help: "Output format: text (compiler-style lines) or json (for tools and CI annotations).")
        var format: Format = .text

        func run() throws {
            let diagnostics = Site.check(course.buildOptions())
            switch format {
            case .json:
                print(diagnostics.jsonReport(), terminator: "")
            case .text:
                DiagnosticPrinter.print(diagnostics)
                if diagnostics.containsErrors {
                    DiagnosticPrinter.summary(diagnostics, verb: "check failed")
                } else {
                    print("No errors\(diagnostics.isEmpty ? "" : ", \(diagnostics.count) warning(s)").")
                }
            }
            if diagnostics.containsErrors { throw ExitCode.failure }
        }
    }
}

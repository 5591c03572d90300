import ArgumentParser
import Diagnostics
import Generator

extension Lectern {
    /// `lectern check`: everything a build checks, without writing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the course as a build would, without writing anything.")

        @OptionGroup var course: CourseOptions

        func run() throws {
            let diagnostics = Site.check(course.buildOptions())
            DiagnosticPrinter.print(diagnostics)
            guard !diagnostics.containsErrors else {
                DiagnosticPrinter.summary(diagnostics, verb: "check failed")
                throw ExitCode.failure
            }
            print("No errors\(diagnostics.isEmpty ? "" : ", \(diagnostics.count) warning(s)").")
        }
    }
}

import ArgumentParser
import Diagnostics
import Foundation
import Generator

extension Lectern {
    /// `lectern export gift|qti`: the quizzes as files for learning platforms such as Moodle.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export every quiz as Moodle GIFT or as a QTI 2.1 package, one file per module and language.")

        @Argument(help: ArgumentHelp("The format: gift or qti.", valueName: "format"))
        var format: QuizExport.Format

        @OptionGroup var course: CourseOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the files (default: <root>/Public/exports).", valueName: "dir"))
        var output: String?

        func run() throws {
            let options = course.buildOptions()
            let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? options.root.appendingPathComponent("Public/exports")
            do {
                let (files, warnings) = try QuizExport.write(format, options: options, into: folder)
                DiagnosticPrinter.print(warnings)
                print("Exported \(files.count) \(format.rawValue.uppercased()) file(s) → \(output ?? course.displayedOutput + "exports/")")
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                DiagnosticPrinter.summary(error.diagnostics, verb: "export failed")
                throw ExitCode.failure
            }
        }
    }
}

extension QuizExport.Format: ExpressibleByArgument {}

import ArgumentParser
import Diagnostics
import Foundation
import Generator

extension Lectern {
    /// `lectern build`: writes the whole site, or nothing.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the site into the output folder; on any error the previous output stays as it was.")

        @OptionGroup var course: CourseOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/Public).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Replace an output folder that was not made by Lectern.")
        var force = false

        @Flag(name: .long, help: "Build twice and fail unless both builds are byte for byte identical.")
        var verify = false

        func run() throws {
            InterruptHandler.install()
            var options = course.buildOptions(output: output, force: force)
            options.verify = verify
            // The command exits right after the build: what the build made is left for the exit to free. Not in debug
            // builds, which the sanitizers use: LeakSanitizer cannot follow the pointers Swift packs into enums and
            // would report the kept values as leaks.
            #if !DEBUG
            options.keepsResultsUntilExit = true
            #endif
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let report = try Site.build(options)
                DiagnosticPrinter.print(report.warnings)
                let seconds = (clock.now - start).formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))
                let summary = "\(report.modules) modules in \(report.languages) languages: \(report.pages) pages"
                let place = output ?? course.displayedOutput
                print(report.upToDate ? "Nothing changed: \(summary) in \(place) are up to date (\(seconds))" : "Built \(summary) in \(seconds) → \(place)")
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                DiagnosticPrinter.summary(error.diagnostics, verb: "build failed")
                throw BuildInterruption.isRequested ? ExitCode(InterruptHandler.exitStatus) : ExitCode.failure
            }
        }
    }
}

extension CourseOptions {
    var displayedOutput: String { root == "." ? "Public/" : "\(root)/Public/" }
}

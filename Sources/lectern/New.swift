import ArgumentParser
import Content
import Diagnostics
import Foundation

extension Lectern {
    /// `lectern new`: scaffolding for authors.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", abstract: "Create new course parts from a template.", subcommands: [Module.self])
    }
}

extension Lectern.New {
    /// `lectern new module <slug>`: the next-numbered module folder with slides and a quiz stub per language.
    struct Module: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "module",
            abstract: "Create Content/NN-<slug>/ with slides and a quiz for every language of site.yaml; never overwrites.")

        @Argument(help: "The module's URL segment, such as `feedback-loops`.")
        var slug: String

        @Option(name: .long, help: ArgumentHelp("The course folder holding Content/.", valueName: "dir"))
        var root: String = "."

        @Option(name: .long, help: ArgumentHelp("A title per language, as lang=Title (repeatable).", valueName: "lang=title"))
        var title: [String] = []

        func validate() throws {
            for entry in title where !entry.contains("=") {
                throw ValidationError("--title takes lang=Title, such as --title 'nl=Feedbackloops'")
            }
        }

        func run() throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true)
            let (course, diagnostics) = CourseSource.load(root: rootURL, displayRoot: root, includeDrafts: true)
            guard let course else {
                DiagnosticPrinter.print(diagnostics)
                DiagnosticPrinter.summary(diagnostics, verb: "new module failed: fix the course first")
                throw ExitCode.failure
            }
            var titles: [Language: String] = [:]
            for entry in title {
                let parts = entry.split(separator: "=", maxSplits: 1)
                titles[Language(String(parts[0]))] = parts.count > 1 ? String(parts[1]) : ""
            }
            do {
                let folder = try ModuleScaffold(slug: slug, titles: titles).create(in: rootURL, config: course.config, existing: course.modules)
                print("Created \(root == "." ? "" : root + "/")\(folder)/ with slides and a quiz in \(course.config.languages.map(\.code).joined(separator: ", ")).")
            } catch {
                DiagnosticPrinter.print([error])
                throw ExitCode.failure
            }
        }
    }
}

import ArgumentParser
import Foundation
import Generator

/// Options shared by the commands that read a course.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The course folder holding Content/ and Templates/.", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Include modules marked `draft: true`.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("The URL the site is published under (default: base_url from site.yaml).", valueName: "url"))
    var baseURL: String?

    func buildOptions(output: String? = nil, force: Bool = false) -> BuildOptions {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        return BuildOptions(
            root: rootURL, displayRoot: root == "." ? "." : (root.hasSuffix("/") ? String(root.dropLast()) : root),
            output: output.map { URL(fileURLWithPath: $0, isDirectory: true) }, baseURL: baseURL,
            strict: strict, includeDrafts: drafts, force: force)
    }
}

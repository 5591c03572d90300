import ArgumentParser

/// The `lectern` command: builds, checks and serves a course site.
@main
struct Lectern: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Builds a bilingual course site (pages, slide decks, quizzes) from Markdown.",
        version: LecternVersion.current,
        subcommands: [Build.self, Check.self, New.self, Export.self, Serve.self],
        defaultSubcommand: nil
    )
}

/// The version printed by `lectern --version`.
enum LecternVersion {
    static let current = "0.1.0"
}

import Foundation
import Testing

/// Inputs too large or too odd to commit, made by the tests: each must end in a clean build or located diagnostics,
/// within the time limit, and never write outside the output folder.
@Suite(.serialized) struct HostileInputTests {
    static let front = "---\ntitle: Groot\n---\n\n"

    /// Builds a course whose `01-goed/slides.nl.md` is `slides` (plus an English one), and checks that the build
    /// left everything but its output alone.
    func build(slides: Data, extra: [String: String] = [:]) throws -> (lines: [String], succeeded: Bool, workspace: Workspace) {
        var files = extra
        files["site.yaml"] = Workspace.goodSiteYAML
        files["01-goed/slides.en.md"] = files["01-goed/slides.en.md"] ?? "---\ntitle: Good\n---\n\n# Good\n"
        let workspace = try Workspace(files: files)
        try workspace.write("Content/01-goed/slides.nl.md", slides)
        let around = workspace.everythingButTheOutput()
        let result = workspace.build()
        #expect(workspace.everythingButTheOutput() == around)
        return (result.lines, result.succeeded, workspace)
    }

    @Test("A 20 MB slides file builds", .timeLimit(.minutes(1)))
    func twentyMegabyteSlidesFileBuilds() throws {
        // Forty slides of half a megabyte: prose with links, lists, a table and a long code block.
        let paragraph = String(repeating: "Tekst met *nadruk*, `code` en [een link](https://example.org/) op een lange regel. ", count: 40) + "\n\n"
        let block = String(repeating: paragraph, count: 10) + "- een\n- twee\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```\n"
            + String(repeating: "let x = 1 // code\n", count: 500) + "```\n\n"
        let slide = "## Dia\n\n" + String(repeating: block, count: 10) + "<!--\nNotities.\n-->\n\n---\n\n"
        var text = Self.front
        while text.utf8.count < 20_000_000 { text += slide }
        text += "## Laatste\n"
        let (lines, succeeded, workspace) = try build(slides: Data(text.utf8))
        defer { workspace.remove() }
        #expect(succeeded)
        #expect(lines.allSatisfy { $0.contains("slides") })  // only the slide-count warning against the English file
        #expect(workspace.output("nl/goed/slides/index.html")?.contains("<h2 id=\"laatste\">Laatste</h2>") == true)
    }

    @Test("20,000 nested block quotes build without deep recursion", .timeLimit(.minutes(1)))
    func deeplyNestedBlockQuotesBuild() throws {
        let quotes = String(repeating: ">", count: 20_000) + " diep\n"
        let (lines, succeeded, workspace) = try build(slides: Data((Self.front + "# Diep\n\n" + quotes).utf8))
        defer { workspace.remove() }
        #expect(succeeded)
        #expect(lines == [])
        #expect(workspace.output("nl/goed/slides/index.html")?.contains("diep") == true)
    }

    @Test("20,000 nested block quotes in a quiz are located, not recursed into", .timeLimit(.minutes(1)))
    func deeplyNestedQuotesInAQuiz() throws {
        let quiz = "# Zelftoets\n\n## Vraag\n<!-- id: vraag -->\n\n- (x) a\n- ( ) b\n\n" + String(repeating: ">", count: 20_000) + " uitleg\n"
        let (lines, succeeded, workspace) = try build(slides: Data((Self.front + "# Diep\n").utf8), extra: ["01-goed/quiz.nl.md": quiz])
        defer { workspace.remove() }
        #expect(succeeded)
        #expect(lines == ["Content/01-goed:1:1: warning: W006 the module has a quiz in nl but no `quiz.en.md`; translate Content/01-goed/quiz.nl.md"])
    }

    @Test("3,000 nested list levels build without deep recursion", .timeLimit(.minutes(1)))
    func deeplyNestedListsBuild() throws {
        var lists = ""
        for level in 0..<3_000 { lists += String(repeating: "  ", count: level) + "- niveau \(level)\n" }
        let oneLine = String(repeating: "- ", count: 3_000) + "x\n"
        let (lines, succeeded, workspace) = try build(slides: Data((Self.front + "# Diep\n\n" + lists + "\n---\n\n" + oneLine).utf8),
                                                      extra: ["01-goed/slides.en.md": "---\ntitle: Good\n---\n\n# Good\n\n---\n\n# Two\n"])
        defer { workspace.remove() }
        #expect(succeeded)
        #expect(lines == [])
        #expect(workspace.output("nl/goed/index.html")?.contains("niveau 2999") == true)
    }

    @Test("150,000 links on one line are located in linear time", .timeLimit(.minutes(1)))
    func manyLinksOnOneLine() throws {
        // The `&amp;` destinations are unescaped by cmark, so they are nowhere in the source as written: every search
        // for them fails, which once scanned the rest of the line each time.
        let links = String(repeating: "[a](https://example.org/x) [b](x&amp;y) ", count: 75_000)
        let (lines, succeeded, workspace) = try build(slides: Data((Self.front + "# Links\n\n" + links + "[kapot](ontbreekt.png)\n").utf8))
        defer { workspace.remove() }
        #expect(!succeeded)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("Content/01-goed/slides.nl.md:7:") && $0.contains("does not exist") })
    }

    @Test("A table of 2,000 columns builds", .timeLimit(.minutes(1)))
    func veryWideTableBuilds() throws {
        let header = "|" + String(repeating: " a |", count: 2_000)
        let delimiter = "|" + String(repeating: " --- |", count: 2_000)
        let row = "|" + String(repeating: " [l](https://example.org/) |", count: 2_000)
        let table = ([header, delimiter] + Array(repeating: row, count: 20)).joined(separator: "\n")
        let (lines, succeeded, workspace) = try build(slides: Data((Self.front + "# Tabel\n\n" + table + "\n").utf8))
        defer { workspace.remove() }
        #expect(succeeded)
        #expect(lines == [])
    }

    @Test("Front matter nested 20,000 levels deep is an error, not a crash", .timeLimit(.minutes(1)))
    func deeplyNestedYAML() throws {
        let flow = "---\ntitle: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n---\n\n# Diep\n"
        let (lines, succeeded, workspace) = try build(slides: Data(flow.utf8))
        defer { workspace.remove() }
        #expect(!succeeded)
        #expect(lines.count == 1)
        #expect(lines == ["Content/01-goed/slides.nl.md:2:9: error: the YAML is nested more than 1,000 levels deep: write flat `key: value` lines"])
    }

    @Test("A symbolic link loop in Content/ is not followed", .timeLimit(.minutes(1)))
    func symbolicLinkLoop() throws {
        let workspace = try Workspace(fixture: "no-modules")
        defer { workspace.remove() }
        let content = workspace.root.appendingPathComponent("Content")
        try workspace.write("Content/01-goed/slides.nl.md", Data("---\ntitle: Goed\n---\n\n# Goed\n\n![wachtwoorden](passwd.png)\n".utf8))
        try workspace.write("Content/01-goed/slides.en.md", Data("---\ntitle: Good\n---\n\n# Good\n".utf8))
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("01-goed/loop").path, withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("01-goed/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("02-kring").path, withDestinationPath: "02-kring")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("01-goed/passwd.png").path, withDestinationPath: "/etc/passwd")
        let around = workspace.everythingButTheOutput()
        let result = workspace.build()
        #expect(workspace.everythingButTheOutput() == around)
        #expect(result.lines == [
            "Content/01-goed/slides.nl.md:7:17: error: the image `passwd.png` does not exist; check the name, or add the file to `Content/01-goed/`"
        ])
    }
}

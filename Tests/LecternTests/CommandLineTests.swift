import Foundation
import Testing

/// Runs the real `lectern` executable that `swift build` put beside the test bundle.
@Suite struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func lectern(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("lectern"), bundle.deletingLastPathComponent().appendingPathComponent("lectern")]
        let executable = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build lectern first")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of the repository's course in a temporary folder.
    static func course() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    @Test func versionPrintsTheVersion() throws {
        let run = try Self.lectern(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test(arguments: [["--help"], ["build", "--help"]])
    func helpDescribesTheOptions(arguments: [String]) throws {
        let run = try Self.lectern(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
        if arguments.first == "build" {
            for option in ["--root", "--output", "--base-url", "--strict", "--drafts"] { #expect(run.stdout.contains(option)) }
        }
    }

    @Test(arguments: [["build", "--no-such-option"], ["frobnicate"], ["build", "--root"]])
    func aUsageErrorExits64(arguments: [String]) throws {
        #expect(try Self.lectern(arguments).status == 64)
    }

    @Test func buildWritesTheSiteAndPrintsOneSummaryLine() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.lectern(["build", "--root", root.path])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 6 modules in 2 languages: 30 pages in ") == true)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Public/nl/index.html").path))
    }

    @Test func aBrokenCourseExits1WithCompilerStyleDiagnostics() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\ntitle: Kapot\n---\n\n# Kapot\n\n[weg](../99-weg/slides.nl.md)\n".utf8)
            .write(to: root.appendingPathComponent("Content/01-dev-en-ops/slides.nl.md"))
        let run = try Self.lectern(["build"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/01-dev-en-ops/slides.nl.md:7:7: error: `../99-weg/slides.nl.md` points to `99-weg`"))
        #expect(run.stderr.contains("slides.en.md:1:1: warning: this translation has 5 slides and the nl version has 1"))
        #expect(run.stderr.hasSuffix("build failed: 1 error(s), 1 warning(s)\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Public").path))
    }
}

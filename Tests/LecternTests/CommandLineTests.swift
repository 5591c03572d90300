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

    static func executable() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle.appendingPathComponent("lectern"), bundle.deletingLastPathComponent().appendingPathComponent("lectern")]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "build lectern first")
    }

    /// Starts `lectern` without waiting for it; its output is discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func lectern(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let executable = try executable()
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
        #expect(lines.first?.hasPrefix("Built 6 modules in 2 languages: 42 pages in ") == true)
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

@Suite struct CheckAndNewCommandTests {
    @Test func checkReportsABrokenLinkAndABrokenAnchorAtTheirLinesAndExits1() throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Content/02-van-naar/slides.en.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\n\n---\n\n## Links\n\nSee [gone](../42-gone/slides.en.md) and\n[pillars](../05-drie-pijlers/slides.en.md#no-such-heading).\n"
        try Data(text.utf8).write(to: file)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        let run = try CommandLineTests.lectern(["check"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\nContent/02-van-naar/slides.en.md:\(lines - 2):12: error: `../42-gone/slides.en.md` points to `42-gone`"))
        #expect(run.stderr.contains("Content/02-van-naar/slides.en.md:\(lines - 1):11: error: `#no-such-heading` matches no heading or slide"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Public").path))
    }

    @Test func checkFormatJSONIsValidJSON() throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\ntitle: X\ntitel: Y\n---\n\n# X\n\n[a](#nope)\n".utf8).write(to: root.appendingPathComponent("Content/01-dev-en-ops/slides.en.md"))
        let run = try CommandLineTests.lectern(["check", "--format", "json", "--root", root.path])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 1)
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { $0["message"] as? String == "unknown front matter key `titel` is ignored; did you mean `title`?" && $0["line"] as? Int == 3 })
    }

    @Test func newModuleCreatesAModuleThatBuildsAndPassesCheckAndRefusesToRunTwice() throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try CommandLineTests.lectern(["new", "module", "feedback-loops", "--root", root.path, "--title", "nl=Feedbackloops", "--title", "en=Feedback loops"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Content/07-feedback-loops/"))
        let slides = try String(contentsOf: root.appendingPathComponent("Content/07-feedback-loops/slides.nl.md"), encoding: .utf8)
        #expect(slides.hasPrefix("---\ntitle: Feedbackloops\nslug: feedback-loops\n"))
        let check = try CommandLineTests.lectern(["check", "--strict", "--root", root.path])
        #expect(check.status == 0, "\(check.stderr)")
        let build = try CommandLineTests.lectern(["build", "--root", root.path])
        #expect(build.stdout.hasPrefix("Built 7 modules"))
        let again = try CommandLineTests.lectern(["new", "module", "feedback-loops", "--root", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists already"))
    }
}

@Suite struct ExportCommandTests {
    @Test func exportGiftWritesOneFilePerModuleAndLanguageIntoPublicExports() throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CommandLineTests.lectern(["export", "gift", "--root", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Public/exports").path).sorted()
        #expect(files.count == 12)
        #expect(files.first == "01-dev-en-ops.en.gift")
        let gift = try String(contentsOf: root.appendingPathComponent("Public/exports/03-waarom-devops.nl.gift"), encoding: .utf8)
        #expect(gift.contains("// [id:result]\n::Wat is het uiteindelijke resultaat van de DevOps-aanpak?::[html]"))
    }

    @Test func exportQTIWritesZipPackagesThatUnzipTests() throws {
        let root = try CommandLineTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("qti")
        let run = try CommandLineTests.lectern(["export", "qti", "--root", root.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let package = output.appendingPathComponent("05-drie-pijlers.en.qti.zip").path
        let test = try Shell.run("/usr/bin/env", ["python3", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted(z.namelist())[0])", package])
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains("imsmanifest.xml"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        #expect(try CommandLineTests.lectern(["export", "pdf"]).status == 64)
    }
}

import Foundation
import Testing

/// SIGINT or SIGTERM in the middle of writing leaves the previous output as it was and no temporary folder.
@Suite(.serialized) struct InterruptTests {
    /// A course big enough that writing it takes a while: many modules with a few slides each.
    static func largeCourse(modules: Int) throws -> URL {
        let root = try CommandLineTests.course()
        let content = root.appendingPathComponent("Content")
        for number in 10..<(10 + modules) {
            let folder = content.appendingPathComponent("\(number)-module-\(number)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (language, title) in [("nl", "Module"), ("en", "Module")] {
                let slides = (1...5).map { "## \(title) \(number), slide \($0)\n\nText with *emphasis* and `code`.\n\n<!--\nNotes.\n-->\n" }
                    .joined(separator: "\n---\n\n")
                let text = "---\ntitle: \(title) \(number)\nslug: module-\(number)\n---\n\n" + slides
                try Data(text.utf8).write(to: folder.appendingPathComponent("slides.\(language).md"))
            }
        }
        return root
    }

    @Test(.timeLimit(.minutes(2)), arguments: [SIGINT, SIGTERM])
    func aSignalWhileWritingKeepsThePreviousOutput(signalNumber: Int32) throws {
        let root = try Self.largeCourse(modules: 120)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CommandLineTests.lectern(["build", "--root", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let output = root.appendingPathComponent("Public")
        let before = snapshot(output)
        // Change the input, so a build that finished anyway would show.
        let changed = root.appendingPathComponent("Content/10-module-10/slides.en.md")
        try Data("---\ntitle: Changed\nslug: module-10\n---\n\n# Changed\n".utf8).write(to: changed)

        let process = try CommandLineTests.start(["build", "--root", root.path])
        let staging = ".Public.lectern-new-\(process.processIdentifier)"
        var sawStaging = false
        for _ in 0..<20_000 where process.isRunning {
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(staging).path) {
                sawStaging = true
                kill(process.processIdentifier, signalNumber)
                break
            }
            usleep(500)
        }
        process.waitUntilExit()
        #expect(sawStaging, "the build never started writing")
        #expect(process.terminationStatus == 130)
        #expect(snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("lectern-") }
        #expect(leftovers == [])
    }

    private func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { files[name] = data }
        }
        return files
    }
}

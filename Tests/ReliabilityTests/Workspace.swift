import Diagnostics
import Foundation
@testable import Generator

/// A scratch folder for one test: a course in `course/` (a fixture's `Content/` or one written by the test, plus the
/// repository's real `Templates/`), and its output in `out/Public`, outside the course, so a test can see whether a
/// build touched anything but its output.
struct Workspace {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    /// Every folder of `Tests/Fixtures/` with an `expected.txt`, sorted.
    static let fixtureNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
        .filter { FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0)/expected.txt").path) }
        .sorted()

    let folder: URL
    var root: URL { folder.appendingPathComponent("course") }
    var output: URL { folder.appendingPathComponent("out/Public") }

    /// A course made of a fixture's `Content/`, or of the given files (paths under `Content/`) when `fixture` is nil.
    init(fixture: String? = nil, files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-reliability-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let fixture {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("\(fixture)/Content"), to: content)
        }
        for (path, text) in files { try write("Content/\(path)", Data(text.utf8)) }
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
    }

    var options: BuildOptions { BuildOptions(root: root, displayRoot: ".", output: output) }

    /// Builds; the diagnostics as printed, one per line, and whether the build succeeded.
    func build() -> (lines: [String], succeeded: Bool) {
        do {
            return (try Site.build(options).warnings.map(\.description), true)
        } catch {
            return (error.diagnostics.map(\.description), false)
        }
    }

    /// Builds a small good course (not this one) into this workspace's output, as a previous build would have.
    func buildPreviousSite() throws {
        let good = folder.appendingPathComponent("previous")
        try FileManager.default.createDirectory(at: good.appendingPathComponent("Content/01-vorige"), withIntermediateDirectories: true)
        try Data(Self.goodSiteYAML.utf8).write(to: good.appendingPathComponent("Content/site.yaml"))
        try Data("---\ntitle: Vorige\n---\n\n# Vorige\n".utf8).write(to: good.appendingPathComponent("Content/01-vorige/slides.nl.md"))
        try Data("---\ntitle: Previous\n---\n\n# Previous\n".utf8).write(to: good.appendingPathComponent("Content/01-vorige/slides.en.md"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: good.appendingPathComponent("Templates"))
        _ = try Site.build(BuildOptions(root: good, displayRoot: ".", output: output))
    }

    static let goodSiteYAML = "title:\n  nl: Testcursus\n  en: Test course\nlanguages: [nl, en]\nbase_url: https://example.org/test/\n"

    /// Writes bytes below the course root.
    func write(_ relative: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// An output file as text, or `nil`.
    func output(_ relative: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(relative).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every HTML page of the output, by path.
    func pages() -> [String: String] {
        Self.snapshot(of: output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file below the workspace except the output folder, with its bytes: what a build must not change.
    func everythingButTheOutput() -> [String: Data] {
        Self.snapshot(of: folder).filter { !$0.key.hasPrefix("out/Public/") }
    }

    /// Every file under a folder with its bytes; symbolic links are listed by their target, not followed.
    static func snapshot(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isSymbolicLinkKey, .isDirectoryKey]) else { return [:] }
        let base = folder.standardizedFileURL.path
        while let url = enumerator.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isDirectoryKey])
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if values?.isSymbolicLink == true {
                files[relative] = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "").utf8)
                enumerator.skipDescendants()
            } else if values?.isDirectory == true {
                files[relative + "/"] = Data()
            } else {
                files[relative] = FileManager.default.contents(atPath: url.path) ?? Data()
            }
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

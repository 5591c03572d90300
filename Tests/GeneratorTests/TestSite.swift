import Diagnostics
import Foundation
@testable import Generator

/// A course folder in a fresh temporary directory, made from a fixture under `Tests/GeneratorTests/Sites/`
/// (or the repository's own course) plus the repository's real theme.
struct TestSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/GeneratorTests/Sites")

    let root: URL
    var output: URL { root.appendingPathComponent("Public") }

    /// Copies `Sites/<name>/Content` (or the repository's `Content` for `nil`) and the real `Templates/`.
    init(_ name: String?) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let content = name.map { Self.fixtures.appendingPathComponent("\($0)/Content") } ?? Self.repository.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: content, to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
    }

    var options: BuildOptions { BuildOptions(root: root, displayRoot: ".") }

    /// Builds and returns the diagnostics as printed, one per line (empty on a clean build).
    func build(_ options: BuildOptions? = nil) -> [String] {
        do {
            return try Site.build(options ?? self.options).warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Writes a file below the root.
    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A file of the output as text, or `nil` when it does not exist.
    func output(_ relative: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(relative).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under a folder with its bytes, for byte-for-byte comparisons.
    static func snapshot(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

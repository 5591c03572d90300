import Foundation
import Generator

/// A course built into a fresh temporary folder, for a browser to open through `file://` URLs:
/// a fixture under `Tests/BrowserTests/Sites/<name>/Content` (or the repository's own `Content/`)
/// plus the repository's real `Templates/`, built with the real generator.
struct BuiltSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/BrowserTests/Sites")

    let root: URL
    var output: URL { root.appendingPathComponent("Public") }

    /// Copies the course and the theme, then builds; throws the diagnostics when the build fails.
    init(fixture name: String?) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        do {
            let content = name.map { Self.fixtures.appendingPathComponent("\($0)/Content") } ?? Self.repository.appendingPathComponent("Content")
            try FileManager.default.copyItem(at: content, to: root.appendingPathComponent("Content"))
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
            do {
                _ = try Site.build(BuildOptions(root: root, displayRoot: ".", output: output))
            } catch {
                throw SiteBuildError(description: "building \(name.map { "the fixture \($0)" } ?? "the repository's course") failed:\n\(error)")
            }
        } catch {
            remove()
            throw error
        }
    }

    struct SiteBuildError: Error, CustomStringConvertible { let description: String }

    /// The `file://` address of an output page (`en/deck/slides/index.html`), with an optional `?query` and `#fragment`.
    func url(_ relative: String, query: String? = nil, fragment: String? = nil) -> String {
        output.appendingPathComponent(relative).absoluteString + (query.map { "?\($0)" } ?? "") + (fragment.map { "#\($0)" } ?? "")
    }

    /// The slide deck of a module in a language.
    func deckURL(language: String, module: String, slide: Int? = nil) -> String {
        url("\(language)/\(module)/slides/index.html", fragment: slide.map(String.init))
    }

    /// Every slide deck of the site (`<language>/<module>/slides/index.html`), sorted.
    var decks: [String] {
        let files = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        return files.filter { $0.hasSuffix("/slides/index.html") && $0.split(separator: "/").count == 4 }.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

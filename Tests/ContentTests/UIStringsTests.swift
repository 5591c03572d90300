import Foundation
import Testing
@testable import Content

@Suite struct UIStringsTests {
    @Test func aKeyMissingInOneLanguageIsAnErrorNamingKeyAndFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-i18n-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        try Data("a: A\nb: B\n".utf8).write(to: folder.appendingPathComponent("i18n/nl.yaml"))
        try Data("a: A\n".utf8).write(to: folder.appendingPathComponent("i18n/en.yaml"))
        let (strings, diagnostics) = UIStrings.load(templates: folder, languages: [Language("nl"), Language("en")], displayRoot: ".")
        #expect(strings == nil)
        #expect(diagnostics.map(\.description) == ["Templates/i18n/en.yaml:1:1: error: the key `b` is missing in Templates/i18n/en.yaml; add `b: ...` in that language"])
    }

    @Test func theRepositoryThemeHasEveryKeyInBothLanguages() {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates")
        let (strings, diagnostics) = UIStrings.load(templates: templates, languages: [Language("nl"), Language("en")], displayRoot: ".")
        #expect(diagnostics == [])
        #expect(strings?.values[Language("nl")]?["objectives"] == "Leerdoelen")
    }
}

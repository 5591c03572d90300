import Diagnostics
import Foundation

/// Creates a new module folder that builds and passes `check` at once: slides and a quiz stub per language.
public struct ModuleScaffold: Sendable {
    /// The module's URL segment, also the folder name after its number.
    public var slug: String
    /// Titles by language; a language without one gets the slug in words.
    public var titles: [Language: String]

    /// Creates a scaffold for a slug.
    public init(slug: String, titles: [Language: String] = [:]) {
        self.slug = slug
        self.titles = titles
    }

    /// Writes `Content/NN-slug/` with the next free number; refuses to overwrite anything.
    /// - Returns: the folder's path relative to the root.
    public func create(in root: URL, config: SiteConfig, existing: [ModuleSource]) throws(Diagnostic) -> String {
        guard CourseLoaderRules.isCleanSlug(slug) else {
            throw .error("`\(slug)` is not a clean slug: use lower-case letters a-z, digits and single hyphens, such as `feedback-loops`", at: nil)
        }
        let content = root.appendingPathComponent("Content")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        if let clash = names.first(where: { $0 == slug || $0.hasSuffix("-\(slug)") && $0.first?.isNumber == true }) {
            throw .error("a module folder for `\(slug)` exists already (Content/\(clash)); choose another slug", at: nil)
        }
        for language in titles.keys where !config.languages.contains(language) {
            throw .error("--title names `\(language.code)`, which site.yaml does not list (\(config.languages.map(\.code).joined(separator: ", ")))", at: nil)
        }
        let number = (existing.map(\.number).max() ?? 0) + 1
        let folder = String(format: "%02d-%@", number, slug)
        let url = content.appendingPathComponent(folder)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            for language in config.languages {
                let texts = ScaffoldTexts(language: language)
                let title = titles[language] ?? slug.split(separator: "-").joined(separator: " ").capitalizedFirst
                try write(texts.slides(title: title, slug: slug), to: url.appendingPathComponent("slides.\(language.code).md"))
                try write(texts.quiz(title: title), to: url.appendingPathComponent("quiz.\(language.code).md"))
            }
        } catch {
            throw .error("could not create Content/\(folder): \(error.localizedDescription)", at: nil)
        }
        return "Content/\(folder)"
    }

    private func write(_ text: String, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

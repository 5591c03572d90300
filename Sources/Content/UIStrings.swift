import Diagnostics
import Foundation
import Yams

/// The interface texts of the theme, one `Templates/i18n/<lang>.yaml` per language.
public struct UIStrings: Sendable, Hashable {
    /// The texts by language and key.
    public var values: [Language: [String: String]]

    /// Creates strings from a table.
    public init(values: [Language: [String: String]]) { self.values = values }

    /// Reads the i18n file of every language; a key that some language lacks is an error naming key and file.
    public static func load(templates: URL, languages: [Language], displayRoot: String) -> (UIStrings?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var values: [Language: [String: String]] = [:]
        var paths: [Language: String] = [:]
        for language in languages {
            let relative = "Templates/i18n/\(language.code).yaml"
            let path = displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
            paths[language] = path
            guard case .success(let text) = TextFile.read(at: templates.appendingPathComponent("i18n/\(language.code).yaml"), path: path) else {
                diagnostics.append(.error("the interface texts for `\(language.code)` are missing: add \(relative) (copy another language's file and translate it)", at: nil))
                continue
            }
            let reader = YAMLReader(path: path, firstLine: 1)
            switch reader.compose(text) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let node):
                guard case .mapping(let mapping)? = node else {
                    diagnostics.append(.error("an i18n file is `key: text` lines", at: SourceLocation(path: path, line: 1)))
                    continue
                }
                var table: [String: String] = [:]
                for (key, value) in mapping {
                    switch reader.text(value, key: key.string ?? "") {
                    case .success(let text): table[key.string ?? ""] = text
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
                values[language] = table
            }
        }
        let allKeys = Set(values.values.flatMap(\.keys))
        for language in languages {
            guard let table = values[language], let path = paths[language] else { continue }
            for key in allKeys.subtracting(table.keys).sorted() {
                diagnostics.append(.error("the key `\(key)` is missing in \(path); add `\(key): ...` in that language", at: SourceLocation(path: path, line: 1)))
            }
        }
        return (diagnostics.containsErrors ? nil : UIStrings(values: values), diagnostics)
    }
}

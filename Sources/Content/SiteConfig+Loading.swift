import Diagnostics
import Yams

extension SiteConfig {
    /// The keys `site.yaml` may have.
    public static let knownKeys = ["title", "languages", "base_url", "raw_html"]

    /// Reads `site.yaml`; problems become diagnostics and `nil` is returned on errors.
    public static func parse(yaml: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        let reader = YAMLReader(path: path, firstLine: 1)
        let top = SourceLocation(path: path, line: 1)
        guard case .success(let root) = reader.compose(yaml) else {
            if case .failure(let diagnostic) = reader.compose(yaml) { return (nil, [diagnostic]) }
            return (nil, [])
        }
        guard let root, case .mapping(let mapping) = root else {
            return (nil, [.error("site.yaml must be `key: value` lines: `title`, `languages` and `base_url`", at: top)])
        }
        var diagnostics: [Diagnostic] = []
        var languages: [Language] = []
        var titleNode: Node?
        var baseURL: String?
        var rawHTML = false
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "languages":
                switch reader.texts(value, key: key) {
                case .success(let codes):
                    for code in codes {
                        guard Language.isValidCode(code) else {
                            diagnostics.append(.error("`\(code)` is not a language code; use codes such as `nl` and `en`", at: reader.location(of: value)))
                            continue
                        }
                        if languages.contains(Language(code)) {
                            diagnostics.append(.error("language `\(code)` is listed twice", at: reader.location(of: value)))
                        }
                        languages.append(Language(code))
                    }
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            case "title": titleNode = value
            case "base_url":
                switch reader.text(value, key: key) {
                case .success(let text):
                    baseURL = normalizedBaseURL(text)
                    if baseURL == nil {
                        diagnostics.append(.error("`base_url` must be an absolute http(s) URL such as `https://example.org/course/`", at: reader.location(of: value)))
                    }
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            case "raw_html":
                if let flag = value.bool { rawHTML = flag } else {
                    diagnostics.append(.error("`raw_html` must be `true` or `false`", at: reader.location(of: value)))
                }
            default:
                let hint = closestMatch(to: key, in: knownKeys).map { "did you mean `\($0)`?" } ?? "the known keys are \(knownKeys.joined(separator: ", "))"
                diagnostics.append(.warning("unknown key `\(key)` in site.yaml is ignored; \(hint)", at: reader.location(of: keyNode)))
            }
        }
        if languages.isEmpty, !diagnostics.containsErrors {
            diagnostics.append(.error("site.yaml lists no languages: add `languages: [nl, en]` (the first is the default)", at: top))
        }
        let titles = readTitles(titleNode, languages: languages, reader: reader, top: top, diagnostics: &diagnostics)
        if baseURL == nil, !diagnostics.containsErrors {
            diagnostics.append(.error("site.yaml has no `base_url`: add `base_url: https://example.org/course/` (or pass --base-url)", at: top))
        }
        guard !diagnostics.containsErrors, let baseURL else { return (nil, diagnostics) }
        return (SiteConfig(title: Localized(titles), languages: languages, baseURL: baseURL, allowsRawHTML: rawHTML), diagnostics)
    }

    /// `title: Text` for every language, or `title:` with one `code: Text` line per language.
    private static func readTitles(
        _ node: Node?, languages: [Language], reader: YAMLReader, top: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> [Language: String] {
        guard let node else {
            diagnostics.append(.error("site.yaml has no `title`: add `title:` with one line per language, such as `nl: DevOps-training`", at: top))
            return [:]
        }
        switch node {
        case .scalar(let scalar):
            return Dictionary(uniqueKeysWithValues: languages.map { ($0, scalar.string) })
        case .mapping(let mapping):
            var titles: [Language: String] = [:]
            for (key, value) in mapping {
                if case .success(let text) = reader.text(value, key: "title") { titles[Language(key.string ?? "")] = text }
            }
            for language in languages where titles[language] == nil {
                diagnostics.append(.error("the site title has no `\(language.code):` line; add the title in that language", at: reader.location(of: node)))
            }
            return titles
        default:
            diagnostics.append(.error("`title` must be text or one `code: Text` line per language", at: reader.location(of: node)))
            return [:]
        }
    }
}

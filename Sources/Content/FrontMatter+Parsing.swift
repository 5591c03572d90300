import Diagnostics
import Yams

extension FrontMatter {
    /// Reads front matter YAML; every problem becomes a diagnostic at its line, and `nil` is returned on errors.
    public static func parse(yaml: String, firstLine: Int, path: String) -> (FrontMatter?, [Diagnostic]) {
        // Nearly every front matter is plain `key: value` lines, read without Yams to the same value.
        if let frontMatter = FrontMatter(plainYAML: yaml) { return (frontMatter, []) }
        return parseComposing(yaml: yaml, firstLine: firstLine, path: path)
    }

    /// Reads any front matter through Yams: what `parse` gives for a text that `init(plainYAML:)` leaves to it.
    static func parseComposing(yaml: String, firstLine: Int, path: String) -> (FrontMatter?, [Diagnostic]) {
        let reader = YAMLReader(path: path, firstLine: firstLine)
        let start = SourceLocation(path: path, line: firstLine - 1)
        let root: Node?
        switch reader.compose(yaml) {
        case .success(let node): root = node
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let root, case .mapping(let mapping) = root else {
            return (nil, [.error("the front matter must be `key: value` lines, starting with `title: ...`", at: start)])
        }
        var diagnostics: [Diagnostic] = []
        var frontMatter = FrontMatter(title: "")
        var hasTitle = false
        func take<T>(_ result: Result<T, Diagnostic>, _ assign: (T) -> Void) {
            switch result {
            case .success(let value): assign(value)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let location = reader.location(of: value)
            switch key {
            case "title":
                take(reader.text(value, key: key)) { frontMatter.title = $0.trimmingCharacters(in: " \t") }
                hasTitle = true
                if hasTitle, frontMatter.title.isEmpty, case .scalar = value {
                    diagnostics.append(.error("the title is empty: write `title: The module's title`", at: location))
                }
            case "summary": take(reader.text(value, key: key)) { frontMatter.summary = $0 }
            case "slug": take(reader.text(value, key: key)) { frontMatter.slug = $0 }
            case "objectives": take(reader.texts(value, key: key)) { frontMatter.objectives = $0 }
            case "duration":
                if let minutes = value.int, minutes > 0, case .scalar = value {
                    frontMatter.duration = minutes
                } else {
                    diagnostics.append(.error("`duration` must be a whole number of minutes, such as `duration: 20`", at: location))
                }
            case "draft":
                if let draft = value.bool, case .scalar = value {
                    frontMatter.draft = draft
                } else {
                    diagnostics.append(.error("`draft` must be `true` or `false`", at: location))
                }
            default:
                let hint = closestMatch(to: key, in: knownKeys).map { "did you mean `\($0)`?" }
                    ?? "the known keys are \(knownKeys.map { "`\($0)`" }.joined(separator: ", "))"
                diagnostics.append(.warning("unknown front matter key `\(key)` is ignored; \(hint)", at: reader.location(of: keyNode)))
            }
        }
        if !hasTitle {
            diagnostics.append(.error("the front matter has no `title`: add a line `title: The module's title`", at: start))
        }
        return (diagnostics.containsErrors ? nil : frontMatter, diagnostics)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

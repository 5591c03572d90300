import Content

/// Where each page lives in the output folder, and how pages link to each other.
enum SiteLayout {
    /// `nl/` — the course overview of a language.
    static func overview(_ language: Language) -> String { "\(language.code)/" }
    /// `nl/waarom-devops/` — the readable module page.
    static func module(_ slug: String, _ language: Language) -> String { "\(language.code)/\(slug)/" }
    /// `nl/waarom-devops/slides/` — the deck.
    static func deck(_ slug: String, _ language: Language) -> String { "\(language.code)/\(slug)/slides/" }

    /// `nl/waarom-devops/quiz/` — the self-check quiz.
    static func quiz(_ slug: String, _ language: Language) -> String { "\(language.code)/\(slug)/quiz/" }

    /// The relative path from a page's folder back to the site root (`../../` for `nl/slug/`).
    static func rootPrefix(of pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count)
    }

    /// The path from one page folder to another, relative, for navigation that works under any subpath.
    static func relative(from pagePath: String, to target: String) -> String {
        relative(prefix: rootPrefix(of: pagePath), to: target)
    }

    /// The same path, from a page whose `rootPrefix` is known: a page linking to many others works it out once.
    static func relative(prefix: String, to target: String) -> String {
        let link = prefix + target
        return link.isEmpty ? "./" : link
    }

    /// The output file for a page path (`nl/` → `nl/index.html`).
    static func file(for pagePath: String) -> String { pagePath + "index.html" }
}

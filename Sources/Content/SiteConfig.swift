/// The course-wide settings from `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    /// The site title in each language.
    public var title: Localized<String>
    /// The languages in order; the first is the default.
    public var languages: [Language]
    /// The absolute URL the site is published under, ending in `/`.
    public var baseURL: String
    /// Whether raw HTML in Markdown is passed through.
    public var allowsRawHTML: Bool

    /// Creates a configuration.
    public init(title: Localized<String>, languages: [Language], baseURL: String, allowsRawHTML: Bool = false) {
        self.title = title
        self.languages = languages
        self.baseURL = baseURL
        self.allowsRawHTML = allowsRawHTML
    }

    /// The default language.
    public var defaultLanguage: Language { languages[0] }

    /// A base URL as given, normalised to end in `/`; `nil` when it is not an absolute http(s) URL.
    public static func normalizedBaseURL(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return nil
        }
        guard text.split(separator: "/", omittingEmptySubsequences: true).count >= 2 else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}

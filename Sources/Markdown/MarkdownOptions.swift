/// How Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML in the Markdown through to the page (off by default: cmark's safe mode).
    public var allowsRawHTML: Bool

    /// Creates options; raw HTML stays off unless asked for.
    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    var cmark: CmarkOptions { CmarkOptions(allowsRawHTML: allowsRawHTML) }
}

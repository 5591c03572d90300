import Diagnostics

/// A slides file turned into slides: parsed once with cmark, split at thematic breaks, notes taken out,
/// links resolved, headings given ids, pipe tables recognised; every C object is freed before it returns.
public struct SlideDeck: Sendable, Hashable {
    /// The slides in order.
    public var slides: [Slide]
    /// Problems found while reading the file (link failures, the setext trap).
    public var diagnostics: [Diagnostic]
    /// Every link and image destination as written, in document order.
    public var links: [LinkReference]
    /// The fragment ids a link to this page may use: heading ids and `slide-N`.
    public var anchors: Set<String>

    /// Parses a slides file's Markdown; `source` has its front matter already blanked out.
    ///
    /// - Parameters:
    ///   - source: the Markdown text, line numbers as in the file.
    ///   - path: the file's path for diagnostics.
    ///   - options: raw HTML on or off.
    ///   - resolveLink: decides what each relative link or image destination becomes.
    public init(
        parsing source: String,
        path: String,
        options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (LinkReference) -> LinkResolution = { _ in .keep }
    ) {
        self = withoutActuallyEscaping(resolveLink) { resolveLink in
            var reader = DeckReader(source: source, path: path, options: options, resolveLink: resolveLink)
            return reader.read()
        }
    }

    init(slides: [Slide], diagnostics: [Diagnostic], links: [LinkReference], anchors: Set<String>) {
        self.slides = slides
        self.diagnostics = diagnostics
        self.links = links
        self.anchors = anchors
    }
}

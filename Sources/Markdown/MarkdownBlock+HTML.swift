/// A block's HTML put together from the HTML cmark rendered for the blocks inside it, byte for byte what cmark
/// renders for the whole block: a list's items, an item's paragraphs and a quote's blocks are rendered once.
///
/// cmark's HTML renderer writes fixed tags around a container's children and, before most blocks, a line break
/// when the text so far does not end with one (its `cr()`); a child's own HTML does not depend on what came before.
extension MarkdownBlock {
    /// The HTML of a block quote, list or item from its children's; `nil` for other kinds.
    ///
    /// `isItemOfTightList` says whether the block is an item of a tight list: its paragraphs have no `<p>` and
    /// no line break before them.
    static func html(of kind: Kind, children: [MarkdownBlock], isItemOfTightList: Bool) -> String? {
        let open: String
        let close: String
        switch kind {
        case .blockQuote: (open, close) = ("<blockquote>\n", "</blockquote>\n")
        case .list(ordered: false, _, _): (open, close) = ("<ul>\n", "</ul>\n")
        case .list(ordered: true, start: 1, _): (open, close) = ("<ol>\n", "</ol>\n")
        case .list(ordered: true, let start, _): (open, close) = ("<ol start=\"\(start)\">\n", "</ol>\n")
        case .item: (open, close) = ("<li>", "</li>\n")
        default: return nil
        }
        var html = open
        for child in children {
            if !(isItemOfTightList && child.kind == .paragraph) { html.breakLine() }
            html += child.html
        }
        // Of the end tags, only a quote's starts a line of its own.
        if kind == .blockQuote { html.breakLine() }
        return html + close
    }

    /// A paragraph's or heading's HTML without the `<p>` or `<hN>` around its inlines.
    static func innerHTML(of html: String, kind: Kind, isInItemOfTightList: Bool) -> String {
        let (open, close): (String, String) = switch kind {
        case .heading(let level): ("<h\(level)>", "</h\(level)>\n")
        case .paragraph where !isInItemOfTightList: ("<p>", "</p>\n")
        default: ("", "")
        }
        guard !open.isEmpty else { return html }
        let utf8 = html.utf8
        precondition(utf8.starts(with: open.utf8) && utf8.reversed().starts(with: close.utf8.reversed()), "cmark wrapped a \(kind) in other tags than \(open)…\(close)")
        return String(Substring(utf8.dropFirst(open.utf8.count).dropLast(close.utf8.count)))
    }
}

private extension String {
    /// cmark's `cr()`: a line break, unless the text is empty or ends with one already.
    mutating func breakLine() {
        if let last = utf8.last, last != UInt8(ascii: "\n") { self += "\n" }
    }
}

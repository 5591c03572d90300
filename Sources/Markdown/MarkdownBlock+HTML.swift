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
    /// Whether `html(of:children:isItemOfTightList:)` joins a block of this kind from its children.
    static func joinsChildrenHTML(_ kind: Kind) -> Bool {
        switch kind {
        case .blockQuote, .list, .item: true
        default: false
        }
    }

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
        // Each child's HTML is asked for once: a converted child joins its own when asked, so asking twice would
        // double the work at every level of nesting.
        let parts = children.map { (html: $0.html, isParagraph: $0.kind == .paragraph) }
        var html = open
        // Room for every child and a line break before each, so that the text grows once.
        html.reserveCapacity(parts.reduce(open.utf8.count + close.utf8.count + 1) { $0 + $1.html.utf8.count + 1 })
        for part in parts {
            if !(isItemOfTightList && part.isParagraph) { html.breakLine() }
            html += part.html
        }
        // Of the end tags, only a quote's starts a line of its own.
        if kind == .blockQuote { html.breakLine() }
        return html + close
    }

    /// A paragraph's or heading's HTML without the `<p>` or `<hN>` around its inlines.
    static func innerHTML(of html: String, kind: Kind, isInItemOfTightList: Bool) -> String {
        let tags: (open: StaticString, close: StaticString)
        switch kind {
        case .heading(let level): tags = headingTags[level - 1]
        case .paragraph where !isInItemOfTightList: tags = ("<p>", "</p>\n")
        default: return html
        }
        var html = html
        return html.withUTF8 { bytes in
            func has(_ tag: StaticString, at offset: Int) -> Bool {
                offset >= 0 && offset + tag.utf8CodeUnitCount <= bytes.count
                    && (0..<tag.utf8CodeUnitCount).allSatisfy { bytes[offset + $0] == tag.utf8Start[$0] }
            }
            let (open, close) = (tags.open.utf8CodeUnitCount, tags.close.utf8CodeUnitCount)
            precondition(has(tags.open, at: 0) && bytes.count >= open + close && has(tags.close, at: bytes.count - close),
                         "cmark wrapped a \(kind) in other tags than \(tags.open)…\(tags.close)")
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[open..<(bytes.count - close)]), as: UTF8.self)
        }
    }

    /// `<hN>` and `</hN>` and a line break, for the six levels.
    private static let headingTags: [(open: StaticString, close: StaticString)] = [
        ("<h1>", "</h1>\n"), ("<h2>", "</h2>\n"), ("<h3>", "</h3>\n"), ("<h4>", "</h4>\n"), ("<h5>", "</h5>\n"), ("<h6>", "</h6>\n"),
    ]
}

extension String {
    /// cmark's `cr()`: a line break, unless the text is empty or ends with one already.
    mutating func breakLine() {
        if let last = utf8.last, last != UInt8(ascii: "\n") { self += "\n" }
    }
}

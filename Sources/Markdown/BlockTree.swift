/// A Markdown document read once from cmark into plain values, for modules that cannot see cmark's C types.
///
/// Every C object is freed before `init(parsing:options:)` returns. Blocks nested deeper than `maximumDepth`
/// are not converted: the deepest converted block keeps them only in its `html` (and `images`), so hostile input
/// such as thousands of nested block quotes cannot make any later walk over the tree recurse without bound.
///
/// cmark renders each block that holds no converted blocks once; the HTML of the blocks around it is joined from
/// theirs (see `MarkdownBlock+HTML.swift`), and that of inlines is cut from their paragraph's or heading's.
public struct MarkdownTree: Sendable, Hashable {
    /// How many levels of blocks are converted into `MarkdownBlock` values; top-level blocks are level 1.
    public static let maximumDepth = 16

    /// The document's top-level blocks, in order.
    public var blocks: [MarkdownBlock]

    /// Parses CommonMark text; line numbers are those of `source`.
    public init(parsing source: String, options: MarkdownOptions = MarkdownOptions()) {
        // The document must outlive every node read from it, so the tree is read inside `withCmarkDocument`.
        blocks = withCmarkDocument(parsing: source, options: options.cmark) { document in
            // cmark's safe mode empties script URLs, but with raw HTML on it keeps them: empty them in both modes.
            document.removeScriptURLs()
            return document.children.map { MarkdownBlock(node: $0, depth: 1, options: options.cmark) }
        }
    }

    /// An indented outline of the blocks (`kind start-end`), one per line: readable structure in tests.
    public var outline: String {
        var lines: [String] = []
        var stack: [(block: MarkdownBlock, level: Int)] = blocks.reversed().map { ($0, 0) }
        while let (block, level) = stack.popLast() {
            let truncated = block.isTruncated ? " …" : ""
            lines.append(String(repeating: "  ", count: level) + "\(block.kind) \(block.startLine)-\(block.endLine)\(truncated)")
            stack.append(contentsOf: block.children.reversed().map { ($0, level + 1) })
        }
        return lines.joined(separator: "\n")
    }
}

/// One block of a `MarkdownTree`: its kind, where it stands, its HTML and, down to a bounded depth, its children.
public struct MarkdownBlock: Sendable, Hashable {
    /// The kinds of block CommonMark has.
    public enum Kind: Sendable, Hashable {
        /// An ATX or setext heading of level 1–6.
        case heading(level: Int)
        /// A paragraph (its content is in `inlines`).
        case paragraph
        /// A bullet or ordered list; `start` is the first number of an ordered list.
        case list(ordered: Bool, start: Int, tight: Bool)
        /// One item of a list.
        case item
        /// A `>` block quote.
        case blockQuote
        /// A fenced or indented code block with its info string (empty when indented).
        case codeBlock(info: String)
        /// A block of raw HTML, comments included.
        case htmlBlock
        /// A `---`, `***` or `___` line.
        case thematicBreak
        /// Anything else cmark may produce.
        case other
    }

    /// What the block is.
    public var kind: Kind
    /// The line the block starts on, from 1.
    public var startLine: Int
    /// The column (in bytes, from 1) the block starts at.
    public var startColumn: Int
    /// The line the block ends on; for a setext heading, the underline's line.
    public var endLine: Int
    /// The content of a code or HTML block, as written.
    public var literal: String?
    /// The block rendered by cmark (safe mode unless the options allow raw HTML), children included: for a
    /// converted quote, list or item, the same bytes joined from its children's HTML when asked for.
    public var html: String {
        get { renderedHTML ?? Self.html(of: kind, children: children, isItemOfTightList: isItemOfTightList) ?? "" }
        set { renderedHTML = newValue }
    }
    /// cmark's HTML of a block that holds no converted blocks; `nil` for a converted container, whose HTML is only
    /// joined when something reads it (a quiz reads its quotes', never its answer lists'), not for every block.
    private var renderedHTML: String?
    /// Whether the block is an item of a tight list, whose paragraphs its joined HTML writes without `<p>`.
    private var isItemOfTightList = false

    /// A converted block quote's HTML between `<blockquote>\n` and `</blockquote>\n`, joined from its children
    /// without the tags (a quote of one paragraph: that paragraph's HTML, not copied); `nil` for any other block.
    public var quoteContentHTML: String? {
        guard kind == .blockQuote, renderedHTML == nil else { return nil }
        if children.count == 1 {
            let only = children[0].html
            if only.utf8.last == UInt8(ascii: "\n") { return only }
        }
        var html = ""
        for child in children {
            html.breakLine()
            html += child.html
        }
        html.breakLine()
        return html
    }
    /// The inline content of a paragraph or heading; `nil` for other blocks.
    public var inlines: MarkdownInlines?
    /// Every image in this block and below it, converted children or not, in document order.
    public var images: [MarkdownImage]
    /// The child blocks; empty below `MarkdownTree.maximumDepth`.
    public var children: [MarkdownBlock]
    /// Whether the block has children that were too deep to convert (they are still in `html`).
    public var isTruncated: Bool

    /// Creates a block; the tree builds these itself, tests may too.
    public init(
        kind: Kind, startLine: Int, startColumn: Int = 1, endLine: Int, literal: String? = nil, html: String,
        inlines: MarkdownInlines? = nil, images: [MarkdownImage] = [], children: [MarkdownBlock] = [],
        isTruncated: Bool = false
    ) {
        self.kind = kind
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.literal = literal
        renderedHTML = html
        self.inlines = inlines
        self.images = images
        self.children = children
        self.isTruncated = isTruncated
    }
}


/// An image found in a block, for checks such as "every image has a description".
public struct MarkdownImage: Sendable, Hashable {
    /// The image's source as written.
    public var destination: String
    /// The image's description (alt text) as plain text.
    public var altText: String
    /// The line of the block the image is in.
    public var line: Int

    /// Creates an image reference.
    public init(destination: String, altText: String, line: Int) {
        self.destination = destination
        self.altText = altText
        self.line = line
    }
}

private extension MarkdownBlock {
    init(node: CmarkNode, depth: Int, options: CmarkOptions) {
        let convertsChildren = depth < MarkdownTree.maximumDepth
        let kind = node.kind
        // Only containers have block children; a paragraph's or heading's children are inlines.
        let isContainer = kind == .blockQuote || kind == .list || kind == .item || kind == .customBlock
        let childNodes = isContainer ? node.children : []
        let children = convertsChildren ? childNodes.map { MarkdownBlock(node: $0, depth: depth + 1, options: options) } : []
        let isTruncated = !convertsChildren && !childNodes.isEmpty
        let blockKind = Self.kind(of: node)
        // A converted container's HTML is joined from its children's when read, so cmark renders each block's
        // bytes once and nothing joins what no one reads.
        let joinsHTML = !isTruncated && Self.joinsChildrenHTML(blockKind)
        let blockHTML = joinsHTML ? "" : node.html(options: options)
        let isInlineBlock = kind == .paragraph || kind == .heading
        // The fields are set one by one: delegating to the memberwise initializer copied every block twice.
        self.kind = blockKind
        startLine = node.startLine
        startColumn = node.startColumn
        endLine = node.endLine
        literal = kind == .codeBlock || kind == .htmlBlock ? node.literal ?? "" : nil
        renderedHTML = joinsHTML ? nil : blockHTML
        isItemOfTightList = joinsHTML && node.isItemOfTightList
        inlines = isInlineBlock
            ? MarkdownInlines(node: node, html: Self.innerHTML(of: blockHTML, kind: blockKind, isInItemOfTightList: node.parent?.isItemOfTightList ?? false))
            : nil
        // A converted container's images are its children's, already found: only the rest is walked.
        images = isContainer && !isTruncated ? Self.images(of: children) : Self.images(in: node)
        self.children = children
        self.isTruncated = isTruncated
    }

    /// The children's images, read in place (a `flatMap` over the blocks copies every block to read one field).
    static func images(of children: [MarkdownBlock]) -> [MarkdownImage] {
        children.withUnsafeBufferPointer { children in
            var images: [MarkdownImage] = []
            for index in children.indices where !children[index].images.isEmpty { images += children[index].images }
            return images
        }
    }

    static func kind(of node: CmarkNode) -> Kind {
        switch node.kind {
        case .heading: .heading(level: node.headingLevel)
        case .paragraph: .paragraph
        case .list: .list(ordered: node.isOrderedList, start: node.listStart, tight: node.isTightList)
        case .item: .item
        case .blockQuote: .blockQuote
        case .codeBlock: .codeBlock(info: node.fenceInfo ?? "")
        case .htmlBlock: .htmlBlock
        case .thematicBreak: .thematicBreak
        default: .other
        }
    }

    /// Every image below `node`, found without recursion; an image in a block's inlines gets the block's line.
    static func images(in node: CmarkNode) -> [MarkdownImage] {
        guard node.firstChild != nil else { return [] }
        var images: [MarkdownImage] = []
        var blockLine = node.startLine
        node.forEachDescendant { child, entering in
            guard entering else { return }
            if child.kind == .paragraph || child.kind == .heading { blockLine = child.startLine }
            if child.kind == .image {
                images.append(MarkdownImage(destination: child.url ?? "", altText: child.plainText, line: blockLine))
            }
        }
        return images
    }
}

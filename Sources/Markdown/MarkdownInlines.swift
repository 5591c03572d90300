/// The inline content of a paragraph or heading, summarised for readers that look at its start and shape.
public struct MarkdownInlines: Sendable, Hashable {
    /// The top-level inline nodes, in order (the content of emphasis or links is in their `text`).
    public var nodes: [MarkdownInline]
    /// The content rendered as inline HTML, without the `<p>` or `<hN>` around it: each node's HTML, joined.
    public var html: String
    /// The text without markup: text and code literals, image descriptions; line breaks become spaces.
    public var plainText: String

    /// Creates a summary from its nodes and their HTML.
    public init(nodes: [MarkdownInline], html: String, plainText: String) {
        self.nodes = nodes
        self.html = html
        self.plainText = plainText
    }

    /// The literal of the leading run of text nodes: where answer markers such as `[ ] ` stand. cmark 0.30 merges
    /// adjacent text (brackets that open no link included); joining the run keeps this true if that changes.
    public var leadingText: String {
        var text = ""
        for node in nodes {
            guard node.kind == .text else { break }
            text += node.text
        }
        return text
    }

    /// The inline HTML without the first `count` characters of `leadingText` (an answer marker, say).
    public func html(droppingLeadingCharacters count: Int) -> String {
        let leading = leadingText
        if let html = Self.html(html, droppingLeadingBytes: count, of: leading) { return html }
        return characterHTML(droppingLeadingCharacters: count, of: leading)
    }

    /// `html(droppingLeadingCharacters:)` by characters: the definition the byte reading keeps to.
    func characterHTML(droppingLeadingCharacters count: Int, of leading: String) -> String {
        // cmark renders a text node as its literal escaped byte by byte, so `html` starts with the leading text's.
        let rest = html.utf8.dropFirst(MarkdownInline.escapedByteCount(of: leading))
        var html = MarkdownInline.escapingHTML(Self.dropping(count, charactersOf: leading))
        html += Substring(rest)
        return html
    }

    /// `html(droppingLeadingCharacters:)` cut from the bytes, when the first `count` characters of the leading text
    /// are ASCII bytes that cmark does not escape and the byte after them is ASCII too: then they are the HTML's first
    /// `count` bytes, and escaping the rest of the leading text gives what follows them. `nil` otherwise.
    static func html(_ html: String, droppingLeadingBytes count: Int, of leading: String) -> String? {
        let isPlain = leading.utf8.withContiguousStorageIfAvailable { bytes in
            guard count <= bytes.count, count == bytes.count || bytes[count] < 0x80,
                bytes[..<count].allSatisfy({ $0 < 0x80 && $0 != 0x0D && !MarkdownInline.isEscaped($0) })
            else { return false }
            // Escaping by characters keeps a special byte that a mark beyond ASCII joins (`<` U+0338); cmark's HTML
            // escapes it. Such a text is left to the reading by characters, which keeps it.
            return !(count..<bytes.count).contains { index in
                MarkdownInline.isEscaped(bytes[index])
                    && ((index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80))
            }
        } ?? false
        guard isPlain else { return nil }
        var html = html
        return html.withUTF8 { bytes in
            count <= bytes.count ? String(decoding: UnsafeBufferPointer(rebasing: bytes[count...]), as: UTF8.self) : nil
        }
    }

    /// The text without its first `count` characters. A marker is ASCII, so its characters are usually its
    /// bytes: when the bytes dropped and the one after them are ASCII (and not `\r\n`), bytes are dropped.
    private static func dropping(_ count: Int, charactersOf text: String) -> Substring {
        let utf8 = text.utf8
        if count <= utf8.count {
            let end = utf8.index(utf8.startIndex, offsetBy: count)
            var previous: UInt8 = 0
            let isASCII = utf8[..<end].allSatisfy { byte in
                defer { previous = byte }
                return byte < 0x80 && !(previous == 0x0D && byte == 0x0A)
            }
            if isASCII, end == utf8.endIndex || (utf8[end] < 0x80 && !(previous == 0x0D && utf8[end] == 0x0A)) {
                return Substring(utf8[end...])
            }
        }
        let characters = text.count
        precondition(count <= characters, "cannot drop \(count) characters from \(characters) of leading text")
        return text.dropFirst(count)
    }
}

/// One top-level inline node.
public struct MarkdownInline: Sendable, Hashable {
    /// The kinds of inline CommonMark has.
    public enum Kind: Sendable, Hashable {
        /// Plain text.
        case text
        /// A line break in the source that renders as a space.
        case softBreak
        /// A hard line break (two spaces or `\` at the end of a line).
        case lineBreak
        /// A code span.
        case code
        /// Inline raw HTML.
        case html
        /// `*emphasis*`.
        case emphasis
        /// `**strong**`.
        case strong
        /// A link.
        case link
        /// An image.
        case image
        /// Anything else cmark may produce.
        case other
    }

    /// What the node is.
    public var kind: Kind
    /// The literal of text, code and HTML; the plain text inside emphasis, links and images.
    public var text: String
    /// The destination of a link or image.
    public var destination: String?

    /// Creates a node.
    public init(kind: Kind, text: String, destination: String? = nil) {
        self.kind = kind
        self.text = text
        self.destination = destination
    }

    /// Whether cmark's escaping of a text node replaces this byte: `&`, `<`, `>` and `"`.
    static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
    }

    /// How many bytes cmark's escaping of a text node makes of `text`: `&`, `<`, `>` and `"` become entities.
    static func escapedByteCount(of text: String) -> Int {
        text.utf8.reduce(0) { count, byte in
            let escaped = switch byte {
            case UInt8(ascii: "&"): 5  // &amp;
            case UInt8(ascii: "<"), UInt8(ascii: ">"): 4  // &lt; &gt;
            case UInt8(ascii: "\""): 6  // &quot;
            default: 1
            }
            return count + escaped
        }
    }

    /// Text escaped the way cmark escapes text nodes: `&`, `<`, `>` and `"`.
    ///
    /// Defined on characters: a `<` that a combining mark joins (`<\u{338}`) is one character and is kept as it
    /// is. Text without such a neighbour, nearly all, is escaped byte by byte.
    static func escapingHTML<Text: StringProtocol>(_ text: Text) -> String {
        let utf8 = text.utf8
        // Most text has nothing to escape: one scan, and the text as it is.
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else {
            return String(text)
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        var previous: UInt8 = 0
        var iterator = utf8.makeIterator()
        var next = iterator.next()
        while let byte = next {
            next = iterator.next()
            let replacement: StaticString? = switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            default: nil
            }
            if let replacement {
                guard previous < 0x80, (next ?? 0) < 0x80 else { return escapingHTMLCharacters(text) }
                escaped.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            } else {
                escaped.append(byte)
            }
            previous = byte
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `escapingHTML(_:)` one character at a time.
    private static func escapingHTMLCharacters<Text: StringProtocol>(_ text: Text) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension MarkdownInlines {
    /// The inlines of a paragraph or heading, with their HTML (cut from the block's).
    init(node: CmarkNode, html: String) {
        var nodes: [MarkdownInline] = []
        // The plain text is the nodes' (a break's is a space) without raw HTML: no second walk over the block.
        var plainText = ""
        var next = node.firstChild
        while let child = next {
            next = child.next
            let kind = child.kind
            let text = switch kind {
            case .text, .code, .htmlInline: child.literal ?? ""
            default: child.plainText
            }
            nodes.append(MarkdownInline(kind: Self.kind(of: child), text: text, destination: kind == .link || kind == .image ? child.url ?? "" : nil))
            if kind != .htmlInline { plainText += text }
        }
        self.init(nodes: nodes, html: html, plainText: plainText)
    }

    static func kind(of node: CmarkNode) -> MarkdownInline.Kind {
        switch node.kind {
        case .text: .text
        case .softBreak: .softBreak
        case .lineBreak: .lineBreak
        case .code: .code
        case .htmlInline: .html
        case .emphasis: .emphasis
        case .strong: .strong
        case .link: .link
        case .image: .image
        default: .other
        }
    }
}

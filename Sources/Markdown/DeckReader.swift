import Diagnostics

/// Reads one slides file into a `SlideDeck`; lives only for the duration of `SlideDeck.init(parsing:...)`.
struct DeckReader {
    private let source: String
    private var lines: SourceLines
    private let path: String
    private let options: MarkdownOptions
    private let resolveLink: (LinkReference) -> LinkResolution
    private var diagnostics: [Diagnostic] = []
    private var links: [LinkReference] = []
    private var ids = HeadingIDs()

    init(source: String, path: String, options: MarkdownOptions, resolveLink: @escaping (LinkReference) -> LinkResolution) {
        self.source = source
        self.lines = SourceLines(source)
        self.path = path
        self.options = options
        self.resolveLink = resolveLink
    }

    mutating func read() -> SlideDeck {
        let slides = withCmarkDocument(parsing: source, options: options.cmark) { document in
            let groups = slideGroups(document.children)
            for number in groups.indices { ids.reserve("slide-\(number + 1)") }
            var slides: [Slide] = []
            var notes: [String] = []
            for group in groups {
                let (slide, slideNotes) = slide(number: slides.count + 1, blocks: group)
                slides.append(slide)
                notes.append(slideNotes)
            }
            for (index, html) in Self.notesHTML(notes).enumerated() { slides[index].notesHTML = html }
            return slides
        }
        var anchors = Set(slides.map { "slide-\($0.number)" })
        anchors.formUnion(ids.issued)
        return SlideDeck(slides: slides, diagnostics: diagnostics, links: links, anchors: anchors)
    }
}

private extension DeckReader {
    /// The top-level blocks split at thematic breaks; an empty slide gets a warning and is left out.
    mutating func slideGroups(_ blocks: [CmarkNode]) -> [[CmarkNode]] {
        var groups: [[CmarkNode]] = []
        var current: [CmarkNode] = []
        var breakLine = 0
        func close(_ diagnostics: inout [Diagnostic], at line: Int, path: String) {
            if current.isEmpty {
                if line > 0 {
                    diagnostics.append(.warning(
                        "empty slide: remove the extra `---` or put content between the two separators",
                        at: SourceLocation(path: path, line: line)))
                }
            } else {
                groups.append(current)
            }
            current = []
        }
        for block in blocks {
            if block.kind == .thematicBreak {
                close(&diagnostics, at: breakLine, path: path)
                breakLine = block.startLine
            } else {
                current.append(block)
            }
        }
        close(&diagnostics, at: breakLine, path: path)
        return groups
    }

    /// The slide, its notes' HTML still empty, and the Markdown of its notes (several joined by blank lines).
    mutating func slide(number: Int, blocks: [CmarkNode]) -> (Slide, notes: String) {
        var html = ""
        var headingOffsets: [Int] = []
        var notes: [String] = []
        var title: String?
        // Blocks that cmark renders as they are wait here, so that a run of them is rendered with one call.
        var run: [CmarkNode] = []
        for block in blocks {
            let kind = block.kind
            if kind == .htmlBlock, let note = Self.commentText(block.literal ?? "") {
                notes.append(note)
                continue
            }
            switch kind {
            case .heading:
                html += render(&run)
                checkSetextTrap(block)
                resolveLinks(in: block)
                let text = block.plainText
                if title == nil { title = text }
                let heading = Self.addingID(ids.id(for: text), to: block.html(options: options.cmark))
                // `<hN …>…</hN>\n`: remember where both level digits are, so a page can demote the heading cheaply.
                if heading.hasPrefix("<h"), heading.hasSuffix(">\n") {
                    headingOffsets.append(html.utf8.count + 2)
                    headingOffsets.append(html.utf8.count + heading.utf8.count - 3)
                }
                html += heading
            case .paragraph:
                if let table = tableHTML(block) {
                    html += render(&run)
                    html += table
                } else {
                    resolveLinks(in: block)
                    run.append(block)
                }
            default:
                resolveLinks(in: block)
                run.append(block)
            }
        }
        html += render(&run)
        let slide = Slide(
            number: number, title: title ?? "", html: html, notesHTML: "", line: blocks.first?.startLine ?? 1,
            headingLevelOffsets: headingOffsets)
        return (slide, notes.joined(separator: "\n\n"))
    }

    /// The waiting blocks rendered with one cmark call; the run is emptied.
    func render(_ run: inout [CmarkNode]) -> String {
        guard !run.isEmpty else { return "" }
        defer { run.removeAll(keepingCapacity: true) }
        return CmarkNode.html(ofBlocks: run, options: options.cmark)
    }

    /// The pipe table a paragraph's lines form, with any lines before it as a paragraph; `nil` for a plain paragraph.
    mutating func tableHTML(_ block: CmarkNode) -> String? {
        // A table needs a delimiter row after its header; most paragraphs have no line that could be one.
        guard lines.anyLine(block.startLine + 1, block.endLine, where: PipeTable.mayBeDelimiterRow) else { return nil }
        guard let (leading, table) = PipeTable.split(lines.range(block.startLine, block.endLine)) else { return nil }
        var html = ""
        if !leading.isEmpty {
            html += "<p>" + inlineHTML(leading.joined(separator: "\n"), line: block.startLine) + "</p>\n"
        }
        return html + table.html { cell, offset in inlineHTML(cell, line: block.startLine + offset) }
    }

    /// Markdown text rendered as inline HTML (one paragraph's content), links resolved on `line`.
    mutating func inlineHTML(_ text: String, line: Int) -> String {
        var html = withCmarkDocument(parsing: text, options: options.cmark) { document in
            guard let paragraph = document.firstChild else { return "" }
            resolveLinks(in: paragraph, firstLine: line, lastLine: line)
            return paragraph.html(options: options.cmark)
        }
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    /// Resolves every link and image below `block`, locating each destination in the block's lines.
    mutating func resolveLinks(in block: CmarkNode, firstLine: Int? = nil, lastLine: Int? = nil) {
        let first = firstLine ?? block.startLine
        let last = lastLine ?? max(block.endLine, first)
        // Every link and image is written with a `[` (inline, reference, image) or a `<` (autolink): a block of the
        // deck whose lines have neither has none, and is not walked.
        if firstLine == nil, !lines.contains(UInt8(ascii: "["), or: UInt8(ascii: "<"), lines: first, last) { return }
        var cursor = (line: first, column: 1)
        var found: [CmarkNode] = []
        block.forEachDescendant { node, entering in
            if entering, node.kind == .link || node.kind == .image { found.append(node) }
        }
        for node in found {
            let destination = node.url ?? ""
            let place = lines.find(destination, from: cursor, through: last) ?? (first, max(block.startColumn, 1))
            if destination.isEmpty == false { cursor = (place.line, place.column + destination.utf8.count) }
            let reference = LinkReference(
                kind: node.kind == .image ? .image : .link, destination: destination, line: place.line, column: place.column)
            links.append(reference)
            let location = SourceLocation(path: path, line: place.line, column: place.column)
            if let scheme = URLSafety.unsafeScheme(of: destination, isImage: node.kind == .image) {
                node.url = ""
                diagnostics.append(.warning(
                    "`\(scheme):` URLs can run code in the reader's browser and were removed; link to an http(s) page instead",
                    at: location))
                continue
            }
            switch resolveLink(reference) {
            case .keep: break
            case .replace(let url): node.url = url
            case .failure(let message): diagnostics.append(.error(message, at: location))
            }
        }
    }

    /// A `---` straight under a line of text makes that text a heading instead of starting a slide.
    mutating func checkSetextTrap(_ heading: CmarkNode) {
        guard heading.headingLevel == 2, heading.endLine > heading.startLine else { return }
        // cmark's end line of a setext heading can include the blank line after it, so look for the underline.
        guard let line = (heading.startLine + 1...heading.endLine).last(where: { !lines[$0].trimmingWhitespace().isEmpty }),
            lines[line].trimmingWhitespace().allSatisfy({ $0 == "-" })
        else { return }
        diagnostics.append(.warning(
            "this `---` turns the line above it into a heading instead of starting a new slide; add a blank line before `---`",
            at: SourceLocation(path: path, line: line), code: "W008"))
    }


    /// `<h2>…` becomes `<h2 id="…">…`, joined from bytes: one copy of the slide's HTML, where interpolating its two
    /// cut halves copied each of them twice.
    static func addingID(_ id: String, to html: String) -> String {
        // cmark writes `<hN>` in ASCII, so the tag is the first three bytes.
        guard html.utf8.count > 4, html.hasPrefix("<h") else { return html }
        var html = html
        var id = id
        return html.withUTF8 { bytes in
            id.withUTF8 { id in
                var joined: [UInt8] = []
                joined.reserveCapacity(bytes.count + id.count + 6)
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<3]))
                joined.append(contentsOf: " id=\"".utf8)
                joined.append(contentsOf: id)
                joined.append(UInt8(ascii: "\""))
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[3...]))
                return String(decoding: joined, as: UTF8.self)
            }
        }
    }
}

extension Substring {
    /// The text without leading and trailing white space and line breaks.
    func trimmingWhitespaceAndNewlines() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

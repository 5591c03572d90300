import Diagnostics
import Markdown

/// Reads one quiz file into a `Quiz`, collecting diagnostics; lives only for the duration of `Quiz.parse`.
struct QuizReader {
    let path: String
    let language: String
    let options: MarkdownOptions
    var diagnostics: [Diagnostic] = []
    /// The source's lines (front matter blanked), for what cmark does not tell: setext underlines, swallowed markers.
    var lines: [Substring] = []

    init(path: String, language: String, options: MarkdownOptions) {
        self.path = path
        self.language = language
        self.options = options
    }

    /// A `##` heading and the blocks up to the next one.
    struct Section {
        var heading: MarkdownBlock
        var body: [MarkdownBlock] = []
    }

    mutating func read(_ source: String) -> Quiz? {
        let text = blankingFrontMatter(source)
        lines = Self.lines(of: text)
        var blocks = MarkdownTree(parsing: text, options: options).blocks
        if let first = blocks.first, first.kind == .thematicBreak, first.startLine == 1 {
            error("E004", "a quiz starts with its `#` title, not with `---`: remove this line", line: 1)
            blocks.removeFirst()
        }
        let title = readTitle(&blocks)
        let (intro, sections) = splitIntoSections(blocks)
        checkImages(in: (title.map { [$0] } ?? []) + intro)
        if sections.isEmpty {
            error("E002", "the quiz has no questions: add a question as a `## ` heading followed by an answer list such as `- (x) right` and `- ( ) wrong`", line: title?.startLine ?? 1)
        }
        var questions: [Question] = []
        var idLines: [String: Int] = [:]
        for (index, section) in sections.enumerated() {
            guard let (question, idLine) = readQuestion(section, number: index + 1) else { continue }
            if let first = idLines[question.id] {
                error("E051", "the id `\(question.id)` is already used by the question on line \(first): give every question its own id", line: idLine)
            } else {
                idLines[question.id] = idLine
            }
            questions.append(question)
        }
        guard let title, let inlines = title.inlines else { return nil }
        return Quiz(
            title: inlines.plainText.trimmed, titleHTML: inlines.html.trimmed,
            introHTML: Self.html(of: intro), questions: questions)
    }
}

extension QuizReader {
    mutating func error(_ code: String, _ message: String, line: Int) {
        diagnostics.append(.error(message, at: SourceLocation(path: path, line: line), code: code))
    }

    mutating func warning(_ code: String, _ message: String, line: Int) {
        diagnostics.append(.warning(message, at: SourceLocation(path: path, line: line), code: code))
    }

    /// The blocks' HTML, authors' comments left out.
    static func html(of blocks: [MarkdownBlock]) -> String {
        blocks.filter { !isComment($0) }.map(\.html).joined()
    }

    /// The lines of a text as cmark counts them: ended by `\n`, `\r\n` or a lone `\r`. ("\r\n" is one Character
    /// in Swift, so splitting on "\n" alone would leave a CRLF file one long line.)
    /// The line breaks are found as bytes: `\n` and `\r` always end a character, so every cut is a character boundary.
    static func lines(of text: String) -> [Substring] {
        var text = text
        // The line ends are found in the bytes, then the lines cut at those offsets (O(1) in a native string).
        let ranges = text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
                ranges.append(start..<offset - 1)
                if byte == UInt8(ascii: "\r"), offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") { offset += 1 }
                start = offset
            }
            ranges.append(start..<bytes.count)
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
        }
    }

    /// The first line of a text, as `lines(of:)` would give it, without splitting the rest.
    static func firstLine(of text: String) -> Substring {
        let utf8 = text.utf8
        let end = utf8.firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? utf8.endIndex
        return Substring(utf8[..<end])
    }

    static func isComment(_ block: MarkdownBlock) -> Bool {
        block.kind == .htmlBlock && HTMLComment.text(of: block.literal ?? "") != nil
    }

    /// A block quote's content as HTML, without the `<blockquote>` around it.
    ///
    /// The tags are compared as bytes: a tag that ends in `\n` is followed by a character boundary, and one
    /// after an ASCII byte (always `\n` in cmark's output) is preceded by one, as comparing characters requires;
    /// after any other byte the characters are compared.
    static func innerHTML(ofQuote block: MarkdownBlock) -> String {
        if let content = block.quoteContentHTML { return content }
        let open: StaticString = "<blockquote>\n"
        let close: StaticString = "</blockquote>\n"
        var html = block.html
        var start = 0
        let inner = html.withUTF8 { bytes -> String? in
            func has(_ tag: StaticString, at offset: Int) -> Bool {
                offset >= 0 && offset + tag.utf8CodeUnitCount <= bytes.count
                    && bytes[offset..<(offset + tag.utf8CodeUnitCount)].elementsEqual(UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
            }
            start = has(open, at: 0) ? open.utf8CodeUnitCount : 0
            var end = bytes.count
            let closeStart = bytes.count - close.utf8CodeUnitCount
            if closeStart >= start {
                // After a byte beyond ASCII the tag may not start a character: the characters are compared below.
                if closeStart > start, bytes[closeStart - 1] >= 0x80 { return nil }
                if has(close, at: closeStart) { end = closeStart }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let inner { return inner }
        var characters = Substring(html.utf8.dropFirst(start))
        if characters.hasSuffix("\(close)") { characters = characters.dropLast("\(close)".count) }
        return String(characters)
    }

    /// E062 for every image without a description in these blocks (and below them).
    mutating func checkImages(in blocks: [MarkdownBlock]) {
        for image in blocks.flatMap(\.images) where image.altText.trimmed.isEmpty {
            error("E062", "the image `\(image.destination)` has no description: write what it shows between the brackets, `![description](\(image.destination))`, for screen readers and Moodle", line: image.line)
        }
    }
}

private extension QuizReader {
    /// Front matter (`---` on line 1, YAML, `---` or `...`) reported as E004 and replaced by blank lines,
    /// so the rest is still checked with the right line numbers.
    mutating func blankingFrontMatter(_ source: String) -> String {
        guard Self.firstLine(of: source).trimming(" \t\r") == "---" else { return source }
        var lines = Self.lines(of: source)
        let body = lines.dropFirst()
        guard let close = body.firstIndex(where: { ["---", "..."].contains($0.trimming(" \t\r")) }),
              !body[..<close].contains(where: { $0.hasPrefix("#") })
        else { return source }
        error("E004", "a quiz has no front matter: its first block is the `#` title; remove lines 1–\(close + 1)", line: 1)
        for index in 0...close { lines[index] = "" }
        return lines.joined(separator: "\n")
    }

    /// The `#` title, which must be the first block (E001 otherwise).
    mutating func readTitle(_ blocks: inout [MarkdownBlock]) -> MarkdownBlock? {
        if let first = blocks.first, first.kind == .heading(level: 1) {
            blocks.removeFirst()
            return first
        }
        error("E001", "a quiz starts with its title as a `# ` heading, e.g. `# Self-check: why DevOps?`; add one as the first line", line: blocks.first?.startLine ?? 1)
        return nil
    }

    /// The intro (blocks before the first `##`) and the question sections; a second `#` is E001.
    mutating func splitIntoSections(_ blocks: [MarkdownBlock]) -> (intro: [MarkdownBlock], sections: [Section]) {
        var intro: [MarkdownBlock] = []
        var sections: [Section] = []
        for block in blocks {
            switch block.kind {
            case .heading(level: 1):
                error("E001", "a quiz has one `#` title: make this a `## ` question or a paragraph", line: block.startLine)
            case .heading(level: 2):
                checkSetextHeading(block)
                sections.append(Section(heading: block))
            default:
                if sections.isEmpty {
                    if isAnswerList(block) {
                        error("E003", "this answer list comes before the first question: put a `## ` heading with the question above it", line: block.startLine)
                    }
                    intro.append(block)
                } else {
                    sections[sections.count - 1].body.append(block)
                }
            }
        }
        return (intro, sections)
    }

    /// W008: a `---` right under a line of text makes that text a question heading. cmark does not say which
    /// headings are setext ones (and may end them a line late), so the underline is looked for in the source.
    mutating func checkSetextHeading(_ heading: MarkdownBlock) {
        let last = min(heading.endLine, lines.count)
        guard last > heading.startLine else { return }
        let candidates = (heading.startLine + 1)...last
        guard let underline = candidates.first(where: { line in
            let text = lines[line - 1].trimmed
            return !text.isEmpty && text.allSatisfy { $0 == "-" }
        }) else { return }
        warning("W008", "this `---` turns the line above it into a question heading: if you meant a separator, add a blank line before `---`; for a question, write `## ` before the text", line: underline)
    }
}

import Markdown

extension QuizReader {
    /// One item of the answer list with a marker, before the question's type is known.
    struct RawOption {
        var marker: AnswerMarker
        var item: MarkdownBlock
        /// The item's first paragraph's inlines and how many leading characters the marker takes.
        var inlines: MarkdownInlines
        var markerLength: Int
        /// Blocks of the item after its first paragraph, other than the feedback quote.
        var extraBlocks: [MarkdownBlock]
        var feedbackHTML: String?

        var line: Int { item.startLine }

        /// The option as HTML, without its marker, followed by any further blocks.
        var html: String {
            inlines.html(droppingLeadingCharacters: markerLength).trimmed + extraBlocks.map(\.html).joined()
        }

        /// The option as plain text, without its marker.
        var text: String { String(inlines.plainText.dropFirst(markerLength)).trimmed }
    }

    /// The question's kind from its answer items (E013–E017, E040, E041, E015, then the kind's own checks).
    mutating func readKind(items: [MarkdownBlock], list: MarkdownBlock) -> Question.Kind? {
        let options = items.compactMap { readOption($0) }
        guard let family = options.first?.marker.family else { return nil }
        var sameFamily: [RawOption] = []
        for option in options {
            guard option.marker.family == family else {
                error("E015", "this option's marker is of another kind than the first option's, \(family.description): use one kind of marker for every option of a question", line: option.line)
                continue
            }
            sameFamily.append(option)
        }
        // When items were rejected, "no right option" or "no accepted answer" may just be their loss: not reported.
        let isComplete = options.count == items.count
        switch family {
        case .radio, .checkbox: return choiceKind(sameFamily, family: family, list: list, itemCount: items.count, isComplete: isComplete)
        case .typed: return typedKind(sameFamily, list: list, isComplete: isComplete)
        }
    }
}

private extension QuizReader {
    mutating func readOption(_ item: MarkdownBlock) -> RawOption? {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph, let inlines = paragraph.inlines else {
            reportMissingMarker(text: "", line: item.startLine)
            return nil
        }
        switch MarkerReading(inlines) {
        case .none:
            reportMissingMarker(text: inlines.leadingText, line: item.startLine)
            return nil
        case .unknown(let marker):
            error("E014", "`\(marker)` is not an answer marker: use `( )`/`(x)` when one option is right, `[ ]`/`[x]` when several may be, `= ` for an accepted typed answer, `~ ` for an expected wrong one", line: item.startLine)
            return nil
        case .linkedCheckbox:
            error("E017", "`[x]` became a link because this file defines a link `[x]: …`: rename that link definition", line: item.startLine)
            return nil
        case .marker(let marker, let length):
            var option = RawOption(marker: marker, item: item, inlines: inlines, markerLength: length, extraBlocks: [])
            guard !option.text.isEmpty || inlines.nodes.contains(where: { $0.kind == .image }) else {
                error("E016", "this marker has no text: write the option after it, e.g. `- (x) 443`", line: item.startLine)
                return nil
            }
            checkSwallowedFeedback(in: paragraph)
            readFeedback(of: item, into: &option)
            return option
        }
    }

    mutating func reportMissingMarker(text: String, line: Int) {
        let spacing = text.hasPrefix("=") || text.hasPrefix("~") ? " (`=` and `~` need a space after them)" : ""
        error("E013", "this item has no answer marker\(spacing): start every option with `( )`, `(x)`, `[ ]`, `[x]`, `= ` or `~ `; a blank line does not end a list, so to start another list put a paragraph between them", line: line)
    }

    /// The last block quote of an item is its feedback; any other quote is E040, an over-indented one E041.
    mutating func readFeedback(of item: MarkdownBlock, into option: inout RawOption) {
        var rest = Array(item.children.dropFirst())
        if let last = rest.last, last.kind == .blockQuote {
            option.feedbackHTML = Self.innerHTML(ofQuote: last)
            rest.removeLast()
        }
        for block in rest {
            if block.kind == .blockQuote {
                error("E040", "an option has one feedback quote, as its last block: merge the quotes, or move this text above the quote", line: block.startLine)
            } else if case .codeBlock(info: "") = block.kind, (block.literal ?? "").trimmed.hasPrefix(">") {
                error("E041", "this feedback is indented so far that it became a code block: indent `>` by two spaces, lined up with the option's text", line: block.startLine)
            } else {
                option.extraBlocks.append(block)
            }
        }
    }

    /// E041 for a `>` line so far indented that cmark read it as more of the option's text.
    mutating func checkSwallowedFeedback(in paragraph: MarkdownBlock) {
        guard paragraph.endLine > paragraph.startLine else { return }
        for line in (paragraph.startLine + 1)...paragraph.endLine where line <= lines.count {
            if lines[line - 1].trimmed.hasPrefix(">") {
                error("E041", "this feedback is indented so far that it became part of the option's text: put a blank line before it and indent `>` by two spaces, lined up with the option's text", line: line)
            }
        }
    }
}

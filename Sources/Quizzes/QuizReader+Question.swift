import Markdown

extension QuizReader {
    /// Reads one `##` section into a question, with the line of its id (for E051); `nil` when it has errors.
    mutating func readQuestion(_ section: Section, number: Int) -> (Question, idLine: Int)? {
        let errorsBefore = errorCount
        let heading = section.heading
        checkImages(in: [heading] + section.body)
        var body = section.body
        let (id, idLine) = readID(&body, heading: heading, number: number)
        let parts = splitQuestionBody(body)
        guard let answerList = parts.answerList else {
            reportMissingAnswerList(section)
            return nil
        }
        if parts.explanation == nil {
            warning("W005", "this question has no explanation: add a block quote (`> …`) after the answer list that says why the right answer is right; learners see it after checking", line: heading.startLine)
        }
        let kind = readKind(items: parts.answerItems, list: answerList)
        guard let kind, errorCount == errorsBefore else { return nil }
        let inlines = heading.inlines
        let question = Question(
            id: id, number: number, line: heading.startLine,
            promptHTML: inlines?.html.trimmed ?? "", promptText: inlines?.plainText.trimmed ?? "",
            stemHTML: Self.html(of: parts.stem), kind: kind,
            explanationHTML: parts.explanation.map(Self.innerHTML(ofQuote:)))
        return (question, idLine)
    }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// Whether a block is a list with at least one item that starts with an answer marker.
    func isAnswerList(_ block: MarkdownBlock) -> Bool {
        guard case .list = block.kind else { return false }
        return block.children.contains { item in
            guard let inlines = item.children.first?.inlines, item.children.first?.kind == .paragraph else { return false }
            switch MarkerReading(inlines) {
            case .marker, .linkedCheckbox: return true
            case .unknown, .none: return false
            }
        }
    }
}

private extension QuizReader {
    /// The blocks of a question after its id comment, sorted into their roles.
    struct QuestionParts {
        var stem: [MarkdownBlock] = []
        var answerList: MarkdownBlock?
        var answerItems: [MarkdownBlock] = []
        var explanation: MarkdownBlock?
    }

    /// The id from `<!-- id: … -->` right under the heading (removed from `body`), or `question-N` with W001.
    mutating func readID(_ body: inout [MarkdownBlock], heading: MarkdownBlock, number: Int) -> (String, Int) {
        let derived = "question-\(number)"
        guard let first = body.first, first.kind == .htmlBlock, let comment = HTMLComment.text(of: first.literal ?? ""),
              HTMLComment.isIDComment(comment)
        else {
            warning("W001", "this question has no id: add `<!-- id: a-short-slug -->` right under the heading, the same in every language, so answers, links and translations stay matched; using `\(derived)` for now", line: heading.startLine)
            return (derived, heading.startLine)
        }
        body.removeFirst()
        guard let id = HTMLComment.id(in: comment) else {
            error("E052", "malformed id comment: write `<!-- id: lower-case-slug -->` with lower-case letters, digits and single hyphens, e.g. `<!-- id: https-port -->`", line: first.startLine)
            return (derived, first.startLine)
        }
        return (id, first.startLine)
    }

    /// Stem, answer list, explanation; every block out of place is reported (E011, E012, E042, E043, E050, E052).
    mutating func splitQuestionBody(_ body: [MarkdownBlock]) -> QuestionParts {
        var parts = QuestionParts()
        var quoteAfterList: MarkdownBlock?
        for block in body {
            if Self.isComment(block) {
                if let comment = HTMLComment.text(of: block.literal ?? ""), HTMLComment.isIDComment(comment) {
                    error("E052", "the id comment belongs right under the `##` heading: move it up", line: block.startLine)
                }
                continue
            }
            if case .heading = block.kind {
                error("E050", "a `###` to `######` heading cannot be inside a question: start a new question with `## `, or use **bold** text", line: block.startLine)
                continue
            }
            guard parts.answerList != nil else {
                if isAnswerList(block) {
                    parts.answerList = block
                    parts.answerItems = block.children
                } else {
                    parts.stem.append(block)
                }
                continue
            }
            if parts.explanation != nil {
                error("E042", "nothing may follow the explanation: move this above the answer list (into the stem) or into the explanation quote (start its lines with `>`)", line: block.startLine)
            } else if let quote = quoteAfterList {
                quoteAfterList = nil
                if isAnswerList(block) {
                    error("E012", "this block quote stands between options and splits the answer list: indent it under the option above (two spaces before `>`) to make it that option's feedback", line: quote.startLine)
                    parts.answerItems += block.children
                } else {
                    parts.explanation = quote
                    error("E042", "nothing may follow the explanation: move this above the answer list (into the stem) or into the explanation quote (start its lines with `>`)", line: block.startLine)
                }
            } else if block.kind == .blockQuote {
                quoteAfterList = block
            } else if isAnswerList(block) {
                error("E011", "a second answer list: all options must form one list; use the same bullet (`-`) for every option and put nothing between them", line: block.startLine)
                parts.answerItems += block.children
            } else {
                error("E043", "only a block quote (the explanation, `> …`) may follow the answer list: move this into the stem above the list, or into the explanation", line: block.startLine)
            }
        }
        if let quote = quoteAfterList { parts.explanation = quote }
        return parts
    }

    /// E010, with a hint when marker lines were swallowed by a paragraph or a list lacks markers.
    mutating func reportMissingAnswerList(_ section: Section) {
        var hint = " under the question"
        search: for block in section.body {
            switch block.kind {
            case .paragraph:
                for line in block.startLine...max(block.startLine, block.endLine) where Self.looksLikeOption(line: line, in: lines) {
                    hint = line == block.startLine
                        ? ". Line \(line) looks like an option but is not a list item: start it with `- `"
                        : ". Line \(line) looks like an option but was read as part of the paragraph above it: add a blank line before the list"
                    break search
                }
            case .list:
                let unknown = block.children.compactMap { item -> String? in
                    guard let inlines = item.children.first?.inlines, case .unknown(let marker) = MarkerReading(inlines) else { return nil }
                    return marker
                }
                hint = unknown.first.map { ". The list on line \(block.startLine) uses `\($0)`, which is not an answer marker" }
                    ?? ". If the list on line \(block.startLine) holds the options, start each item with a marker"
                break search
            default:
                continue
            }
        }
        error("E010", "no answer list\(hint): write the options as a list, e.g. `- (x) right` and `- ( ) wrong`, `- [x]`/`- [ ]` when several are right, or `- = answer` for a typed answer", line: section.heading.startLine)
    }

    /// Whether a source line starts (after an optional bullet) with an answer marker.
    static func looksLikeOption(line number: Int, in lines: [Substring]) -> Bool {
        guard number >= 1, number <= lines.count else { return false }
        var text = Substring(lines[number - 1].trimming(" \t"))
        if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " {
            text = Substring(text.dropFirst(2).trimming(" \t"))
        } else if let end = text.firstIndex(where: { !$0.isASCIIDigit }), end != text.startIndex,
                  ".)".contains(text[end]), text[text.index(after: end)...].first == " " {
            text = Substring(text[text.index(after: end)...].trimming(" \t"))
        }
        return ["( )", "(x)", "[ ]", "[x]", "= ", "~ "].contains { text.hasPrefix($0) }
    }
}

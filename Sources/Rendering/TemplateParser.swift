/// Reads a Mustache template into nodes: interpolation, sections, inverted sections, comments, partials, set
/// delimiters, and template inheritance (parents and blocks), with the spec's standalone-line rules.
///
/// Works on UTF-8 bytes: a theme's templates are parsed once per build, but the nodes it makes are rendered for
/// every page, so text is kept as bytes ready to append.
struct TemplateParser {
    private let source: [UInt8]
    private let name: String
    private var index = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// A section, parent or block still waiting for its `{{/name}}`.
    private struct OpenTag {
        enum Kind { case section, inverted, parent, block }
        var kind: Kind
        var name: String
        var position: TemplatePosition
        var nodes: [TemplateNode] = []
        var indent: [UInt8] = []
    }

    private enum Sigil: UInt8 {
        case section = 0x23  // #
        case inverted = 0x5E  // ^
        case close = 0x2F  // /
        case comment = 0x21  // !
        case partial = 0x3E  // >
        case parent = 0x3C  // <
        case block = 0x24  // $
        case delimiters = 0x3D  // =
        case unescaped = 0x26  // &
        case triple = 0x7B  // {
    }

    /// Parses `text`, the template named `name`.
    static func parse(_ text: String, name: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(source: Array(text.utf8), name: name)
        return try parser.parse()
    }

    private init(source: [UInt8], name: String) {
        self.source = source
        self.name = name
    }

    private mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var stack = [OpenTag(kind: .section, name: "", position: position(at: 0))]
        var pendingText: [UInt8] = []
        func flushText(into stack: inout [OpenTag], _ text: inout [UInt8]) {
            guard !text.isEmpty else { return }
            stack[stack.count - 1].nodes.append(.text(text))
            text = []
        }
        while index < source.count {
            guard let tagStart = find(open, from: index) else {
                pendingText += source[index...]
                index = source.count
                break
            }
            pendingText += source[index..<tagStart]
            let tag = try readTag(at: tagStart)
            index = tag.end
            // A tag other than an interpolation alone on its line takes the whole line with it.
            var indent: [UInt8] = []
            if tag.sigil != nil, tag.sigil != .unescaped, tag.sigil != .triple, let line = standaloneLine(tagStart: tagStart, tagEnd: tag.end) {
                indent = Array(source[line.start..<tagStart])
                pendingText.removeLast(tagStart - line.start)
                index = line.end
            }
            let position = self.position(at: tagStart)
            switch tag.sigil {
            case nil, .unescaped?, .triple?:
                flushText(into: &stack, &pendingText)
                stack[stack.count - 1].nodes.append(.value(TemplateKey(tag.content), escaped: tag.sigil == nil, at: position))
            case .comment?:
                continue
            case .delimiters?:
                try setDelimiters(tag.content, at: tagStart)
            case .partial?:
                flushText(into: &stack, &pendingText)
                stack[stack.count - 1].nodes.append(.partial(tag.content, indent: indent, at: position))
            case .section?, .inverted?, .parent?, .block?:
                flushText(into: &stack, &pendingText)
                let kind: OpenTag.Kind = switch tag.sigil {
                case .section?: .section
                case .inverted?: .inverted
                case .parent?: .parent
                default: .block
                }
                stack.append(OpenTag(kind: kind, name: tag.content, position: position, indent: indent))
            case .close?:
                flushText(into: &stack, &pendingText)
                guard stack.count > 1 else {
                    throw error("`\(String(decoding: open, as: UTF8.self))/\(tag.content)\(String(decoding: close, as: UTF8.self))` closes nothing; remove it or add the tag it should close", at: tagStart)
                }
                let closed = stack.removeLast()
                guard closed.name == tag.content else {
                    throw error("`/\(tag.content)` closes `\(closed.name)`, opened at line \(closed.position.line); close the innermost open tag first", at: tagStart)
                }
                stack[stack.count - 1].nodes.append(node(closing: closed))
            }
        }
        flushText(into: &stack, &pendingText)
        if stack.count > 1, let unclosed = stack.last {
            throw TemplateSyntaxError(
                message: "`\(unclosed.name)` is opened here and never closed; add `{{/\(unclosed.name)}}`",
                line: unclosed.position.line, column: unclosed.position.column)
        }
        return stack[0].nodes
    }

    private func node(closing tag: OpenTag) -> TemplateNode {
        switch tag.kind {
        case .section: return .section(TemplateKey(tag.name), tag.nodes, inverted: false, at: tag.position)
        case .inverted: return .section(TemplateKey(tag.name), tag.nodes, inverted: true, at: tag.position)
        case .block: return .block(tag.name, tag.nodes)
        case .parent:
            // Only the blocks inside a parent tag count; any other text there is ignored.
            var blocks: [String: [TemplateNode]] = [:]
            for case .block(let name, let nodes) in tag.nodes where blocks[name] == nil { blocks[name] = nodes }
            return .parent(tag.name, blocks: blocks, indent: tag.indent, at: tag.position)
        }
    }

    /// Reads the tag starting at `start` (at the opening delimiter).
    private func readTag(at start: Int) throws(TemplateSyntaxError) -> (sigil: Sigil?, content: String, end: Int) {
        var contentStart = start + open.count
        let sigil = contentStart < source.count ? Sigil(rawValue: source[contentStart]) : nil
        if sigil != nil { contentStart += 1 }
        var closing = close
        if sigil == .triple { closing = [0x7D] + close }
        if sigil == .delimiters { closing = [0x3D] + close }
        guard let contentEnd = find(closing, from: contentStart) else {
            let expected = String(decoding: closing, as: UTF8.self)
            throw error("this tag is not closed; add `\(expected)`", at: start)
        }
        let content = String(decoding: source[contentStart..<contentEnd], as: UTF8.self).trimmingSpaces
        if sigil != .comment, sigil != .delimiters, content.isEmpty || content.contains(where: \.isWhitespace) {
            throw error("`\(String(decoding: source[start..<(contentEnd + closing.count)], as: UTF8.self))` needs one name without spaces", at: start)
        }
        return (sigil, content, contentEnd + closing.count)
    }

    /// `{{=<% %>=}}`: the next tags use these delimiters.
    private mutating func setDelimiters(_ content: String, at start: Int) throws(TemplateSyntaxError) {
        let parts = content.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("a delimiter tag names two delimiters separated by a space, such as `{{=<% %>=}}`", at: start)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// The line around a tag when nothing but spaces and tabs share it: where it starts and where the next begins.
    private func standaloneLine(tagStart: Int, tagEnd: Int) -> (start: Int, end: Int)? {
        var start = tagStart
        while start > 0, source[start - 1] == 0x20 || source[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || source[start - 1] == 0x0A else { return nil }
        var end = tagEnd
        while end < source.count, source[end] == 0x20 || source[end] == 0x09 { end += 1 }
        if end < source.count, source[end] == 0x0D, end + 1 < source.count, source[end + 1] == 0x0A { end += 1 }
        if end == source.count { return (start, end) }
        guard source[end] == 0x0A else { return nil }
        return (start, end + 1)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= source.count else { return nil }
        var position = start
        let last = source.count - needle.count
        while position <= last {
            if source[position] == first {
                var matched = 1
                while matched < needle.count, source[position + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return position }
            }
            position += 1
        }
        return nil
    }

    private func position(at offset: Int) -> TemplatePosition {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where source[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1
        return TemplatePosition(template: name, line: line, column: column)
    }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let position = position(at: offset)
        return TemplateSyntaxError(message: message, line: position.line, column: position.column)
    }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

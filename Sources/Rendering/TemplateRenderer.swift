/// Renders parsed templates against a view model, appending UTF-8 bytes to one buffer.
///
/// Looks keys up through a stack of typed values (no `Any`, no reflection) and records every key it finds nowhere,
/// with the place in the template, so a misspelt key is an error rather than an empty string.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    private(set) var output: [UInt8] = []
    /// Keys looked up and found nowhere, and values that cannot stand where they are used.
    private(set) var problems: [TemplateProblem] = []
    private var stack: [ViewModelValue]
    private var depth = 0
    /// The indentation of the standalone partials being rendered, put at the start of each of their lines.
    private var indent: [UInt8] = []
    private var atLineStart = false

    /// Partials and parents nest at most this deep, so a template that includes itself fails instead of hanging.
    static let maximumDepth = 64

    init(templates: [String: [TemplateNode]], root: ViewModel, capacity: Int) {
        self.templates = templates
        stack = [.model(root)]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode], blocks: [String: [TemplateNode]] = [:]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indent.isEmpty {
                    output.append(contentsOf: bytes)
                } else {
                    appendIndenting(bytes)
                }
            case .value(let key, let escaped, let position):
                guard let value = lookUp(key, at: position) else { continue }
                if atLineStart, !indent.isEmpty {
                    output.append(contentsOf: indent)
                    atLineStart = false
                }
                append(value, escaped: escaped, key: key, at: position)
            case .section(let key, let children, let inverted, let position):
                let value = lookUp(key, at: position)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, blocks: blocks) }
                } else if let value {
                    renderSection(value, children, blocks: blocks)
                }
            case .block(let name, let defaultNodes):
                render(blocks[name] ?? defaultNodes, blocks: blocks)
            case .partial(let name, let partialIndent, let position):
                // A parent with no blocks of its own: the blocks being filled still reach into it.
                include(name, blocks: blocks, indent: partialIndent, at: position)
            case .parent(let name, let ownBlocks, let parentIndent, let position):
                // Blocks filled further out win over the ones this parent tag fills.
                include(name, blocks: ownBlocks.merging(blocks) { _, outer in outer }, indent: parentIndent, at: position)
            }
        }
    }

    private mutating func renderSection(_ value: ViewModelValue, _ children: [TemplateNode], blocks: [String: [TemplateNode]]) {
        switch value {
        case .list(let items):
            for item in items {
                stack.append(.model(item))
                render(children, blocks: blocks)
                stack.removeLast()
            }
        case _ where value.isTruthy:
            stack.append(value)
            render(children, blocks: blocks)
            stack.removeLast()
        default:
            break
        }
    }

    private mutating func include(_ name: String, blocks: [String: [TemplateNode]], indent added: [UInt8], at position: TemplatePosition) {
        guard let nodes = templates[name] else {
            problems.append(TemplateProblem(position: position, key: name, kind: .missingTemplate))
            return
        }
        guard depth < Self.maximumDepth else {
            problems.append(TemplateProblem(position: position, key: name, kind: .tooDeep))
            return
        }
        depth += 1
        let outer = indent
        if !added.isEmpty {
            indent += added
            atLineStart = true  // a standalone tag: its line's whitespace was removed with it
        }
        render(nodes, blocks: blocks)
        indent = outer
        depth -= 1
    }

    /// Finds the first part of a key in the innermost value that has it, the other parts inside that value.
    private mutating func lookUp(_ key: TemplateKey, at position: TemplatePosition) -> ViewModelValue? {
        guard let first = key.parts.first else { return stack.last }
        let firstHash = key.hashes[0]
        var found: ViewModelValue?
        for value in stack.reversed() {
            if let child = value.child(first, hash: firstHash) {
                found = child
                break
            }
        }
        for index in key.parts.indices.dropFirst() {
            found = found?.child(key.parts[index], hash: key.hashes[index])
        }
        if found == nil { problems.append(TemplateProblem(position: position, key: key.text, kind: .missingKey)) }
        return found
    }

    private mutating func append(_ value: ViewModelValue, escaped: Bool, key: TemplateKey, at position: TemplatePosition) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .number(let number): output.append(contentsOf: String(number).utf8)
        case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .model, .list, .strings:
            problems.append(TemplateProblem(position: position, key: key.text, kind: .notText))
        }
    }

    /// Text inside an indented partial: each line starts with the indentation (a line is begun by what follows
    /// a line break, so a partial's final line break adds none).
    private mutating func appendIndenting(_ bytes: [UInt8]) {
        var start = 0
        while start < bytes.count {
            if atLineStart {
                output.append(contentsOf: indent)
                atLineStart = false
            }
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                output.append(contentsOf: bytes[start...])
                return
            }
            output.append(contentsOf: bytes[start...newline])
            atLineStart = true
            start = newline + 1
        }
    }
}

/// Something a template asked for that its view model or theme cannot give.
struct TemplateProblem: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case missingKey, notText, missingTemplate, tooDeep
    }

    var position: TemplatePosition
    var key: String
    var kind: Kind
}

extension ViewModelValue {
    /// What a section renders for: `false`, `0`, empty text and empty lists do not.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .flag(let flag): flag
        case .number(let number): number != 0
        case .list(let items): !items.isEmpty
        case .model, .strings: true
        }
    }

    /// The value a key names inside this one: a view model's field or an interface text. `hash` is
    /// `NameTable.hash(name)`, computed when the template was parsed.
    func child(_ name: String, hash: UInt64) -> ViewModelValue? {
        switch self {
        case .model(let model): model[name, hash: hash]
        case .strings(let strings): strings[name, hash: hash]
        case .text, .flag, .number, .list: nil
        }
    }
}

/// A place in a template file, for the errors a template causes.
struct TemplatePosition: Sendable, Hashable, Comparable {
    /// The template's name, such as `deck` or `partials/header`.
    var template: String
    var line: Int
    var column: Int

    static func < (lhs: TemplatePosition, rhs: TemplatePosition) -> Bool {
        (lhs.template, lhs.line, lhs.column) < (rhs.template, rhs.line, rhs.column)
    }
}

/// A key as a template writes it: `title`, `t.objectives` (a dotted path), or `.` (the current item).
struct TemplateKey: Sendable, Hashable {
    /// The parts between the dots; empty for `.`.
    var parts: [String]
    /// `NameTable.hash` of each part, computed once here rather than at every lookup.
    var hashes: [UInt64]
    /// The key as written, for messages.
    var text: String

    init(_ text: String) {
        self.text = text
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        hashes = parts.map(NameTable.hash)
    }
}

/// One piece of a parsed template; a template is a list of them.
indirect enum TemplateNode: Sendable {
    /// Text copied as it is (UTF-8 bytes, to be appended without conversion).
    case text([UInt8])
    /// `{{key}}` (escaped) or `{{{key}}}` / `{{&key}}` (as it is).
    case value(TemplateKey, escaped: Bool, at: TemplatePosition)
    /// `{{#key}}…{{/key}}`, or `{{^key}}…{{/key}}` when inverted.
    case section(TemplateKey, [TemplateNode], inverted: Bool, at: TemplatePosition)
    /// `{{>name}}`; `indent` is the whitespace before a partial alone on its line, put before each of its lines.
    case partial(String, indent: [UInt8], at: TemplatePosition)
    /// `{{<name}}…{{/name}}`: the named template with some of its blocks replaced.
    case parent(String, blocks: [String: [TemplateNode]], indent: [UInt8], at: TemplatePosition)
    /// `{{$name}}default{{/name}}`: a place a template that inherits this one may fill.
    case block(String, [TemplateNode])
}

/// A template that does not parse: what is wrong and where.
struct TemplateSyntaxError: Error, Sendable, Hashable {
    var message: String
    var line: Int
    var column: Int
}

/// A Markdown file split into its YAML front matter and its body, line numbers kept.
public struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML between the `---` lines, or `nil` when the file has no front matter.
    public var yaml: String?
    /// The line of the file on which the YAML's first line stands (2 when the file starts with `---`).
    public var yamlFirstLine: Int
    /// The Markdown with the front matter lines replaced by empty lines, so cmark's line numbers match the file.
    public var body: String
    /// Set when a front matter block starts but never ends.
    public var isUnterminated: Bool

    /// Splits a file's text; a leading byte-order mark is dropped and CRLF line endings are accepted.
    ///
    /// Only the front matter's lines are looked at; the body is passed on as it is, after as many line breaks as the
    /// front matter had lines.
    public init(_ text: String) {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        yamlFirstLine = 2
        isUnterminated = false
        var (first, cursor) = Self.line(in: text, from: text.startIndex)
        guard Self.isFence(first) else {
            yaml = nil
            body = String(text)
            return
        }
        var yamlLines: [Substring] = []
        while let start = cursor {
            let (line, next) = Self.line(in: text, from: start)
            if Self.isFence(line) || Self.isDocumentEnd(line) {
                yaml = yamlLines.joined(separator: "\n")
                let rest = next.map { text[$0...] } ?? ""
                body = String(repeating: "\n", count: yamlLines.count + 2) + rest
                return
            }
            yamlLines.append(line)
            cursor = next
        }
        first = ""
        yaml = nil
        isUnterminated = true
        body = String(text)
    }

    /// The line starting at `start` without its line break, and where the next line starts (`nil` after the last).
    private static func line(in text: Substring, from start: Substring.Index) -> (Substring, Substring.Index?) {
        guard let newline = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (text[start...], nil) }
        var line = text[start..<newline]
        if line.utf8.last == UInt8(ascii: "\r") { line = text[start..<text.utf8.index(before: newline)] }
        return (line, text.utf8.index(after: newline))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace() == "---"
    }

    private static func isDocumentEnd(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace() == "..."
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}

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

    /// Splits a file's text; a leading byte-order mark is dropped and CRLF (or CR) line endings are accepted.
    ///
    /// Only the front matter's lines are looked at; the body is passed on as it is, after as many line breaks as the
    /// front matter had lines.
    public init(_ text: String) {
        let header = Header(text)
        yaml = header.yaml
        yamlFirstLine = header.yamlFirstLine
        isUnterminated = header.isUnterminated
        guard let rest = header.rest else {
            body = String(header.text)
            return
        }
        // As many line breaks as the front matter had: one fewer when its closing line ends the file.
        body = String(repeating: "\n", count: header.lineCount) + rest
    }

    /// The front matter of a file without its body, for readers that need only the YAML (copying the body would
    /// cost more than finding the YAML).
    struct Header {
        /// The text without a leading byte-order mark.
        let text: Substring
        /// The YAML between the `---` lines, or `nil` when the file has none or it never ends.
        private(set) var yaml: String?
        /// The line of the file on which the YAML's first line stands.
        let yamlFirstLine = 2
        /// Set when a front matter block starts but never ends.
        private(set) var isUnterminated = false
        /// The text after the closing line, when the front matter is complete.
        private(set) var rest: Substring?
        /// How many lines the front matter's lines count for in the body.
        private(set) var lineCount = 0

        init(_ text: String) {
            var text = Substring(text)
            if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
            self.text = text
            let (first, second) = FrontMatterSplit.line(in: text, from: text.startIndex)
            guard FrontMatterSplit.isFence(first) else { return }
            var cursor = second
            var yamlLines: [Substring] = []
            while let start = cursor {
                let (line, next) = FrontMatterSplit.line(in: text, from: start)
                if FrontMatterSplit.isFence(line) || FrontMatterSplit.isDocumentEnd(line) {
                    yaml = yamlLines.joined(separator: "\n")
                    rest = next.map { text[$0...] } ?? ""
                    lineCount = yamlLines.count + (next == nil ? 1 : 2)
                    return
                }
                yamlLines.append(line)
                cursor = next
            }
            isUnterminated = true
        }
    }

    /// The line starting at `start` without its line break, and where the next line starts (`nil` after the last).
    /// Lines end as in CommonMark and YAML: at `\n`, `\r\n` or a lone `\r`.
    fileprivate static func line(in text: Substring, from start: Substring.Index) -> (Substring, Substring.Index?) {
        let bytes = text.utf8
        guard let end = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return (text[start...], nil)
        }
        var next = bytes.index(after: end)
        if bytes[end] == UInt8(ascii: "\r"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") { next = bytes.index(after: next) }
        return (text[start..<end], next)
    }

    fileprivate static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace() == "---"
    }

    fileprivate static func isDocumentEnd(_ line: Substring) -> Bool {
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

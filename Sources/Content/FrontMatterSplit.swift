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
                // As many line breaks as the front matter had: one fewer when its closing line ends the file.
                body = String(repeating: "\n", count: yamlLines.count + (next == nil ? 1 : 2)) + rest
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
    /// Lines end as in CommonMark and YAML: at `\n`, `\r\n` or a lone `\r`.
    private static func line(in text: Substring, from start: Substring.Index) -> (Substring, Substring.Index?) {
        let bytes = text.utf8
        guard let end = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return (text[start...], nil)
        }
        var next = bytes.index(after: end)
        if bytes[end] == UInt8(ascii: "\r"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") { next = bytes.index(after: next) }
        return (text[start..<end], next)
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

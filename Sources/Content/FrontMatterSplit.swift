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
    public init(_ text: String) {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        yamlFirstLine = 2
        isUnterminated = false
        // "\r\n" is one Character in Swift, so it has to be named as a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let first = lines.first, Self.isFence(first) else {
            yaml = nil
            body = String(text)
            return
        }
        guard let end = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0]) || Self.isDocumentEnd(lines[$0]) }) else {
            yaml = nil
            isUnterminated = true
            body = String(text)
            return
        }
        yaml = lines[1..<end].joined(separator: "\n")
        for index in 0...end { lines[index] = "" }
        body = lines.joined(separator: "\n")
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

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
            // The lines are found in the bytes: stepping through a substring's UTF-8 view index by index cost more
            // than the rest of reading a front matter. Byte offsets become indices of the text only at the end.
            var contiguousText = text
            guard let lines = contiguousText.withUTF8(FrontMatterLines.init) else { return }
            guard lines.isClosed else {
                isUnterminated = true
                return
            }
            func index(_ offset: Int) -> Substring.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
            if let first = lines.yaml.first, let last = lines.yaml.last {
                // Lines that end in `\n` joined with `\n` are the text as it stands: one copy instead of a join.
                yaml = lines.endInLineFeeds
                    ? String(text[index(first.lowerBound)..<index(last.upperBound)])
                    : lines.yaml.map { text[index($0.lowerBound)..<index($0.upperBound)] }.joined(separator: "\n")
            } else {
                yaml = ""
            }
            rest = lines.restStart.map { text[index($0)...] } ?? ""
            lineCount = lines.yaml.count + (lines.restStart == nil ? 1 : 2)
        }
    }

    /// The lines of a front matter, as byte offsets in the text.
    private struct FrontMatterLines {
        /// The YAML's lines, without their line breaks.
        var yaml: [Range<Int>] = []
        /// Whether a closing line (`---` or `...`) was found.
        var isClosed = false
        /// Where the text after the closing line starts; `nil` when the closing line ends the text.
        var restStart: Int?
        /// Whether every YAML line ended in `\n` alone (not `\r\n` or `\r`).
        var endInLineFeeds = true

        /// The lines after an opening `---` line, or `nil` when the text does not start with one.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            let (first, second) = Self.line(in: bytes, from: 0)
            guard Self.isMark(bytes[first], of: UInt8(ascii: "-")) else { return nil }
            var cursor = second
            while let start = cursor {
                let (line, next) = Self.line(in: bytes, from: start)
                if Self.isMark(bytes[line], of: UInt8(ascii: "-")) || Self.isMark(bytes[line], of: UInt8(ascii: ".")) {
                    isClosed = true
                    restStart = next
                    return
                }
                yaml.append(line)
                if next != nil, bytes[line.upperBound] != UInt8(ascii: "\n") { endInLineFeeds = false }
                cursor = next
            }
        }

        /// The line starting at `start` without its line break, and where the next line starts (`nil` after the
        /// last). Lines end as in CommonMark and YAML: at `\n`, `\r\n` or a lone `\r`.
        static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Range<Int>, Int?) {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
            guard end < bytes.count else { return (start..<end, nil) }
            let isCRLF = bytes[end] == UInt8(ascii: "\r") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\n")
            return (start..<end, end + (isCRLF ? 2 : 1))
        }

        /// Whether the line is three `mark`s and then only spaces, tabs or carriage returns: what comparing the line
        /// without its trailing white space characters to the three marks says, read from the bytes instead of
        /// characters (a combining mark that would join a mark or a space into another character is a byte outside
        /// the set).
        static func isMark(_ line: Slice<UnsafeBufferPointer<UInt8>>, of mark: UInt8) -> Bool {
            guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == mark }) else { return false }
            return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        }
    }
}

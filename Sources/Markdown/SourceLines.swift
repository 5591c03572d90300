/// The lines of a source text, for locating things cmark does not give positions for.
struct SourceLines {
    private let lines: [Substring]

    /// Splits on `\n` and `\r\n`.
    init(_ text: String) {
        // "\r\n" is one Character in Swift, so it has to be named as a separator of its own.
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// The line with this number (from 1), or an empty line outside the text.
    subscript(number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Lines `first...last`, clamped to the text.
    func range(_ first: Int, _ last: Int) -> [Substring] {
        let lower = max(first, 1)
        let upper = min(last, lines.count)
        return lower <= upper ? Array(lines[(lower - 1)..<upper]) : []
    }

    /// The first place at or after `start` within lines `start.line...lastLine` where `needle` occurs.
    func find(_ needle: String, from start: (line: Int, column: Int), through lastLine: Int) -> (line: Int, column: Int)? {
        guard !needle.isEmpty, start.line >= 1 else { return nil }
        var line = start.line
        var column = start.column
        while line <= min(lastLine, lines.count) {
            let text = lines[line - 1].utf8
            if column <= text.count, let offset = Self.offset(of: Array(needle.utf8), in: text.dropFirst(column - 1)) {
                return (line, column + offset)
            }
            line += 1
            column = 1
        }
        return nil
    }

    private static func offset(of needle: [UInt8], in haystack: Substring.UTF8View.SubSequence) -> Int? {
        let bytes = Array(haystack)
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}

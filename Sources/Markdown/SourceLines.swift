/// The lines of a source text, for locating things cmark does not give positions for.
///
/// Lines are found by one scan of the UTF-8 bytes; a line is cut out of the text only when asked for.
struct SourceLines {
    private let text: String
    /// The UTF-8 offset where each line starts, and one past the end of the text.
    private let starts: [Int]

    /// Splits on `\n`; a `\r` before it is not part of the line.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var starts = [0]
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
            starts.append(bytes.count + 1)
        }
        self.starts = starts
    }

    private var count: Int { starts.count - 1 }

    /// The UTF-8 offsets of a line's text, without its line break.
    private func bounds(_ number: Int) -> Range<Int> {
        let start = starts[number - 1]
        var end = max(start, starts[number] - 1)
        if end > start, text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The line with this number (from 1), or an empty line outside the text.
    subscript(number: Int) -> Substring {
        guard number >= 1, number <= count else { return "" }
        let range = bounds(number)
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    /// Lines `first...last`, clamped to the text.
    func range(_ first: Int, _ last: Int) -> [Substring] {
        let lower = max(first, 1)
        let upper = min(last, count)
        return lower <= upper ? (lower...upper).map { self[$0] } : []
    }

    /// The first place at or after `start` within lines `start.line...lastLine` where `needle` occurs.
    func find(_ needle: String, from start: (line: Int, column: Int), through lastLine: Int) -> (line: Int, column: Int)? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, start.line >= 1 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (line: Int, column: Int)? in
            var line = start.line
            var column = start.column
            while line <= min(lastLine, count) {
                let range = bounds(line)
                var index = range.lowerBound + column - 1
                while index + pattern.count <= range.upperBound {
                    if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                        return (line, index - range.lowerBound + 1)
                    }
                    index += 1
                }
                line += 1
                column = 1
            }
            return nil
        } ?? nil
    }
}

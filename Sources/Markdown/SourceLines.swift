#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a source text, for locating things cmark does not give positions for.
///
/// Lines are found by one scan of the UTF-8 bytes; a line is cut out of the text only when asked for.
///
/// Searching is bounded: every byte `find` looks at is paid from a budget of a few times the text's size, and once
/// it is spent `find` answers `nil` at once (callers then fall back to the block's start). Without the bound, hostile
/// input such as 75,000 links whose destinations cmark unescaped (`x&amp;y`), so that they never match the source,
/// makes every search scan the rest of its block: quadratic time.
struct SourceLines {
    private let text: String
    /// The UTF-8 offset where each line starts, and one past the end of the text.
    private let starts: [Int]
    /// How many more bytes `find` may look at.
    private var budget: Int

    /// Splits on `\n`, `\r\n` and a lone `\r`, the line endings of CommonMark, so line numbers agree with cmark's.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var starts = [0]
        text.utf8.withContiguousStorageIfAvailable { bytes in
            if let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil {
                // Without a carriage return every line ends at a line feed, which memchr finds far faster than a loop.
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
            } else {
                for index in bytes.indices {
                    let isLineEnd = bytes[index] == UInt8(ascii: "\n")
                        || (bytes[index] == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
                    if isLineEnd { starts.append(index + 1) }
                }
            }
            starts.append(bytes.count + 1)
        }
        self.starts = starts
        budget = 16 * text.utf8.count + (1 << 20)
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

    /// Whether any of lines `first...last` (clamped to the text) passes `test`, given its UTF-8 bytes without the
    /// line break; no line is cut out of the text.
    func anyLine(_ first: Int, _ last: Int, where test: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        let lower = max(first, 1)
        let upper = min(last, count)
        guard lower <= upper else { return false }
        // The text was made contiguous in `init`, so the answer is never the fallback.
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            (lower...upper).contains { test(bytes[bounds($0)]) }
        } ?? true
    }

    /// Whether lines `first...last` (clamped to the text, line breaks included) hold either byte.
    func contains(_ byte: UInt8, or other: UInt8, lines first: Int, _ last: Int) -> Bool {
        let lower = max(first, 1)
        let upper = min(last, count)
        guard lower <= upper else { return false }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            let start = starts[lower - 1]
            let length = min(starts[upper], bytes.count) - start
            return memchr(base + start, Int32(byte), length) != nil || memchr(base + start, Int32(other), length) != nil
        } ?? true
    }

    /// Lines `first...last`, clamped to the text.
    func range(_ first: Int, _ last: Int) -> [Substring] {
        let lower = max(first, 1)
        let upper = min(last, count)
        return lower <= upper ? (lower...upper).map { self[$0] } : []
    }

    /// The first place at or after `start` within lines `start.line...lastLine` where `needle` occurs; `nil` when it
    /// does not, or when the search budget is spent.
    mutating func find(_ needle: String, from start: (line: Int, column: Int), through lastLine: Int) -> (line: Int, column: Int)? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, start.line >= 1 else { return nil }
        var budget = self.budget
        defer { self.budget = budget }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (line: Int, column: Int)? in
            var line = start.line
            var column = max(start.column, 1)
            while line <= min(lastLine, count) {
                let range = bounds(line)
                var index = range.lowerBound + column - 1
                while index + pattern.count <= range.upperBound {
                    budget -= 1
                    guard budget > 0 else { return nil }
                    if bytes[index] == first {
                        budget -= pattern.count
                        if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return (line, index - range.lowerBound + 1) }
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

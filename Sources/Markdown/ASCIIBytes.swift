#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small scans over UTF-8 bytes, for the hot paths that would otherwise walk `Character`s.
enum ASCIIBytes {
    static func isASCII(_ byte: UInt8) -> Bool { byte < 0x80 }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII characters Unicode calls white space.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// The range of `bytes` without ASCII white space at either end, or `nil` when a byte left at an end is not ASCII.
    ///
    /// With ASCII bytes at both cut points the result is what trimming white space `Character`s gives; next to a
    /// non-ASCII byte it may not be (a space followed by a combining mark is one white space character).
    static func trimmedRange(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        var end = bytes.count
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        guard start == end || (isASCII(bytes[start]) && isASCII(bytes[end - 1])) else { return nil }
        return start..<end
    }

    /// The offset of the first occurrence of `needle` in `bytes`, or `nil`: its first byte found by `memchr`, the
    /// rest compared with `memcmp`.
    static func firstOffset(of needle: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard let first = needle.first, let base = bytes.base.baseAddress else { return nil }
        var index = bytes.startIndex
        while index + needle.count <= bytes.endIndex,
            let found = memchr(base + index, Int32(first), bytes.endIndex - needle.count + 1 - index)
        {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needle, needle.count) == 0 { return index }
            index += 1
        }
        return nil
    }
}

extension TextFile {
    /// The bytes as a string when they are valid UTF-8, or `nil`, at about the cost of copying them.
    ///
    /// `String(validating:as:)` checks all-ASCII bytes in one fast pass, but as soon as one byte is not ASCII it
    /// decodes the whole buffer byte by byte, about eight times slower, and most course files hold a few curly quotes
    /// or accented letters. Here the ASCII runs are skipped eight bytes at a time and only the stretches of non-ASCII
    /// bytes between them are validated, by the standard library. An ASCII byte is a whole character and never part of
    /// another, so the bytes are valid exactly when every such stretch is; they are then copied without a second
    /// validation, into the same string, ASCII flag included, that `String(validating:as:)` makes.
    static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard #available(macOS 26, *) else { return String(validating: bytes, as: UTF8.self) }
        let firstNonASCII = firstNonASCIIOffset(in: bytes, from: 0)
        var stretchStart = firstNonASCII
        while stretchStart < bytes.count {
            var stretchEnd = stretchStart + 1
            while stretchEnd < bytes.count, bytes[stretchEnd] >= 0x80 { stretchEnd += 1 }
            do {
                _ = try UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[stretchStart..<stretchEnd]).span)
            } catch {
                return nil
            }
            stretchStart = firstNonASCIIOffset(in: bytes, from: stretchEnd)
        }
        // Skipping validation is safe only if the reasoning above holds; debug builds (the tests) check it.
        assert(String(validating: bytes, as: UTF8.self) != nil, "the stretch-by-stretch validation accepted invalid UTF-8")
        return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: firstNonASCII == bytes.count))
    }

    /// The offset of the first byte at or after `start` that is not ASCII, or `bytes.count`; eight bytes are tested at
    /// once, four such words per step while all are ASCII.
    static func firstNonASCIIOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func word(at offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = start
        while offset + 32 <= bytes.count,
            (word(at: offset) | word(at: offset + 8) | word(at: offset + 16) | word(at: offset + 24)) & highBits == 0
        {
            offset += 32
        }
        while offset + 8 <= bytes.count {
            let high = word(at: offset) & highBits
            // Little-endian: the lowest set bit belongs to the first byte that is not ASCII.
            if high != 0 { return offset + high.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < bytes.count, bytes[offset] < 0x80 { offset += 1 }
        return offset
    }
}

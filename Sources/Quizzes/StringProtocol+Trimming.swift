extension StringProtocol {
    /// The text without leading and trailing characters made of scalars from `set` (so `"\r\n"` counts).
    ///
    /// `set` is ASCII at every call site, so the bytes are trimmed directly; where a trimmed edge could fall
    /// inside a character (a space before a combining mark, `\r` before `\n`), the characters are trimmed instead.
    func trimming(_ set: String) -> String {
        let text = Substring(self)
        let utf8 = text.utf8
        let trimmed = set.utf8
        guard trimmed.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(set) }
        var lower = utf8.startIndex
        var upper = utf8.endIndex
        while lower != upper, trimmed.contains(utf8[lower]) { lower = utf8.index(after: lower) }
        while upper != lower, trimmed.contains(utf8[utf8.index(before: upper)]) { upper = utf8.index(before: upper) }
        if lower != upper {
            if lower != utf8.startIndex, !Self.isCharacterBoundary(utf8[utf8.index(before: lower)], utf8[lower]) {
                return text.trimmingCharacters(set)
            }
            if upper != utf8.endIndex, !Self.isCharacterBoundary(utf8[utf8.index(before: upper)], utf8[upper]) {
                return text.trimmingCharacters(set)
            }
        }
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmed: String { trimming(" \t\r\n") }
}

extension String {
    /// `trimmed` read from a `String`'s contiguous bytes, returning the string itself when there is nothing to trim:
    /// the generic version walks a `Substring`'s byte view, which costs far more per byte.
    var trimmed: String {
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let kept = Self.trimmedRange(of: bytes) else { return nil }
            if kept == 0..<bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
        }
        return (fast ?? nil) ?? trimming(" \t\r\n")
    }

    /// The bytes `trimmed` keeps, or `nil` where an edge might fall inside a character (the rare texts `trimmed`
    /// trims one character at a time).
    static func trimmedRange(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        func isTrimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var lower = 0
        var upper = bytes.count
        while lower < upper, isTrimmed(bytes[lower]) { lower += 1 }
        while upper > lower, isTrimmed(bytes[upper - 1]) { upper -= 1 }
        if lower != upper {
            if lower > 0, !isCharacterBoundary(bytes[lower - 1], bytes[lower]) { return nil }
            if upper < bytes.count, !isCharacterBoundary(bytes[upper - 1], bytes[upper]) { return nil }
        }
        return lower..<upper
    }
}

extension Substring {
    /// `trimming(_:)` one `Character` at a time: the definition the byte version keeps to.
    fileprivate func trimmingCharacters(_ set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        func isTrimmed(_ character: Character) -> Bool { character.unicodeScalars.allSatisfy(scalars.contains) }
        var text = self
        while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        return String(text)
    }
}

extension StringProtocol {
    /// Whether a character surely ends between these two bytes: both ASCII and not `\r\n`. (Non-ASCII neighbours,
    /// such as a combining mark after a space, may join the byte next to them into one character.)
    static func isCharacterBoundary(_ before: UInt8, _ after: UInt8) -> Bool {
        before < 0x80 && after < 0x80 && !(before == 0x0D && after == 0x0A)
    }
}

extension String {
    /// The text with every line break replaced.
    func replacingNewlines(with replacement: String) -> String {
        // Only bytes 0x0A–0x0D and the lead bytes of U+0085, U+2028 and U+2029 can start a line break.
        guard utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
        return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: replacement)
    }
}

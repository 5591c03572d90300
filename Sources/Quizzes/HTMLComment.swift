/// Reads HTML blocks that are comments: the `<!-- id: … -->` line and authors' notes.
enum HTMLComment {
    /// The text inside `<!-- … -->` when the block is exactly one comment, else `nil`.
    static func text(of literal: String) -> String? {
        if let text = asciiText(of: literal) { return text }
        return characterText(of: literal)
    }

    /// `text(of:)` read from the bytes, when the literal is ASCII without `\r`: then every byte is a character.
    /// `nil` for any other literal, which the reading by characters takes.
    static func asciiText(of literal: String) -> String?? {
        literal.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
            var lower = 0
            var upper = bytes.count
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            let open = Array("<!--".utf8), close = Array("-->".utf8)
            guard upper - lower >= 7, bytes[lower..<(lower + 4)].elementsEqual(open), bytes[(upper - 3)..<upper].elementsEqual(close) else {
                return .some(nil)
            }
            lower += 4
            upper -= 3
            var hyphens = 0
            for byte in bytes[lower..<upper] {
                if byte == UInt8(ascii: ">"), hyphens >= 2 { return .some(nil) }
                hyphens = byte == UInt8(ascii: "-") ? hyphens + 1 : 0
            }
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self))
        } ?? nil
    }

    /// `text(of:)` by characters: the definition the byte reading keeps to.
    static func characterText(of literal: String) -> String? {
        let trimmed = literal.trimming(" \t\r\n")
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3)
        // Foundation's search, for text beyond ASCII, costs more than the rest of the reading: ASCII is searched here.
        let isASCII = inner.utf8.allSatisfy { $0 < 0x80 }
        guard isASCII ? !containsEnd(inner.utf8) : !inner.contains("-->") else { return nil }
        return inner.trimming(" \t\r\n")
    }

    /// Whether the bytes hold `-->`.
    private static func containsEnd(_ bytes: Substring.UTF8View) -> Bool {
        var hyphens = 0
        for byte in bytes {
            if byte == UInt8(ascii: ">"), hyphens >= 2 { return true }
            hyphens = byte == UInt8(ascii: "-") ? hyphens + 1 : 0
        }
        return false
    }

    /// Whether a comment is meant as the question's id: it starts with `id` and a `:`, `=` or space.
    static func isIDComment(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("id") else { return false }
        let next = lowered.dropFirst(2).first
        return next == nil || next == ":" || next == "=" || next == " "
    }

    /// The id in `id: lower-case-slug`, or `nil` when the comment is malformed.
    static func id(in text: String) -> String? {
        guard text.hasPrefix("id:") else { return nil }
        let id = text.dropFirst(3).trimming(" \t")
        return isSlug(id) ? id : nil
    }

    /// Lower-case ASCII letters and digits in words joined by single hyphens.
    static func isSlug(_ text: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen  // so a leading hyphen is one too many
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case hyphen where previous != hyphen: break
            default: return false
            }
            previous = byte
        }
        return previous != hyphen  // neither empty nor ending in a hyphen
    }
}

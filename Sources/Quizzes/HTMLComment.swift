/// Reads HTML blocks that are comments: the `<!-- id: … -->` line and authors' notes.
enum HTMLComment {
    /// The text inside `<!-- … -->` when the block is exactly one comment, else `nil`.
    static func text(of literal: String) -> String? {
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

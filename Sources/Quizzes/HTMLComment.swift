/// Reads HTML blocks that are comments: the `<!-- id: … -->` line and authors' notes.
enum HTMLComment {
    /// The text inside `<!-- … -->` when the block is exactly one comment, else `nil`.
    static func text(of literal: String) -> String? {
        let trimmed = literal.trimming(" \t\r\n")
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3)
        guard !inner.contains("-->") else { return nil }
        return inner.trimming(" \t\r\n")
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
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return !text.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}

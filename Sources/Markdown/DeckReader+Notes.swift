extension DeckReader {
    /// The text inside `<!-- ... -->` when the block is exactly one comment, else `nil`.
    ///
    /// Almost every HTML block is decided from its UTF-8 bytes alone; the rules are those of `Character`s, so a block
    /// whose edges hold a non-ASCII byte (where a combining mark or a Unicode space could change a character's
    /// boundaries) is left to the `Character`-based reading, as is a block with a second `-->` inside.
    static func commentText(_ literal: String) -> String? {
        switch quickCommentText(literal) {
        case .comment(let text): text
        case .notComment: nil
        case .undecided: characterCommentText(literal)
        }
    }
}

private enum CommentReading {
    case comment(String)
    case notComment
    case undecided

    static let open = Array("<!--".utf8)
    static let close = Array("-->".utf8)
}

extension DeckReader {
    /// The reading by `Character`s, which `commentText` falls back to.
    static func characterCommentText(_ literal: String) -> String? {
        let trimmed = Substring(literal).trimmingWhitespaceAndNewlines()
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3)
        guard !inner.contains("-->") else { return nil }
        return String(inner.trimmingWhitespaceAndNewlines())
    }
}

private extension DeckReader {
    /// The reading from bytes, valid where every edge it cuts at is an ASCII byte next to an ASCII byte: there
    /// `Character` boundaries fall between the bytes, and a character is white space exactly when its byte is.
    static func quickCommentText(_ literal: String) -> CommentReading {
        let reading = literal.utf8.withContiguousStorageIfAvailable { bytes -> CommentReading in
            guard let outer = ASCIIBytes.trimmedRange(of: bytes) else { return .undecided }
            let (open, close) = (CommentReading.open, CommentReading.close)
            guard outer.count >= open.count + close.count else { return .notComment }
            let head = bytes[outer.lowerBound..<(outer.lowerBound + open.count)]
            let tail = bytes[(outer.upperBound - close.count)..<outer.upperBound]
            guard head.allSatisfy(ASCIIBytes.isASCII), tail.allSatisfy(ASCIIBytes.isASCII) else { return .undecided }
            guard head.elementsEqual(open), tail.elementsEqual(close) else { return .notComment }
            let inner = (outer.lowerBound + open.count)..<(outer.upperBound - close.count)
            // `<!--` or `-->` joined to a non-ASCII neighbour may not be those characters at all.
            if !inner.isEmpty, !ASCIIBytes.isASCII(bytes[inner.lowerBound]) || !ASCIIBytes.isASCII(bytes[inner.upperBound - 1]) {
                return .undecided
            }
            if ASCIIBytes.firstOffset(of: close, in: bytes[inner]) != nil { return .undecided }
            guard let text = ASCIIBytes.trimmedRange(of: UnsafeBufferPointer(rebasing: bytes[inner])) else { return .undecided }
            let start = inner.lowerBound + text.lowerBound
            return .comment(String(decoding: bytes[start..<(start + text.count)], as: UTF8.self))
        }
        return reading ?? .undecided
    }
}

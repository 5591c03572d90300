#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DeckReader {
    /// Every slide's notes (Markdown, `""` for none) rendered as HTML, in order; always in cmark's safe mode.
    ///
    /// Each slide's notes are a document of their own. When no slide's notes can change how another's are read, they
    /// are parsed as one document with a marker paragraph between them and its HTML is cut at the markers: the same
    /// HTML for a fraction of the cost of a parser per slide. Notes can reach past a blank line and a paragraph at
    /// the margin only through a block that such a line does not close (a fenced code block, an HTML block: lines
    /// starting with a backtick, `~` or `<`) or a link reference definition (`]:`): with any of those, or with the
    /// marker's own control character, every slide's notes are rendered on their own.
    static func notesHTML(_ notes: [String]) -> [String] {
        let written = notes.filter { !$0.isEmpty }
        let separately = { notes.map { $0.isEmpty ? "" : renderNotes($0) } }
        guard written.count > 1, written.allSatisfy(canShareADocument) else { return separately() }
        let html = renderNotes(written.joined(separator: "\n\n\(NotesMarker.text)\n\n"))
        let parts = NotesMarker.split(html)
        guard parts.count == written.count else { return separately() }
        var next = parts.makeIterator()
        return notes.map { $0.isEmpty ? "" : next.next()! }
    }

    private static func renderNotes(_ markdown: String) -> String {
        withCmarkDocument(parsing: markdown, options: CmarkOptions()) { $0.html(options: CmarkOptions()) }
    }

    /// Whether notes leave nothing open past a blank line and a paragraph at the margin, and define no link references.
    ///
    /// Found with `memchr`: the marker's byte, every `]` (is a `:` next?), and every line's first byte after its spaces
    /// and tabs. Notes with a carriage return (a line break of its own) are read byte by byte.
    static func canShareADocument(_ notes: String) -> Bool {
        var notes = notes
        return notes.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            let count = bytes.count
            if memchr(base, Int32(NotesMarker.byte), count) != nil { return false }
            if memchr(base, 0x0D, count) != nil { return canShareADocumentByBytes(bytes) }
            func offset(of pointer: UnsafeMutableRawPointer) -> Int { base.distance(to: pointer.assumingMemoryBound(to: UInt8.self)) }
            var from = 0
            while from < count, let bracket = memchr(base + from, Int32(UInt8(ascii: "]")), count - from) {
                let index = offset(of: bracket)
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: ":") { return false }
                from = index + 1
            }
            var lineStart = 0
            while lineStart < count {
                var index = lineStart
                while index < count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") || bytes[index] == UInt8(ascii: "<") {
                    return false
                }
                guard index < count, let newline = memchr(base + index, Int32(UInt8(ascii: "\n")), count - index) else { break }
                lineStart = offset(of: newline) + 1
            }
            return true
        }
    }

    /// `canShareADocument` one byte at a time: the definition the search above keeps to.
    static func canShareADocumentByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): atLineStart = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"): break
            case UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "<"):
                if atLineStart { return false }
            case UInt8(ascii: ":"):
                if previous == UInt8(ascii: "]") { return false }
                atLineStart = false
            case NotesMarker.byte: return false
            default: atLineStart = false
            }
            previous = byte
        }
        return true
    }

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

/// The paragraph between two slides' notes when they are parsed as one document, and what cmark makes of it.
private enum NotesMarker {
    static let byte: UInt8 = 0x01
    static let text = "\u{1}lectern-notes\u{1}"
    static let html = Array("<p>\(text)</p>\n".utf8)

    /// The HTML cut at every marker paragraph, from its bytes: the marker is ASCII from its `<` to its line break.
    static func split(_ html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes in
            var parts: [String] = []
            var start = 0
            while let found = ASCIIBytes.firstOffset(of: Self.html, in: bytes[start...]) {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<found]), as: UTF8.self))
                start = found + Self.html.count
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
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

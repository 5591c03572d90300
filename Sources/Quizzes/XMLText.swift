/// Escaping for the QTI export's XML: the one place text and HTML become XML.
///
/// Both work on UTF-8 bytes: every character they drop or escape is one scalar, either ASCII or U+FFFE/U+FFFF.
enum XMLText {
    /// Text for element content or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ByteWriter(capacity: text.utf8.count)
        append(escaping: text, to: &escaped)
        return escaped.text
    }

    /// cmark's HTML as XML content: it is already well-formed in safe mode (`<br />`, escaped text);
    /// only characters XML 1.0 forbids are dropped.
    static func fragment(_ html: String) -> String {
        var fragment = ByteWriter(capacity: html.utf8.count)
        append(fragment: html, to: &fragment)
        return fragment.text
    }

    /// `escape(_:)` written at the end of `output`.
    static func append(escaping text: String, to output: inout ByteWriter) {
        var text = text
        text.withUTF8 { append($0, to: &output, escapingMarkup: true) }
    }

    /// `fragment(_:)` written at the end of `output`.
    static func append(fragment html: String, to output: inout ByteWriter) {
        var html = html
        html.withUTF8 { append($0, to: &output, escapingMarkup: false) }
    }

    /// `fragment(html.trimmed)` written at the end of `output`, trimmed in place instead of through a new `String`.
    static func append(trimmedFragment html: String, to output: inout ByteWriter) {
        var html = html
        let done = html.withUTF8 { bytes in
            guard let trimmed = String.trimmedRange(of: bytes) else { return false }
            append(UnsafeBufferPointer(rebasing: bytes[trimmed]), to: &output, escapingMarkup: false)
            return true
        }
        if !done { append(fragment: html.trimmed, to: &output) }
    }
}

private extension XMLText {
    /// Copies `bytes`, dropping what XML forbids and, with `escapingMarkup`, escaping `& < > "`: the runs between
    /// such bytes (nearly all the text) are copied whole.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteWriter, escapingMarkup: Bool) {
        let special = escapingMarkup ? markupBytes : forbiddenBytes
        var copied = 0
        var index = special.firstIndex(in: bytes, from: 0)
        while index < bytes.count {
            let byte = bytes[index]
            var skipped = 1
            if byte == 0xEF {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF; any other scalar from EF is kept.
                guard index &+ 2 < bytes.count, bytes[index &+ 1] == 0xBF, bytes[index &+ 2] >= 0xBE else {
                    index = special.firstIndex(in: bytes, from: index &+ 1)
                    continue
                }
                skipped = 3
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            switch byte {
            case UInt8(ascii: "&"): output.append("&amp;")
            case UInt8(ascii: "<"): output.append("&lt;")
            case UInt8(ascii: ">"): output.append("&gt;")
            case UInt8(ascii: "\""): output.append("&quot;")
            default: break  // a control character XML 1.0 forbids, or U+FFFE/U+FFFF
            }
            copied = index &+ skipped
            index = special.firstIndex(in: bytes, from: copied)
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
    }

    /// The bytes a fragment drops: the C0 controls but tab, line feed and return; and 0xEF, the first byte of
    /// U+FFFE and U+FFFF (and of the scalars around them, which are kept).
    static let forbiddenBytes = ByteSet(forbiddenControls + [0xEF])

    /// `forbiddenBytes` and the bytes that text escapes: `& < > "`.
    static let markupBytes = ByteSet(forbiddenControls + [0xEF] + Array("&<>\"".utf8))

    static let forbiddenControls: [UInt8] = (0..<0x20).filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
}

extension GIFTExporter {
    /// Escapes GIFT's special characters: `\` first, then `~ = # { } :`; newlines become `\n`.
    static func escape(_ text: String) -> String {
        var escaped = ByteWriter(capacity: text.utf8.count + 16)
        append(escaping: Substring(text), to: &escaped)
        return escaped.text
    }

    /// HTML for GIFT: trailing newlines dropped, then escaped.
    static func html(_ html: String) -> String {
        var escaped = ByteWriter(capacity: html.utf8.count + 16)
        append(html: html, to: &escaped)
        return escaped.text
    }

    /// `html(_:)` written at the end of `output`.
    static func append(html: String, to output: inout ByteWriter) {
        var html = html
        let done = html.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, (0x0A...0x0D).contains(bytes[end - 1]) { end -= 1 }
            // Before a non-ASCII scalar the text may end in a rarer line break: `droppingTrailingNewlines` knows them.
            guard end == 0 || bytes[end - 1] < 0x80 else { return false }
            return appendEscapingBytes(UnsafeBufferPointer(rebasing: bytes[..<end]), to: &output)
        }
        if !done { append(escaping: droppingTrailingNewlines(html), to: &output) }
    }

    /// `#feedback`, or nothing, written at the end of `output`.
    static func append(feedback html: String?, to output: inout ByteWriter) {
        guard let html else { return }
        output.append(UInt8(ascii: "#"))
        append(html: html, to: &output)
    }

    /// `escape(_:)` written at the end of `output`.
    static func append(escaping text: Substring, to output: inout ByteWriter) {
        var text = text
        if !text.withUTF8({ appendEscapingBytes($0, to: &output) }) {
            appendEscapingCharacters(text, to: &output)
        }
    }

    /// The character-by-character definition of `escape(_:)`.
    static func appendEscapingCharacters(_ text: Substring, to output: inout ByteWriter) {
        for character in text {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":":
                output.append(UInt8(ascii: "\\"))
                output.append(utf8: String(character))
            case "\n", "\r\n": output.append("\\n")
            default: output.append(utf8: String(character))
            }
        }
    }

    /// The text without trailing line breaks (`\n`, `\r`, and the rarer ones `Character.isNewline` knows).
    static func droppingTrailingNewlines(_ text: String) -> Substring {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end != utf8.startIndex, (0x0A...0x0D).contains(utf8[utf8.index(before: end)]) {
            end = utf8.index(before: end)
        }
        // A line break byte always ends a character, so the cut is a character boundary; U+0085, U+2028 and
        // U+2029 (which end in 0x85, 0xA8 and 0xA9) are left to the character-by-character version.
        if end != utf8.startIndex, utf8[utf8.index(before: end)] >= 0x80 {
            var trimmed = Substring(text)
            while trimmed.last?.isNewline == true { trimmed = trimmed.dropLast() }
            return trimmed
        }
        return Substring(utf8[..<end])
    }
}

private extension GIFTExporter {
    /// `escape(_:)` on the bytes: the runs between special bytes (nearly all the text) are copied whole.
    ///
    /// The rules are defined on characters, though, and a special character next to a non-ASCII scalar may be part
    /// of a larger one (`#️⃣` is `#` and two more scalars), which is not escaped: for such rare texts this writes
    /// nothing and returns `false`, and they are escaped one character at a time.
    static func appendEscapingBytes(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteWriter) -> Bool {
        let start = output.count
        var copied = 0
        var index = specialBytes.firstIndex(in: bytes, from: 0)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                // `\r\n` is one character, escaped as `\n` like a lone `\n`: its `\r` is left out.
                let end = index > 0 && bytes[index &- 1] == UInt8(ascii: "\r") ? index &- 1 : index
                output.append(UnsafeBufferPointer(rebasing: bytes[copied..<end]))
                output.append("\\n")
            } else {
                let previous = index > 0 ? bytes[index &- 1] : 0
                let next = index &+ 1 < bytes.count ? bytes[index &+ 1] : 0
                guard previous < 0x80, next < 0x80 else {
                    output.removeLast(output.count - start)
                    return false
                }
                output.append(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            }
            copied = index &+ 1
            index = specialBytes.firstIndex(in: bytes, from: copied)
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
        return true
    }

    /// GIFT's special characters `\ ~ = # { } :` and the line feed.
    static let specialBytes = ByteSet("\\~=#{}:\n".utf8)
}

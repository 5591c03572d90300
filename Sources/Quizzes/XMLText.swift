/// Escaping for the QTI export's XML: the one place text and HTML become XML.
///
/// Both work on UTF-8 bytes: every character they drop or escape is one scalar, either ASCII or U+FFFE/U+FFFF.
enum XMLText {
    /// Text for element content or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        append(escaping: text, to: &escaped)
        return escaped
    }

    /// cmark's HTML as XML content: it is already well-formed in safe mode (`<br />`, escaped text);
    /// only characters XML 1.0 forbids are dropped.
    static func fragment(_ html: String) -> String {
        sanitized(html)
    }

    /// The text without the control characters XML 1.0 does not allow.
    static func sanitized(_ text: String) -> String {
        var result = ""
        append(fragment: text, to: &result)
        return result
    }

    /// `escape(_:)` written at the end of `output`.
    static func append(escaping text: String, to output: inout String) {
        append(text, to: &output, escapingMarkup: true)
    }

    /// `fragment(_:)` written at the end of `output`.
    static func append(fragment html: String, to output: inout String) {
        append(html, to: &output, escapingMarkup: false)
    }
}

private extension XMLText {
    /// Copies `text`, dropping what XML forbids and, with `escapingMarkup`, escaping `& < > "`; text that needs
    /// neither (nearly all) is appended as it is.
    static func append(_ text: String, to output: inout String, escapingMarkup: Bool) {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { needsWork($0, escapingMarkup: escapingMarkup) }) else {
            output += text
            return
        }
        var bytes = Array(utf8[..<first])
        bytes.reserveCapacity(utf8.count + 32)
        var index = first
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "&") where escapingMarkup: bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<") where escapingMarkup: bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">") where escapingMarkup: bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where escapingMarkup: bytes.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D:
                bytes.append(byte)
            case ..<0x20:
                continue  // a control character XML 1.0 forbids
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                let rest = utf8[index...].prefix(2)
                if rest.count == 2, rest.first == 0xBF, rest.last! >= 0xBE {
                    index = utf8.index(index, offsetBy: 2)
                } else {
                    bytes.append(byte)
                }
            default:
                bytes.append(byte)
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
    }

    static func needsWork(_ byte: UInt8, escapingMarkup: Bool) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20, 0xEF: true
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): escapingMarkup
        default: false
        }
    }
}

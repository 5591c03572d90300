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

    /// `escape(_:)` written at the end of `output`.
    static func append(escaping text: String, to output: inout XMLBuffer) {
        output += rewritten(text, escapingMarkup: true) ?? text
    }

    /// `fragment(_:)` written at the end of `output`.
    static func append(fragment html: String, to output: inout XMLBuffer) {
        output += rewritten(html, escapingMarkup: false) ?? html
    }
}

/// An XML document being written, as UTF-8 bytes: appending a piece copies its bytes, where a `String` built with
/// `+=` and `+` paid for growing and for every intermediate string (a quiz's QTI items are made of thousands).
struct XMLBuffer {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    static func += (buffer: inout XMLBuffer, text: String) { buffer.bytes.append(contentsOf: text.utf8) }

    /// Appends the pieces of one line and its line break.
    mutating func appendLine(_ pieces: String...) {
        for piece in pieces { bytes.append(contentsOf: piece.utf8) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The document as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

private extension XMLText {
    /// Copies `text`, dropping what XML forbids and, with `escapingMarkup`, escaping `& < > "`; text that needs
    /// neither (nearly all) is appended as it is.
    static func append(_ text: String, to output: inout String, escapingMarkup: Bool) {
        output += rewritten(text, escapingMarkup: escapingMarkup) ?? text
    }

    /// The text rewritten, or `nil` when it needs nothing dropped or escaped.
    static func rewritten(_ text: String, escapingMarkup: Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { needsWork($0, escapingMarkup: escapingMarkup) }) else { return nil }
            // `&quot;` is the longest replacement: six bytes for one.
            return String(unsafeUninitializedCapacity: 6 * bytes.count) { buffer in
                var count = 0
                func put(_ replacement: StaticString) {
                    for byte in UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount) {
                        buffer[count] = byte
                        count &+= 1
                    }
                }
                for byte in bytes[..<first] {
                    buffer[count] = byte
                    count &+= 1
                }
                var index = first
                while index < bytes.count {
                    let byte = bytes[index]
                    index &+= 1
                    switch byte {
                    case UInt8(ascii: "&") where escapingMarkup: put("&amp;")
                    case UInt8(ascii: "<") where escapingMarkup: put("&lt;")
                    case UInt8(ascii: ">") where escapingMarkup: put("&gt;")
                    case UInt8(ascii: "\"") where escapingMarkup: put("&quot;")
                    case 0x09, 0x0A, 0x0D:
                        buffer[count] = byte
                        count &+= 1
                    case ..<0x20:
                        continue  // a control character XML 1.0 forbids
                    case 0xEF where index &+ 1 < bytes.count && bytes[index] == 0xBF && bytes[index &+ 1] >= 0xBE:
                        index &+= 2  // U+FFFE or U+FFFF, which are EF BF BE and EF BF BF
                    default:
                        buffer[count] = byte
                        count &+= 1
                    }
                }
                return count
            }
        }
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

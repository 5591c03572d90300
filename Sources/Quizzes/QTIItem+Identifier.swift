extension QTIItem {
    /// The item's identifier: ids may start with a digit, QTI identifiers may not.
    static func identifier(for question: Question) -> String { identifier("q-" + question.id) }

    /// The item's file in the package: its identifier and `.xml`.
    static func fileName(for question: Question) -> String {
        var name = ByteWriter(capacity: question.id.utf8.count + 6)
        appendIdentifier(for: question, to: &name)
        name.append(".xml")
        return name.text
    }

    /// A valid QTI identifier (an XML name without colons) made from `text`: ASCII letters, digits and `-_.`
    /// are kept, every other scalar becomes `-`.
    static func identifier(_ text: String) -> String {
        var identifier = ByteWriter(capacity: text.utf8.count + 2)
        append(identifier: text, to: &identifier)
        return identifier.text
    }

    /// `identifier(_:)` written at the end of `output`.
    static func append(identifier text: String, to output: inout ByteWriter) {
        // The identifier starts well when the text's first scalar is kept and is a letter or `_`.
        switch text.utf8.first ?? 0 {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): break
        default: output.append("q-")
        }
        appendKeepingIdentifierBytes(text, to: &output)
    }

    /// `identifier(for:)` written at the end of `output`: `q-` starts well, whatever the id.
    static func appendIdentifier(for question: Question, to output: inout ByteWriter) {
        output.append("q-")
        appendKeepingIdentifierBytes(question.id, to: &output)
    }
}

private extension QTIItem {
    /// The text's ASCII letters, digits and `-_.`, with `-` for every other scalar: a scalar's first byte is
    /// ASCII or from 0xC0 up, the bytes that continue it (0x80–0xBF) are left out.
    static func appendKeepingIdentifierBytes(_ text: String, to output: inout ByteWriter) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    output.append(byte)
                case 0x80..<0xC0:
                    continue
                default:
                    output.append(UInt8(ascii: "-"))
                }
            }
        }
    }
}

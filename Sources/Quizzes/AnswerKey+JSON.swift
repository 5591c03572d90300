extension AnswerKey {
    /// The key as compact JSON with sorted keys, the same bytes for the same key (for `data-answer`).
    ///
    /// Written directly, byte for byte what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`
    /// makes of the `Codable` shape (a page has one key per question, and an encoder per key was most of the
    /// cost): keys in byte order, nil fields left out, `"`, `\` and control characters escaped and nothing else,
    /// numbers as `description` without a trailing `.0`.
    public var json: String {
        var json = ""
        json.reserveCapacity(64)
        switch self {
        case .singleChoice(let correct), .multipleChoice(let correct), .trueFalse(let correct):
            json += #"{"correct":["#
            for (index, isCorrect) in correct.enumerated() {
                if index > 0 { json += "," }
                json += isCorrect ? "true" : "false"
            }
            json += #"],"kind":""#
            json += name
            json += #""}"#
        case .shortAnswer(let accepted, let wrong):
            Self.appendTyped(kind: "short", accepted: accepted, wrong: wrong, to: &json) { Self.append(text: $0, to: &$1) }
        case .numeric(let accepted, let wrong):
            Self.appendTyped(kind: "numeric", accepted: accepted, wrong: wrong, to: &json) { Self.append(number: $0, to: &$1) }
        }
        return json
    }
}

private extension AnswerKey {
    /// `{"accepted":[…],"kind":"…","wrong":[…]}`, a wrong answer without a value (any other) as `{"any":true}`.
    static func appendTyped<Value>(
        kind: String, accepted: [Value], wrong: [Value?], to json: inout String, _ write: (Value, inout String) -> Void
    ) {
        json += #"{"accepted":["#
        appendList(accepted, to: &json, write)
        json += #"],"kind":""# + kind + #"","wrong":["#
        appendList(wrong, to: &json) { value, json in
            if let value { write(value, &json) } else { json += #"{"any":true}"# }
        }
        json += "]}"
    }

    static func appendList<Element>(_ elements: [Element], to json: inout String, _ write: (Element, inout String) -> Void) {
        for (index, element) in elements.enumerated() {
            if index > 0 { json += "," }
            write(element, &json)
        }
    }

    /// `{"text":"…"}`.
    static func append(text: String, to json: inout String) {
        json += #"{"text":""#
        appendEscaping(text, to: &json)
        json += #""}"#
    }

    /// `{"value":…}`, `{"tolerance":…,"value":…}` or `{"max":…,"min":…}`: keys in sorted order.
    static func append(number: NumericValue, to json: inout String) {
        switch number {
        case .exact(let value):
            json += #"{"value":"#
            append(value, to: &json)
        case .approximately(let value, let tolerance):
            json += #"{"tolerance":"#
            append(tolerance, to: &json)
            json += #","value":"#
            append(value, to: &json)
        case .range(let lower, let upper):
            json += #"{"max":"#
            append(upper, to: &json)
            json += #","min":"#
            append(lower, to: &json)
        }
        json += "}"
    }

    /// A number as `JSONEncoder` writes it: its `description` without a trailing `.0` (`5`, `536.9`, `1e+16`).
    static func append(_ number: Double, to json: inout String) {
        precondition(number.isFinite, "an answer key's numbers are finite: \(number)")
        let text = number.description
        json += text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)
    }

    /// A JSON string's content: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00xx`;
    /// everything else (`/` and non-ASCII included) as it is. Every escaped byte is a whole ASCII scalar.
    static func appendEscaping(_ text: String, to json: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            json += text
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        let hex = Array("0123456789abcdef".utf8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case ..<0x20: bytes += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        json += String(decoding: bytes, as: UTF8.self)
    }
}

/// Escaping for the QTI export's XML: the one place text and HTML become XML.
enum XMLText {
    /// Text for element content or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in sanitized(text).unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// cmark's HTML as XML content: it is already well-formed in safe mode (`<br />`, escaped text);
    /// only characters XML 1.0 forbids are dropped.
    static func fragment(_ html: String) -> String {
        sanitized(html)
    }

    /// The text without the control characters XML 1.0 does not allow.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : [0x09, 0x0A, 0x0D].contains(scalar.value)
        })
        return String(result)
    }
}

import Content
import Foundation
import Rendering

/// What every page of one language shares, looked up once per builder rather than once per page or per slide.
struct LanguageTexts: Sendable {
    /// The interface texts, by key.
    let strings: [String: String]
    /// The same texts as the view model's `t`.
    let table: ViewModelValue
    /// The site's title in this language.
    let siteTitle: String
    /// The language's own name, for the language switch.
    let name: String
    /// The note beside a language the page has no translation in.
    let missingNote: String
    /// "Slide {n} of {total}", split at its placeholders.
    let slideOf: TextPattern
    /// "{minutes} minutes", split at its placeholder.
    let durationMinutes: TextPattern
    /// The `deck_*` and `quiz_*` texts as JSON, for the scripts.
    let deckStrings: String
    let quizStrings: String
    /// Whether numbers are written with a decimal comma (`536,9`).
    let usesDecimalComma: Bool

    init(_ strings: [String: String], siteTitle: String, code: String) {
        self.strings = strings
        table = .strings(NameTable(strings.mapValues(ViewModelValue.text)))
        self.siteTitle = siteTitle
        name = strings["language_name"] ?? "language_name"
        missingNote = strings["translation_missing"] ?? "translation_missing"
        slideOf = TextPattern(strings["deck_slideOf"] ?? "deck_slideOf", placeholders: ["n", "total"])
        durationMinutes = TextPattern(strings["duration_minutes"] ?? "duration_minutes", placeholders: ["minutes"])
        deckStrings = PageBuilder.scriptStrings("deck_", strings)
        quizStrings = PageBuilder.scriptStrings("quiz_", strings)
        usesDecimalComma = Locale(identifier: code).decimalSeparator == ","
    }

    /// The text of `key`, or the key itself when the theme lacks it.
    func text(_ key: String) -> String { strings[key] ?? key }
}

/// An interface text with `{name}` placeholders, split once so that filling it in is a few appends.
///
/// Fills in the same text as replacing every `{name}` in turn, as long as no value holds a placeholder itself.
struct TextPattern: Sendable, Hashable {
    private enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(Int)
    }

    private let parts: [Part]

    /// Splits `text` at every `{name}` for the names in `placeholders`; the values come in the same order.
    init(_ text: String, placeholders: [String]) {
        let tokens = placeholders.map { Array("{\($0)}".utf8) }
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x7B,
                let found = tokens.firstIndex(where: { bytes[index...].starts(with: $0) })
            else {
                index += 1
                continue
            }
            if copied < index { parts.append(.text(String(decoding: bytes[copied..<index], as: UTF8.self))) }
            parts.append(.placeholder(found))
            index += tokens[found].count
            copied = index
        }
        if copied < bytes.count { parts.append(.text(String(decoding: bytes[copied...], as: UTF8.self))) }
        self.parts = parts
    }

    /// The text with each placeholder replaced by its value.
    func filled(_ values: String...) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .placeholder(let index): result += values[index]
            }
        }
        return result
    }
}

extension PageBuilder {
    /// The interface texts whose keys start with `prefix`, without it, as JSON for a script (`deck_`, `quiz_`): the
    /// same text as `JSONSerialization` with sorted keys, which the builder of every group of modules makes anew.
    static func scriptStrings(_ prefix: String, _ strings: [String: String]) -> String {
        let table = strings.compactMap { key, value in key.hasPrefix(prefix) ? (key: String(key.dropFirst(prefix.count)), value: value) : nil }
        // JSONSerialization sorts keys without regard to case, numbers by value, in the system locale (slowly, by
        // ICU). For keys of ASCII letters that differ by more than case, that is the order of their lower-case forms.
        let isLetters = { (key: String) in !key.isEmpty && key.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } }
        let sorted = table.map { (lowered: $0.key.lowercased(), entry: $0) }.sorted { $0.lowered < $1.lowered }
        guard table.allSatisfy({ isLetters($0.key) }), zip(sorted, sorted.dropFirst()).allSatisfy({ $0.lowered != $1.lowered }) else {
            return foundationJSON(table)
        }
        var json = "{"
        for (index, item) in sorted.enumerated() {
            if index > 0 { json += "," }
            appendJSON(item.entry.key, to: &json)
            json += ":"
            appendJSON(item.entry.value, to: &json)
        }
        return json + "}"
    }

    /// `text` as a JSON string, escaped as `JSONSerialization` escapes it (`/` too).
    private static func appendJSON(_ text: String, to json: inout String) {
        json += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "/": json += "\\/"
            case "\u{8}": json += "\\b"
            case "\u{c}": json += "\\f"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{0}"..."\u{f}": json += "\\u000" + String(scalar.value, radix: 16)
            case "\u{10}"..."\u{1f}": json += "\\u00" + String(scalar.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }

    /// The table through `JSONSerialization`, for keys whose order only it knows.
    static func foundationJSON(_ table: [(key: String, value: String)]) -> String {
        let object = Dictionary(table, uniquingKeysWith: { first, _ in first })
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

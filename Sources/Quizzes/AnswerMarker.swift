import Markdown

/// The symbol at the start of an answer item: `( )`, `(x)`, `[ ]`, `[x]`, `=` or `~`.
enum AnswerMarker: Hashable {
    case radio(isCorrect: Bool)
    case checkbox(isCorrect: Bool)
    case accepted
    case wrong

    /// Markers of one family may share a list; mixing families is E015.
    enum Family: Hashable {
        case radio, checkbox, typed

        var description: String {
            switch self {
            case .radio: "`( )`/`(x)` (one right option)"
            case .checkbox: "`[ ]`/`[x]` (several right options)"
            case .typed: "`=`/`~` (typed answers)"
            }
        }
    }

    var family: Family {
        switch self {
        case .radio: .radio
        case .checkbox: .checkbox
        case .accepted, .wrong: .typed
        }
    }
}

/// What the start of an item's first paragraph holds.
enum MarkerReading: Hashable {
    /// A marker, and how many characters of the leading text it takes (spaces after it included).
    case marker(AnswerMarker, length: Int)
    /// Something that looks like a marker but is not one, such as `(a)` or `[v]` (E014).
    case unknown(String)
    /// `[x]` that cmark turned into a link because the file defines `[x]: …` (E017).
    case linkedCheckbox
    /// No marker at all.
    case none

    /// Reads the marker at the start of a paragraph.
    init(_ inlines: MarkdownInlines) {
        if let first = inlines.nodes.first, first.kind == .link, ["x", "X"].contains(first.text) {
            self = .linkedCheckbox
            return
        }
        // Only the first few characters matter, and the spaces after a marker: the rest is not split up.
        let leading = inlines.leadingText
        if let reading = Self.asciiReading(of: leading) {
            self = reading
            return
        }
        self.init(characters: leading)
    }

    /// The reading by characters: the definition `asciiReading(of:)` keeps to.
    init(characters leading: String) {
        func length(_ marker: Int) -> Int {
            marker + leading.dropFirst(marker).prefix { $0 == " " || $0 == "\t" }.count
        }
        switch leading.prefix(3) {
        case "( )": self = .marker(.radio(isCorrect: false), length: length(3))
        case "(x)", "(X)": self = .marker(.radio(isCorrect: true), length: length(3))
        case "[ ]": self = .marker(.checkbox(isCorrect: false), length: length(3))
        case "[x]", "[X]": self = .marker(.checkbox(isCorrect: true), length: length(3))
        default:
            let text = Array(leading.prefix(5))
            // `=` and `~` need a space after them, so `~/.bashrc` in a stem list is not an answer.
            if let first = text.first, first == "=" || first == "~", text.count == 1 || text[1] == " " || text[1] == "\t" {
                self = .marker(first == "=" ? .accepted : .wrong, length: length(1))
            } else if let unknown = Self.bracketed(text) {
                self = .unknown(unknown)
            } else {
                self = .none
            }
        }
    }

    /// The reading of the common starts from their bytes, where the bytes it looks at and the one after them are ASCII
    /// (so each is a character of its own): a marker and the spaces after it, or a first byte no marker starts with.
    /// `nil` for anything else, which the reading by characters takes.
    static func asciiReading(of leading: String) -> MarkerReading? {
        leading.utf8.withContiguousStorageIfAvailable { bytes -> MarkerReading? in
            func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
            // A marker of `count` bytes and the spaces and tabs after it, when the byte after those is ASCII too.
            func marker(_ marker: AnswerMarker, _ count: Int) -> MarkerReading? {
                var end = count
                while byte(end) == UInt8(ascii: " ") || byte(end) == UInt8(ascii: "\t") { end += 1 }
                return byte(end) < 0x80 ? .marker(marker, length: end) : nil
            }
            switch byte(0) {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                let close = byte(0) == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                guard byte(2) == close, byte(3) < 0x80 else { return nil }
                let isRadio = close == UInt8(ascii: ")")
                switch byte(1) {
                case UInt8(ascii: " "): return marker(isRadio ? .radio(isCorrect: false) : .checkbox(isCorrect: false), 3)
                case UInt8(ascii: "x"), UInt8(ascii: "X"): return marker(isRadio ? .radio(isCorrect: true) : .checkbox(isCorrect: true), 3)
                default: return nil
                }
            case UInt8(ascii: "="), UInt8(ascii: "~"):
                guard bytes.count == 1 || byte(1) == UInt8(ascii: " ") || byte(1) == UInt8(ascii: "\t") else { return nil }
                return marker(byte(0) == UInt8(ascii: "=") ? .accepted : .wrong, 1)
            case 0x80...:
                return nil
            default:
                // The first character starts with a byte no marker or bracket starts with.
                return MarkerReading.none
            }
        } ?? nil
    }

    /// `(…)` or `[…]` with at most three characters inside, at the very start.
    private static func bracketed(_ text: [Character]) -> String? {
        guard let open = text.first, open == "(" || open == "[" else { return nil }
        let close: Character = open == "(" ? ")" : "]"
        guard let end = text.prefix(5).dropFirst().firstIndex(of: close) else { return nil }
        let inside = text[1..<end]
        guard !inside.contains(where: { "()[]".contains($0) }) else { return nil }
        return String(text[...end])
    }
}

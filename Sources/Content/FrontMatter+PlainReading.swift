extension FrontMatter {
    /// Front matter in the plain subset of YAML that nearly every slides file is written in, read without a YAML
    /// parser; `nil` for any text outside that subset, which `parse` then reads with Yams.
    ///
    /// Yams spends about 200,000 instructions on a ten-line front matter, 3% of a whole build. The subset is kept small
    /// enough that Yams reads every text in it, without diagnostics, to the value read here:
    /// - lines `key: value` at the start of a line, for the known keys but `draft` only as `true` or `false`, each key
    ///   at most once, `title` among them;
    /// - `objectives:` alone on its line, followed by items `  - value` (two spaces), or `objectives: value` (a list of one);
    /// - `duration` only as a whole number without sign or leading zero;
    /// - values that are plain YAML text on one line: not starting with an indicator (`-?:,[]{}#&*!|>'"%@` or a
    ///   backtick) and without `: `, ` #` or a final `:`; spaces around them are no part of them, as in YAML;
    /// - empty lines, and only printable characters: no tab, carriage return, control character, `*` (which the alias
    ///   count in `YAMLReader` looks at), byte-order mark, U+FFFE, U+FFFF or Unicode line break.
    /// `FrontMatterFastPathTests` holds both readings against each other.
    init?(plainYAML yaml: String) {
        guard let frontMatter = yaml.utf8.withContiguousStorageIfAvailable(PlainYAML.frontMatter) ?? nil else { return nil }
        self = frontMatter
    }
}

/// The byte-level reading behind `FrontMatter(plainYAML:)`.
private enum PlainYAML {
    /// The keys the plain reading knows, as bits of a set.
    enum Key: UInt8 {
        case title = 1, summary = 2, slug = 4, objectives = 8, duration = 16, draft = 32
    }

    static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#")

    static func frontMatter(_ bytes: UnsafeBufferPointer<UInt8>) -> FrontMatter? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var frontMatter = FrontMatter(title: "")
        var keys: UInt8 = 0
        var takesItems = false  // after `objectives:` without a value, until the next key
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineStart == lineEnd { continue }
            if bytes[lineStart] == space {
                guard takesItems, let item = item(bytes, lineStart..<lineEnd) else { return nil }
                frontMatter.objectives.append(item)
                continue
            }
            guard !takesItems || !frontMatter.objectives.isEmpty, let (key, valueStart) = entry(bytes, lineStart..<lineEnd),
                keys & key.rawValue == 0
            else { return nil }
            keys |= key.rawValue
            takesItems = key == .objectives && valueStart == lineEnd
            if takesItems { continue }
            guard let value = text(bytes, valueStart..<lineEnd), frontMatter.set(key, to: value) else { return nil }
        }
        guard keys & Key.title.rawValue != 0, !takesItems || !frontMatter.objectives.isEmpty else { return nil }
        return frontMatter
    }

    /// The key of a line `key:` or `key: value`, and where its value starts.
    static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Key, Int)? {
        guard let colonIndex = bytes[line].firstIndex(of: colon), colonIndex + 1 == line.upperBound || bytes[colonIndex + 1] == space
        else { return nil }
        let key: Key
        switch String(decoding: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<colonIndex]), as: UTF8.self) {
        case "title": key = .title
        case "summary": key = .summary
        case "slug": key = .slug
        case "objectives": key = .objectives
        case "duration": key = .duration
        case "draft": key = .draft
        default: return nil
        }
        return (key, colonIndex + 1)
    }

    /// The value of an item line `  - value`.
    static func item(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> String? {
        guard line.count > 4, bytes[line.lowerBound + 1] == space, bytes[line.lowerBound + 2] == UInt8(ascii: "-"),
            bytes[line.lowerBound + 3] == space
        else { return nil }
        return text(bytes, line.lowerBound + 4..<line.upperBound)
    }

    /// A one-line plain YAML text without the spaces around it, or `nil` when YAML could read it as anything else.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == space { start += 1 }
        while end > start, bytes[end - 1] == space { end -= 1 }
        guard start < end, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(bytes[start]) else { return nil }
        for index in start..<end {
            if bytes[index] == colon, index + 1 == end || bytes[index + 1] == space { return nil }
            if bytes[index] == hash, bytes[index - 1] == space { return nil }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Whether every character is one the plain reading accepts (see `FrontMatter(plainYAML:)`); the bytes are UTF-8.
    static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x80 {
                guard (byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "*")) || byte == newline else { return false }
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0, afterNext = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0xC2 where next < 0xA0: return false  // U+0080-U+009F: C1 controls and the line break U+0085
            case 0xE2 where next == 0x80 && (afterNext == 0xA8 || afterNext == 0xA9): return false  // U+2028, U+2029
            case 0xEF where (next == 0xBB && afterNext == 0xBF) || (next == 0xBF && afterNext >= 0xBE):
                return false  // U+FEFF, U+FFFE, U+FFFF
            default: continue
            }
        }
        return true
    }
}

extension FrontMatter {
    /// Sets the value of a plain `key: value` line; `false` when the value is not one the plain reading accepts.
    fileprivate mutating func set(_ key: PlainYAML.Key, to value: String) -> Bool {
        switch key {
        case .title:
            title = value.trimmingCharacters(in: " \t")
            return !title.isEmpty
        case .summary: summary = value
        case .slug: slug = value
        case .objectives: objectives = [value]
        case .duration:
            guard value.utf8.count <= 9, value.utf8.first != UInt8(ascii: "0"), value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let minutes = Int(value)
            else { return false }
            duration = minutes
        case .draft:
            guard value == "true" || value == "false" else { return false }
            draft = value == "true"
        }
        return true
    }
}

import Testing
@testable import Content

/// The readings of front matter fences, key lines and slugs from their bytes agree with the character readings they
/// stand in for, kept here as the reference.
@Suite struct ByteReadingTests {
    /// Pieces of text that fences, line breaks and characters are made of, including ones that join into other characters.
    static let pieces = ["---", "...", "-", ".", "\n", "\r\n", "\r", " ", "\t", "\u{301}", "\u{FEFF}", "title: é", "slug: a", "x", "#"]

    @Test func theHeaderFindsTheFrontMatterTheCharacterReadingFinds() {
        var generator = SplitMix(seed: 99)
        for _ in 0..<3_000 {
            let text = (0..<generator.next(below: 12)).map { _ in Self.pieces[generator.next(below: Self.pieces.count)] }.joined()
            let header = FrontMatterSplit.Header(text)
            let reference = ReferenceHeader(text)
            #expect(header.yaml.map { Array($0.utf8) } == reference.yaml.map { Array($0.utf8) }, "\(text.debugDescription)")
            #expect(header.rest.map { Array($0.utf8) } == reference.rest.map { Array($0.utf8) }, "\(text.debugDescription)")
            #expect(header.lineCount == reference.lineCount && header.isUnterminated == reference.isUnterminated, "\(text.debugDescription)")
        }
    }

    @Test func aKeyLineIsFoundWhereTheCharacterReadingFindsIt() {
        var generator = SplitMix(seed: 5)
        let lines = ["slug: a", "slug:", "slug:\u{301} a", "slugs: a", " slug: a", "title: x", "", "\r", "slug:\r", "sl\u{301}ug: a"]
        for _ in 0..<1_000 {
            let yaml = (0..<generator.next(below: 6)).map { _ in lines[generator.next(below: lines.count)] }.joined(separator: "\n")
            let byCharacters = yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .firstIndex { yaml[$0.startIndex..<$0.endIndex].hasPrefix("slug:") } ?? 0
            #expect(CourseLoaderRules.lineOfKey("slug", in: yaml, firstLine: 2) == 2 + byCharacters, "\(yaml.debugDescription)")
        }
    }

    @Test(arguments: [
        "why-devops", "a", "a1-b2", "2024", "", "-", "-a", "a-", "a--b", "A", "é", "e\u{301}", "a b", "a_b", "a\u{301}", "-\u{301}",
        "a-\u{301}", "a\r\nb", "ａ", "٣", "a/b", "ß",
    ])
    func aSlugIsCleanExactlyWhenTheCharacterRuleSaysSo(slug: String) {
        let byCharacters = !slug.isEmpty && slug.first != "-" && slug.last != "-" && !slug.contains("--")
            && slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        #expect(CourseLoaderRules.isCleanSlug(slug) == byCharacters)
    }
}

/// The front matter header as it was read before, character by character: the reference for `FrontMatterSplit.Header`.
private struct ReferenceHeader {
    var yaml: String?
    var rest: Substring?
    var lineCount = 0
    var isUnterminated = false

    init(_ text: String) {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        func line(from start: Substring.Index) -> (Substring, Substring.Index?) {
            let bytes = text.utf8
            guard let end = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
                return (text[start...], nil)
            }
            var next = bytes.index(after: end)
            if bytes[end] == UInt8(ascii: "\r"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") { next = bytes.index(after: next) }
            return (text[start..<end], next)
        }
        func trimmed(_ line: Substring) -> Substring {
            var line = line
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return line
        }
        let (first, second) = line(from: text.startIndex)
        guard trimmed(first) == "---" else { return }
        var cursor = second
        var yamlLines: [Substring] = []
        while let start = cursor {
            let (line, next) = line(from: start)
            if trimmed(line) == "---" || trimmed(line) == "..." {
                yaml = yamlLines.joined(separator: "\n")
                rest = next.map { text[$0...] } ?? ""
                lineCount = yamlLines.count + (next == nil ? 1 : 2)
                return
            }
            yamlLines.append(line)
            cursor = next
        }
        isUnterminated = true
    }
}

import Testing
@testable import Content

/// The plain reading of front matter (`FrontMatter(plainYAML:)`) either declines a text or reads it exactly as Yams does.
@Suite struct FrontMatterFastPathTests {
    static let course = """
        title: Dev and Ops
        slug: dev-and-ops
        summary: Why development and operations have traditionally worked apart, and how Dev, QA and Ops come together.
        objectives:
          - You can explain why Dev and Ops have traditionally been judged on different things.
          - You can name the five “from ... to ...” shifts.
        duration: 10
        """

    @Test(arguments: [
        course, "title: A", "title: 10", "title: A  ", "title:    A b  c", "title: Waarom DevOps?\nsummary: Kort, krachtig:echt.",
        "title: C# and F#\nslug: a#b", "title: R&D, Q&A! 100% [ok] {x} it's \"so\" `x` @home", "title: From ... to ...",
        "title: http://example.org/a:b", "title: a - b ? c", "title: x\n\n\nslug: y\n", "\ntitle: x", "title: x\nobjectives: Een doel",
        "title: x\nobjectives:\n  - a\n\n  - b\nsummary: s", "title: x\nobjectives:\n\n  - a", "title: x\nobjectives:\n  -   a  ",
        "title: x\ndraft: true", "title: x\ndraft: false", "title: x\nduration: 20", "title: x\nduration: 123456789",
        "title: Één — “quotes” ‘single’ café e\u{301} \u{A0}x\u{A0}", "title: 日本語のタイトル\nsummary: Привет мир", "title: emoji 😀",
        "title: x \u{301}", "title: trailing space then mark \u{301}", "title: ~", "title: null", "title: yes", "title: 0x1F",
        "summary: s\ntitle: t\nslug: u\nduration: 5\nobjectives:\n  - o\ndraft: true",
    ])
    func aPlainFrontMatterIsReadAsYamsReadsIt(yaml: String) {
        let plain = FrontMatter(plainYAML: yaml)
        #expect(plain != nil, "the plain reading should accept this text")
        #expect(Reading(plain: yaml) == Reading(yams: yaml))
    }

    @Test(arguments: [
        // Quotes, comments, flow collections, anchors, aliases, tags, block scalars and other indicators.
        "title: 'A'", "title: \"A\"", "title: A # note", "# note\ntitle: A", "title: [a]", "title: {a: b}", "title: &a A",
        "title: *a", "title: !!str A", "title: |\n  A", "title: >\n  A", "title: -A", "title: ?A", "title: :A", "title: ,A",
        "title: ]A", "title: }A", "title: #A", "title: %A", "title: @A", "title: `A`", "title: A *b", "title: a, *b",
        // Mapping values, keys and structure YAML reads differently.
        "title: a: b", "title: a:", "title:A", "title :A", "title : A", " title: A", "Title: A", "titel: A", "title: A\ntitle: B",
        "title: A\nlayout: x", "title: A\n<<: x", "title: A\n  more", "title: A\n  - b", "title: A\nobjectives:", "title: A\nobjectives:\n",
        "title: A\nobjectives:\nslug: b", "title: A\nobjectives:\n- a", "title: A\nobjectives:\n   - a", "title: A\nobjectives:\n  - a\n   - b",
        "title: A\nobjectives:\n  - a\n    more", "title: A\nobjectives:\n  -", "title: A\nobjectives:\n  - ", "title: A\nobjectives:\n  - - a",
        "title: A\nobjectives:\n  - a: b", "title: A\nobjectives: \n  - a", "title: A\n  \nslug: b", "title:", "title:   ", "slug: a",
        "", "\n", "---\ntitle: A", "title: A\n---", "title: A\n...", "%YAML 1.2\n---\ntitle: A", "? title\n: A",
        // Values the keys need in a form YAML reads differently, or that give diagnostics.
        "title: A\nduration: 0", "title: A\nduration: 010", "title: A\nduration: +5", "title: A\nduration: -5", "title: A\nduration: 1_0",
        "title: A\nduration: 0x10", "title: A\nduration: 1234567890", "title: A\nduration: 1:30", "title: A\nduration: 5 min",
        "title: A\ndraft: yes", "title: A\ndraft: True", "title: A\ndraft: no", "title: A\ndraft: 1",
        // Characters YAML treats specially or refuses.
        "title: A\tB", "title:\tA", "title: A\r\nslug: b", "title: A\rslug: b", "title: A\u{85}B", "title: A\u{2028}B", "title: A\u{2029}B",
        "title: A\u{80}B", "title: A\u{9F}B", "title: A\u{FEFF}B", "\u{FEFF}title: A", "title: A\u{FFFE}", "title: A\u{FFFF}",
        "title: A\u{7F}", "title: A\u{1}", "title: A\u{0}B",
    ])
    func aTextOutsideThePlainSubsetIsLeftToYams(yaml: String) {
        #expect(FrontMatter(plainYAML: yaml) == nil)
    }

    /// Texts made by changing plain front matter a little, as an author might: whatever the plain reading accepts
    /// of them it reads as Yams does.
    @Test func mutatedFrontMatterIsReadAsYamsReadsItOrLeftToYams() {
        var generator = SplitMix(seed: 42)
        var accepted = 0
        let count = 2_000
        for _ in 0..<count {
            var text = Array(Self.course)
            for _ in 0...generator.next(below: 3) { Self.mutate(&text, with: &generator) }
            let yaml = String(text)
            if FrontMatter(plainYAML: yaml) != nil { accepted += 1 }
            #expect(Reading(plain: yaml) == nil || Reading(plain: yaml) == Reading(yams: yaml), "\(yaml.debugDescription)")
        }
        #expect(accepted > count / 10 && accepted < count * 9 / 10, "the mutations leave a mix of plain and other texts: \(accepted)")
    }

    /// Front matter put together from known keys in any order, with ordinary and special values, separators and
    /// item lines, and now and then an unknown or repeated key.
    @Test func generatedFrontMatterIsReadAsYamsReadsItOrLeftToYams() {
        var generator = SplitMix(seed: 2_026)
        var accepted = 0
        let count = 1_500
        for _ in 0..<count {
            let yaml = Self.generatedFrontMatter(with: &generator)
            if FrontMatter(plainYAML: yaml) != nil { accepted += 1 }
            #expect(Reading(plain: yaml) == nil || Reading(plain: yaml) == Reading(yams: yaml), "\(yaml.debugDescription)")
        }
        #expect(accepted > count / 4 && accepted < count * 3 / 4, "the generated texts are a mix of plain and other texts: \(accepted)")
    }

    static let ordinaryWords = ["A", "Waarom", "10", "C#", "é", "“q”", "a - b", "a,b [c] {d}", "http://x.org/a?b=c", "x\u{A0}", "it's", "100%"]
    static let specialWords = [
        "0", "true", "yes", "~", "null", "a: b", "a:", "'q'", "\"q\"", "x #c", "-x", "- x", "[a]", "{a}", "&a", "*a", "!a", "|", ">",
        "%", "@", "`", "?", "#", "\u{301}", "\u{85}", "\t", "",
    ]
    static let durations = [
        "5", "20", "120", "123456789", "0", "05", "+5", "-5", "1_0", "0x1F", "1:30", "5 min", "1234567890", String(repeating: "9", count: 21),
    ]
    static let drafts = ["true", "false", "yes", "no", "True", "on", "1", "~"]

    static func generatedFrontMatter(with generator: inout SplitMix) -> String {
        func pick(_ words: [String], rarely others: [String]) -> String {
            generator.next(below: 16) > 0 ? words[generator.next(below: words.count)] : others[generator.next(below: others.count)]
        }
        func text() -> String { (0...generator.next(below: 3)).map { _ in pick(ordinaryWords, rarely: specialWords) }.joined(separator: " ") }
        var lines: [String] = []
        for key in FrontMatter.knownKeys.shuffled(using: &generator) where key == "title" || generator.next(below: 3) > 0 {
            let separator = pick([": "], rarely: [":", " : ", ":   ", ":\t", ": \n  "])
            switch key {
            case "duration": lines.append(key + separator + pick(["5", "20", "120"], rarely: durations))
            case "draft": lines.append(key + separator + pick(["true", "false"], rarely: drafts))
            case "objectives" where generator.next(below: 3) > 0:
                lines.append(key + pick([":"], rarely: [": ", ": x", ":  "]))
                for _ in 0..<generator.next(below: 4) { lines.append(pick(["  - "], rarely: ["- ", " - ", "   - ", "  -", "\t- "]) + text()) }
            default: lines.append(pick([key], rarely: ["titel", "Title", "layout", " " + key]) + separator + text())
            }
            if generator.next(below: 10) == 0 { lines.append(pick([""], rarely: lines + ["#", "---", "..."])) }
        }
        return lines.joined(separator: "\n")
    }

    /// What an author might type, and what YAML treats specially.
    static let insertions = [
        ":", ": ", " ", "  ", "#", " #", "-", "- ", "'", "\"", "*", "&", "!", "|", ">", "[", "]", "{", "}", ",", "?", "%", "@", "`",
        "\t", "\n", "\n  ", "\n  - x", "\r", "é", "“", "\u{301}", "\u{A0}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{7F}", "0", "x",
        "---", "...", "title: B\n", "draft: true\n", "draft: on\n", "duration: 5\n", "duration: 05\n", "slug: ~\n", "layout: x\n",
    ]

    static func mutate(_ text: inout [Character], with generator: inout SplitMix) {
        let position = generator.next(below: text.count + 1)
        switch generator.next(below: 4) {
        case 0, 1: text.insert(contentsOf: insertions[generator.next(below: insertions.count)], at: position)
        case 2: if position < text.count { text.remove(at: position) }
        default:
            // A whole line repeated, as when a key is copied.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines[generator.next(below: lines.count)]
            text += ["\n"] + line
        }
    }
}

/// The result of reading a front matter, with its texts as UTF-8 (`==` on strings would accept canonically
/// equivalent texts as equal).
struct Reading: Equatable {
    var title: [UInt8]
    var summary: [UInt8]?
    var slug: [UInt8]?
    var objectives: [[UInt8]]
    var duration: Int?
    var draft: Bool
    var diagnostics: [String]

    init(_ frontMatter: FrontMatter, diagnostics: [String]) {
        title = Array(frontMatter.title.utf8)
        summary = frontMatter.summary.map { Array($0.utf8) }
        slug = frontMatter.slug.map { Array($0.utf8) }
        objectives = frontMatter.objectives.map { Array($0.utf8) }
        duration = frontMatter.duration
        draft = frontMatter.draft
        self.diagnostics = diagnostics
    }

    /// The plain reading, or `nil` when it declines the text.
    init?(plain yaml: String) {
        guard let frontMatter = FrontMatter(plainYAML: yaml) else { return nil }
        self.init(frontMatter, diagnostics: [])
    }

    /// Yams's reading, or `nil` when it finds errors.
    init?(yams yaml: String) {
        let (frontMatter, diagnostics) = FrontMatter.parseComposing(yaml: yaml, firstLine: 2, path: "s.md")
        guard let frontMatter else { return nil }
        self.init(frontMatter, diagnostics: diagnostics.map(\.description))
    }
}

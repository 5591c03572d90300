import Diagnostics
import Testing
@testable import Content

@Suite struct FrontMatterSplitTests {
    @Test func frontMatterLinesBecomeBlankSoLineNumbersStay() {
        let split = FrontMatterSplit("---\ntitle: A\n---\n# Slide\n")
        #expect(split.yaml == "title: A")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\n\n\n# Slide\n")
    }

    @Test func aByteOrderMarkAndCRLFLineEndingsSimplyWork() {
        let split = FrontMatterSplit("\u{FEFF}---\r\ntitle: A\r\n---\r\n# Slide\r\n")
        #expect(split.yaml == "title: A")
        #expect(split.body == "\n\n\n# Slide\r\n", "the body keeps its line endings; cmark reads CRLF")
    }

    @Test func aFileWithoutFrontMatterIsAllBody() {
        let split = FrontMatterSplit("# Slide\n")
        #expect(split.yaml == nil)
        #expect(!split.isUnterminated)
        #expect(split.body == "# Slide\n")
    }

    @Test func frontMatterThatNeverEndsIsFlagged() {
        #expect(FrontMatterSplit("---\ntitle: A\n# Slide\n").isUnterminated)
    }
}

@Suite struct FrontMatterParsingTests {
    func parse(_ yaml: String) -> (FrontMatter?, [String]) {
        let (frontMatter, diagnostics) = FrontMatter.parse(yaml: yaml, firstLine: 2, path: "s.md")
        return (frontMatter, diagnostics.map(\.description))
    }

    @Test func everyKeyIsRead() {
        let (frontMatter, diagnostics) = parse("title: Waarom\nsummary: Kort\nslug: waarom\nobjectives:\n  - Een\n  - Twee\nduration: 15\ndraft: true")
        #expect(frontMatter == FrontMatter(title: "Waarom", summary: "Kort", slug: "waarom", objectives: ["Een", "Twee"], duration: 15, draft: true))
        #expect(diagnostics == [])
    }

    /// Front matter is read with only the YAML tags Lectern needs: the typed values and merges read as before.
    @Test(arguments: [("yes", true), ("on", true), ("False", false), ("no", false)])
    func typedValuesKeepTheirYAMLMeaning(draft: String, expected: Bool) {
        let (frontMatter, diagnostics) = parse("title: 2024\nsummary: ~\nduration: +20\ndraft: \(draft)")
        #expect(frontMatter == FrontMatter(title: "2024", summary: "~", duration: 20, draft: expected))
        #expect(diagnostics == [])
    }

    @Test func aMergeKeyIsAnUnknownKeyAndQuotedTextIsNoBool() {
        let (merged, mergeDiagnostics) = parse("title: A\nbase: &b\n  summary: Samen\n<<: *b\n")
        #expect(merged?.summary == nil)
        #expect(mergeDiagnostics.contains { $0.hasPrefix("s.md:5:1: warning: unknown front matter key `<<`") })
        let (_, quotedDiagnostics) = parse("title: A\ndraft: \"true\"")
        #expect(quotedDiagnostics == ["s.md:3:8: error: `draft` must be `true` or `false`"])
    }

    @Test func keysWrittenPlainAndQuotedAreOneKey() {
        let (_, diagnostics) = parse("title: A\n1: x\n\"1\": y")
        #expect(diagnostics.contains { $0.contains("error") && $0.contains("duplicate") })
    }

    @Test func anUnknownKeyWarnsWithTheClosestKnownKey() {
        let (frontMatter, diagnostics) = parse("title: A\ntitel: B")
        #expect(frontMatter?.title == "A")
        #expect(diagnostics == ["s.md:3:1: warning: unknown front matter key `titel` is ignored; did you mean `title`?"])
    }

    @Test func aListWhereTheTitleBelongsIsAnErrorAtItsLine() {
        let (frontMatter, diagnostics) = parse("title:\n  - a\n  - b")
        #expect(frontMatter == nil)
        #expect(diagnostics == ["s.md:3:3: error: `title` must be text, not a list; write `title: your text`"])
    }

    @Test func aMissingTitleIsAnError() {
        #expect(parse("summary: x").1 == ["s.md:1:1: error: the front matter has no `title`: add a line `title: The module's title`"])
    }

    @Test func malformedYAMLIsAnErrorAtTheLineOfTheProblem() {
        let diagnostics = parse("title: A\nsummary: [open").1
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("s.md:4:1: error: malformed YAML: ") == true)
    }

    @Test func aNegativeDurationIsAnError() {
        #expect(parse("title: A\nduration: -5").1 == ["s.md:3:11: error: `duration` must be a whole number of minutes, such as `duration: 20`"])
    }
}

@Suite struct SiteConfigTests {
    @Test func aCompleteSiteYAMLIsRead() {
        let (config, diagnostics) = SiteConfig.parse(yaml: "title:\n  nl: Cursus\n  en: Course\nlanguages: [nl, en]\nbase_url: https://example.org/c", path: "site.yaml")
        #expect(diagnostics == [])
        #expect(config == SiteConfig(title: Localized([Language("nl"): "Cursus", Language("en"): "Course"]),
                                     languages: [Language("nl"), Language("en")], baseURL: "https://example.org/c/"))
    }

    @Test func aTitleMissingInALanguageIsAnError() {
        let (_, diagnostics) = SiteConfig.parse(yaml: "title:\n  nl: Cursus\nlanguages: [nl, en]\nbase_url: https://example.org/", path: "site.yaml")
        #expect(diagnostics.map(\.description) == ["site.yaml:2:3: error: the site title has no `en:` line; add the title in that language"])
    }

    @Test(arguments: ["example.org", "ftp://example.org/", "https://"])
    func aBaseURLMustBeAbsoluteHTTP(url: String) {
        let (config, diagnostics) = SiteConfig.parse(yaml: "title: C\nlanguages: [en]\nbase_url: \(url)", path: "site.yaml")
        #expect(config == nil)
        #expect(diagnostics.first?.message.hasPrefix("`base_url` must be an absolute http(s) URL") == true)
    }

    @Test func anInvalidLanguageCodeIsAnError() {
        let (_, diagnostics) = SiteConfig.parse(yaml: "title: C\nlanguages: [Dutch]\nbase_url: https://e.org/", path: "site.yaml")
        #expect(diagnostics.first?.message == "`Dutch` is not a language code; use codes such as `nl` and `en`")
    }
}

@Suite struct FrontMatterHeaderTests {
    @Test(arguments: [
        "---\ntitle: A\n---\n# Slide\n", "\u{FEFF}---\r\ntitle: A\r\nslug: b\r\n---\r\n# Slide\r\n", "# Slide\n", "",
        "---\ntitle: A\n# Slide\n", "---\ntitle: A\n...\nbody", "---\ntitle: A\n---", "---\rtitle: é\r---\r\r# x\r", "--- \n---\n",
    ])
    func theHeaderFindsWhatTheSplitFinds(text: String) {
        let header = FrontMatterSplit.Header(text)
        let split = FrontMatterSplit(text)
        #expect(header.yaml == split.yaml)
        #expect(header.yamlFirstLine == split.yamlFirstLine)
        #expect(header.isUnterminated == split.isUnterminated)
        if header.rest == nil { #expect(String(header.text) == split.body) }
    }
}

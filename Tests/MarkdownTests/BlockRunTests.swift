import Testing
@testable import Markdown

/// A run of a slide's plain blocks is rendered with one cmark call: the HTML is what rendering each block on its own
/// gives, and the tree is left as it was.
@Suite struct BlockRunTests {
    static let documents = [
        "Para *one*.\n\n- a\n- b\n\n```swift\nlet x = 1\n```\n\n> quote\n\n1. x\n\n   y\n",
        "<div>\nraw\n</div>\n\nText <b>bold</b>.\n\n    indented\n\n***\n\nÉén “quote”.\n",
        "a\r\nb\r\n\r\n- c\r\n\r\n<!-- x -->\r\n",
        "<!-- only -->\n",
        "Text\n\n<script>\n",
    ]

    @Test(arguments: documents, [false, true])
    func aRunRendersAsItsBlocksOneByOne(source: String, allowsRawHTML: Bool) {
        let options = CmarkOptions(allowsRawHTML: allowsRawHTML)
        withCmarkDocument(parsing: source, options: options) { document in
            let blocks = document.children
            let oneByOne = blocks.map { $0.html(options: options) }.joined()
            let whole = document.html(options: options)
            #expect(CmarkNode.html(ofBlocks: blocks, options: options) == oneByOne)
            #expect(document.html(options: options) == whole, "the blocks are back in their places")
            // Every other block, as when notes or tables sit between the blocks of a run.
            let some = blocks.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
            #expect(CmarkNode.html(ofBlocks: some, options: options) == some.map { $0.html(options: options) }.joined())
            #expect(document.html(options: options) == whole)
        }
    }

    @Test func aSlidesPlainBlocksAroundNotesAndTablesKeepTheirOrder() {
        let source = "## Kop\n\nEen [link](a.md).\n\n<!-- note -->\n\n- b\n\nx | y\n--|--\n1 | [c](c.md)\n\n```\ncode\n```\n"
        var seen: [String] = []
        let deck = SlideDeck(parsing: source, path: "s.md") { reference in
            seen.append(reference.destination)
            return .replace("@root@/\(reference.destination)")
        }
        #expect(deck.slides[0].html == """
            <h2 id="kop">Kop</h2>
            <p>Een <a href="@root@/a.md">link</a>.</p>
            <ul>
            <li>b</li>
            </ul>
            <table>
            <thead>
            <tr>
            <th>x</th>
            <th>y</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td><a href="@root@/c.md">c</a></td>
            </tr>
            </tbody>
            </table>
            <pre><code>code
            </code></pre>

            """)
        #expect(deck.slides[0].notesHTML == "<p>note</p>\n")
        #expect(seen == ["a.md", "c.md"])
        #expect(deck.slides[0].htmlWithHeadingsDemoted.hasPrefix("<h3 id=\"kop\">Kop</h3>\n<p>"))
    }

    @Test func headingsBetweenRunsKeepTheirIDsAndDemotionOffsets() {
        let deck = SlideDeck(parsing: "Intro\n\n# Één\n\n> q\n\nText\n\n## Twee\n\r\nEnd\r\n", path: "s.md")
        #expect(deck.slides[0].html == """
            <p>Intro</p>
            <h1 id="een">Één</h1>
            <blockquote>
            <p>q</p>
            </blockquote>
            <p>Text</p>
            <h2 id="twee">Twee</h2>
            <p>End</p>

            """)
        #expect(deck.slides[0].htmlWithHeadingsDemoted.contains("<h2 id=\"een\">Één</h2>\n<blockquote>"))
        #expect(deck.slides[0].htmlWithHeadingsDemoted.contains("<h3 id=\"twee\">Twee</h3>\n<p>End"))
    }

    @Test func rawHTMLInARunIsOmittedUnlessAllowed() {
        let source = "# T\n\nA\n\n<div>x</div>\n\nB\n"
        #expect(SlideDeck(parsing: source, path: "s.md").slides[0].html == "<h1 id=\"t\">T</h1>\n<p>A</p>\n<!-- raw HTML omitted -->\n<p>B</p>\n")
        let raw = SlideDeck(parsing: source, path: "s.md", options: MarkdownOptions(allowsRawHTML: true))
        #expect(raw.slides[0].html == "<h1 id=\"t\">T</h1>\n<p>A</p>\n<div>x</div>\n<p>B</p>\n")
    }

    @Test(arguments: [
        ("---", true), ("|:-:|", true), (" :--- | ---: ", true), ("--", true), ("| :: |", false), ("|---|x", false),
        ("-\u{301}--", false), ("", false), ("\\|---|", false),
    ])
    func aDelimiterRowNeedsOnlyPipesColonsDashesAndBlanks(line: String, mayBe: Bool) {
        let bytes = Array(line.utf8)
        bytes.withUnsafeBufferPointer { #expect(PipeTable.mayBeDelimiterRow($0[...]) == mayBe) }
    }

    /// Every line that `split` takes for a delimiter row passes the byte check, so the check never hides a table.
    @Test(arguments: [
        "a | b\n--|--", "a|b\n|:-|-:|", "a\n-", "x\n| --- |", "a | b\n :---: | --- \n1|2", "h\n|-|\\|", "a|b\n-|-\u{301}",
    ])
    func theByteCheckPassesEveryDelimiterRowSplitFinds(paragraph: String) {
        let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false)
        guard let (leading, _) = PipeTable.split(lines) else { return }
        let delimiter = Array(lines[leading.count + 1].utf8)
        delimiter.withUnsafeBufferPointer { #expect(PipeTable.mayBeDelimiterRow($0[...])) }
    }
}

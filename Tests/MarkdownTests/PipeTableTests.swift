import Testing
@testable import Markdown

/// The table examples of the GitHub Flavored Markdown specification (0.29), rendered on cmark's tree.
/// HTML5 has no `align` attribute, so the spec's `align="x"` is written `style="text-align: x"` here.
@Suite struct PipeTableTests {
    func html(_ markdown: String) -> String {
        SlideDeck(parsing: markdown, path: "t.md").slides.first?.html ?? ""
    }

    @Test func example198BasicTable() {
        #expect(html("| foo | bar |\n| --- | --- |\n| baz | bim |\n") == """
            <table>
            <thead>
            <tr>
            <th>foo</th>
            <th>bar</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>baz</td>
            <td>bim</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func example199AlignmentAndOptionalOuterPipes() {
        #expect(html("| abc | defghi |\n:-: | -----------:\nbar | baz\n") == """
            <table>
            <thead>
            <tr>
            <th style="text-align: center">abc</th>
            <th style="text-align: right">defghi</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: center">bar</td>
            <td style="text-align: right">baz</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func example200EscapedPipesInsideInlines() {
        #expect(html("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n") == """
            <table>
            <thead>
            <tr>
            <th>f|oo</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>b <code>|</code> az</td>
            </tr>
            <tr>
            <td>b <strong>|</strong> im</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func example201TableEndsAtABlockQuote() {
        #expect(html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n") == """
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            </tbody>
            </table>
            <blockquote>
            <p>bar</p>
            </blockquote>

            """)
    }

    @Test func example202TableEndsAtABlankLine() {
        #expect(html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n") == """
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            <tr>
            <td>bar</td>
            <td></td>
            </tr>
            </tbody>
            </table>
            <p>bar</p>

            """)
    }

    @Test func example203HeaderAndDelimiterMustMatch() {
        #expect(html("| abc | def |\n| --- |\n| bar |\n") == "<p>| abc | def |\n| --- |\n| bar |</p>\n")
    }

    @Test func example204RowsAreFittedToTheHeader() {
        #expect(html("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n") == """
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td></td>
            </tr>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func example205HeaderOnlyHasNoBody() {
        #expect(html("| abc | def |\n| --- | --- |\n") == """
            <table>
            <thead>
            <tr>
            <th>abc</th>
            <th>def</th>
            </tr>
            </thead>
            </table>

            """)
    }

    @Test func textBeforeTheHeaderRowStaysAParagraph() {
        #expect(html("Intro *text*\n| a |\n| - |\n").hasPrefix("<p>Intro <em>text</em></p>\n<table>\n"))
    }

    @Test func linksInCellsAreResolved() {
        var seen: [LinkReference] = []
        _ = SlideDeck(parsing: "| a |\n| - |\n| [x](y.md) |\n", path: "t.md") { seen.append($0); return .keep }
        #expect(seen == [LinkReference(kind: .link, destination: "y.md", line: 3, column: 7)])
    }
}

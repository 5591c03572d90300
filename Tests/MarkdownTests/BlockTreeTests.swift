import Testing
@testable import Markdown

/// `MarkdownTree`: cmark's blocks as plain values, with what the quiz parser needs of the inlines.
@Suite struct BlockTreeTests {
    @Test func blocksKeepTheirKindsAndLinesInAnOutline() {
        let tree = MarkdownTree(parsing: "# Title\n\n## Q\n<!-- id: a -->\n\n- ( ) a\n  > fb\n- (x) b\n\n> Why.\n\n```sh\nls\n```\n\n---\n")
        #expect(tree.outline == """
            heading(level: 1) 1-1
            heading(level: 2) 3-3
            htmlBlock 4-3
            list(ordered: false, start: 0, tight: true) 6-9
              item 6-7
                paragraph 6-6
                blockQuote 7-7
                  paragraph 7-7
              item 8-9
                paragraph 8-8
            blockQuote 10-10
              paragraph 10-10
            codeBlock(info: "sh") 12-14
            thematicBreak 16-16
            """)
    }

    @Test func codeAndHTMLBlocksKeepTheirLiteral() {
        let tree = MarkdownTree(parsing: "```sh\nls -l\n```\n\n<!-- id: a -->\n")
        #expect(tree.blocks.map(\.literal) == ["ls -l\n", "<!-- id: a -->\n"])
    }

    @Test func aParagraphSummarisesItsTopLevelInlines() {
        let inlines = MarkdownTree(parsing: "= `8080` *now*\n").blocks.first?.inlines
        #expect(inlines == MarkdownInlines(
            nodes: [
                MarkdownInline(kind: .text, text: "= "),
                MarkdownInline(kind: .code, text: "8080"),
                MarkdownInline(kind: .text, text: " "),
                MarkdownInline(kind: .emphasis, text: "now"),
            ],
            html: "= <code>8080</code> <em>now</em>",
            plainText: "= 8080 now"))
    }

    @Test func thePlainTextLeavesOutRawHTMLAndMakesBreaksSpaces() {
        let inlines = MarkdownTree(parsing: "a <b>*c*</b>  \nd ![e `f`](g)\nh\n").blocks.first?.inlines
        #expect(inlines?.plainText == "a c d e f h")
    }

    @Test func bracketMarkersStayTextWithoutALinkDefinition() {
        let tree = MarkdownTree(parsing: "- [ ] a\n- [x] b\n")
        #expect(tree.blocks.first?.children.compactMap { $0.children.first?.inlines?.leadingText } == ["[ ] a", "[x] b"])
    }

    @Test func aLinkDefinitionTurnsACheckedBoxIntoALink() {
        let tree = MarkdownTree(parsing: "- [x] b\n\n[x]: https://example.com\n")
        let first = tree.blocks.first?.children.first?.children.first?.inlines?.nodes.first
        #expect(first == MarkdownInline(kind: .link, text: "x", destination: "https://example.com"))
    }

    @Test func droppingAMarkerKeepsTheRestAsEscapedInlineHTML() {
        let inlines = MarkdownTree(parsing: "(x) a < b & `c`\n").blocks.first?.inlines
        #expect(inlines?.html(droppingLeadingCharacters: 4) == "a &lt; b &amp; <code>c</code>")
    }

    @Test func droppingAMarkerKeepsWhatFollowsTheEscapedLeadingText() {
        let inlines = MarkdownTree(parsing: "[ ] a&b < c >d\"e'f/g\\*h* <i>\n").blocks.first?.inlines
        #expect(inlines?.html(droppingLeadingCharacters: 4) == "a&amp;b &lt; c &gt;d&quot;e'f/g*h* <!-- raw HTML omitted -->")
    }

    @Test func droppingAMarkerBeforeNonASCIITextKeepsThatText() {
        let inlines = MarkdownTree(parsing: "(x)  \u{e9}t\u{e9} & \u{1F600} \"q\"\n").blocks.first?.inlines
        #expect(inlines?.html(droppingLeadingCharacters: 5) == "\u{e9}t\u{e9} &amp; \u{1F600} &quot;q&quot;")
    }

    @Test func droppingCountsCharactersWhenTheyAreNotSingleBytes() {
        let inlines = MarkdownTree(parsing: "\u{e9}\u{e9} a\n").blocks.first?.inlines
        #expect(inlines?.html(droppingLeadingCharacters: 2) == " a")
        let joined = MarkdownTree(parsing: "( )\u{301} a\n").blocks.first?.inlines
        #expect(joined?.html(droppingLeadingCharacters: 3) == " a")
    }

    /// Escaping is defined on characters, as the marker arithmetic is: `<` joined by a combining mark is kept.
    @Test func aMarkupCharacterJoinedByACombiningMarkIsNotEscaped() {
        #expect(MarkdownInline.escapingHTML("a <\u{338} b < c") == "a <\u{338} b &lt; c")
        #expect(MarkdownInline.escapingHTML("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }

    @Test func rawHTMLIsOmittedUnlessTheOptionsAllowIt() {
        #expect(MarkdownTree(parsing: "<b>x</b>\n").blocks.first?.html == "<!-- raw HTML omitted -->x<!-- raw HTML omitted -->\n".replacingFirstParagraph)
        #expect(MarkdownTree(parsing: "<div>x</div>\n", options: MarkdownOptions(allowsRawHTML: true)).blocks.first?.html == "<div>x</div>\n")
    }

    /// Containers' HTML is joined from their children's, and inlines' HTML cut from their block's: the results
    /// are what cmark renders for each block and for each inline node on its own.
    @Test(arguments: [
        "- a\n- b\n", "- a\n\n- b\n", "- a\n  > q\n- b\n", "- a\n\n  > q\n", "- > q\n  a\n", "1. a\n2. b\n", "3. a\n4. b\n",
        "0) a\n", "-\n- b\n", "- a\n  - b\n    - c\n", "- a\n\n      code\n", "- ```\n  x\n  ```\n- b\n", "> a\n>\n> - b\n> - c\n",
        ">\n", "> # h\n> ***\n", "- <div>x</div>\n- b\n", "- # h\n  b\n", "- a\n  ***\n", "- a\nb\n", "1) a\n\n   b\n",
        "* a\n\n* b\n  c\n  > d\n  1. e\n", "- a  \n  b\n", "- a\n  <!-- c -->\n", "> - a\n>\n>   b\n> c\n",
        "Setext *h*\n---\n\n# `x` <b>y</b>\n", "a *b* **c** `d` [e](f \"t\") ![g *h*](i) <j>k</j> \\\nl &amp; &copy; <http://m.n>\n",
        "[x](javascript:alert(1)) ![y](JavaScript:z)\n", "- [ ] a < b & \"c\"\n- [x] ![d](e) [f](g)\n",
        "> a\n", "> a\n>\n> b\n", "> ```\n> x\n> ```\n", "> <div>\n> x\n", "> > a\n", "> - a\n> - b\n", "> # h\n",
    ])
    func blockAndInlineHTMLIsWhatCmarkRendersForEachNode(source: String) {
        for allowsRawHTML in [false, true] {
            let options = MarkdownOptions(allowsRawHTML: allowsRawHTML)
            var blocks: [MarkdownBlock] = []
            var stack = MarkdownTree(parsing: source, options: options).blocks.reversed() as [MarkdownBlock]
            while let block = stack.popLast() {
                blocks.append(block)
                stack.append(contentsOf: block.children.reversed())
            }
            let rendered = Self.cmarkHTML(of: source, options: options.cmark)
            #expect(blocks.map(\.html) == rendered.map(\.block), "\(source.debugDescription) raw: \(allowsRawHTML)")
            #expect(blocks.map(\.inlines?.html) == rendered.map(\.inlines), "\(source.debugDescription) raw: \(allowsRawHTML)")
            // A quote's content is its HTML between the tags, joined without them.
            for block in blocks where block.kind == .blockQuote {
                let html = block.html
                let open = "<blockquote>\n".utf8.count, close = "</blockquote>\n".utf8.count
                let content = String(decoding: Array(html.utf8)[open..<(html.utf8.count - close)], as: UTF8.self)
                #expect(block.quoteContentHTML == content, "\(source.debugDescription) raw: \(allowsRawHTML)")
            }
        }
    }

    @Test func imagesAreFoundAtAnyDepthWithTheirDescriptionAndLine() {
        let tree = MarkdownTree(parsing: "Text\n\n- a\n\n  > ![](x.png) and ![A *chart*](y.png)\n")
        #expect(tree.blocks.flatMap(\.images) == [
            MarkdownImage(destination: "x.png", altText: "", line: 5),
            MarkdownImage(destination: "y.png", altText: "A chart", line: 5),
        ])
    }

    @Test func hostileNestingIsConvertedOnlyToTheMaximumDepth() {
        let depth = 20_000
        let tree = MarkdownTree(parsing: String(repeating: ">", count: depth) + " deep\n")
        var block = tree.blocks.first
        var levels = 0
        while let current = block {
            levels += 1
            if current.children.isEmpty {
                #expect(current.isTruncated)
                #expect(current.html.contains("deep"))
            }
            block = current.children.first
        }
        #expect(levels == MarkdownTree.maximumDepth)
        #expect(tree.blocks.first?.html.components(separatedBy: "<blockquote>").count == depth + 1)
    }
}

private extension BlockTreeTests {
    /// Every block below the document in document order, rendered by cmark on its own, and for a paragraph or
    /// heading its inline nodes rendered one by one and joined.
    static func cmarkHTML(of source: String, options: CmarkOptions) -> [(block: String, inlines: String?)] {
        withCmarkDocument(parsing: source, options: options) { document in
            document.removeScriptURLs()
            var rendered: [(block: String, inlines: String?)] = []
            document.forEachDescendant { node, entering in
                let blockKinds: [CmarkNodeKind] = [.blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak]
                guard entering, blockKinds.contains(node.kind) else { return }
                let hasInlines = node.kind == .paragraph || node.kind == .heading
                rendered.append((node.html(options: options), hasInlines ? node.children.map { $0.html(options: options) }.joined() : nil))
            }
            return rendered
        }
    }
}

private extension String {
    /// The text as cmark renders it in a paragraph.
    var replacingFirstParagraph: String { "<p>" + dropLast() + "</p>\n" }
}

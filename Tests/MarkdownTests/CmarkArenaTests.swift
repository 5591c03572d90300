import CmarkArena
import Testing
@testable import Markdown

/// cmark allocates from one arena per thread, reused once the thread's last document is freed.
@Suite struct CmarkArenaTests {
    @Test func nestedDocumentsKeepTheirMemoryUntilTheOutermostIsFreed() {
        let outer = withCmarkDocument(parsing: "# Title\n\nText *one*.\n", options: CmarkOptions()) { document in
            // A document parsed while another is open must not reuse the outer one's memory.
            let inner = withCmarkDocument(parsing: String(repeating: "- item **x**\n", count: 2_000), options: CmarkOptions()) {
                $0.html(options: CmarkOptions())
            }
            #expect(inner.hasPrefix("<ul>\n<li>item <strong>x</strong></li>\n"))
            return document.html(options: CmarkOptions())
        }
        #expect(outer == "<h1>Title</h1>\n<p>Text <em>one</em>.</p>\n")
    }

    @Test func aLargeDocumentGrowsTheArenaWhichShrinksWhenItIsFreed() {
        let big = String(repeating: "Paragraph with `code` and [a link](https://example.org/x).\n\n", count: 20_000)
        let (html, grown) = withCmarkDocument(parsing: big, options: CmarkOptions()) {
            ($0.html(options: CmarkOptions()), cmark_arena_reserved_bytes())
        }
        #expect(html.utf8.count > 1_000_000)
        #expect(grown > 4_000_000)
        // Sixteen chunks of 256 KB are kept for the next documents.
        #expect(cmark_arena_reserved_bytes() <= 16 * 256 * 1024)
        #expect(withCmarkDocument(parsing: "small", options: CmarkOptions()) { $0.html(options: CmarkOptions()) } == "<p>small</p>\n")
    }

    @Test func everyThreadRendersTheSameHTML() async {
        let source = String(repeating: "> quote with *emphasis*\n\n1. one\n2. two\n\n", count: 300)
        let expected = withCmarkDocument(parsing: source, options: CmarkOptions()) { $0.html(options: CmarkOptions()) }
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { withCmarkDocument(parsing: source, options: CmarkOptions()) { $0.html(options: CmarkOptions()) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: expected, count: 8))
    }
}

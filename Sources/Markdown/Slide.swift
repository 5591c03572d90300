/// One slide of a deck: its HTML, its speaker notes and where it starts.
public struct Slide: Sendable, Hashable {
    /// The position in the deck, counted from 1.
    public var number: Int
    /// The plain text of the slide's first heading, or an empty string.
    public var title: String
    /// The slide's content as HTML, notes removed.
    public var html: String
    /// The speaker notes as HTML; empty when the slide has none.
    public var notesHTML: String
    /// The line the slide's first block starts on.
    public var line: Int
    /// The UTF-8 offsets in `html` of the level digits of the slide's own headings (`<h2` and `</h2>`).
    var headingLevelOffsets: [Int]

    /// Creates a slide.
    public init(number: Int, title: String, html: String, notesHTML: String, line: Int) {
        self.init(number: number, title: title, html: html, notesHTML: notesHTML, line: line, headingLevelOffsets: [])
    }

    init(number: Int, title: String, html: String, notesHTML: String, line: Int, headingLevelOffsets: [Int]) {
        self.number = number
        self.title = title
        self.html = html
        self.notesHTML = notesHTML
        self.line = line
        self.headingLevelOffsets = headingLevelOffsets
    }

    /// The HTML with the slide's headings one level lower (`h1` → `h2` … `h5` → `h6`), for a page that has its own `h1`.
    public var htmlWithHeadingsDemoted: String {
        guard !headingLevelOffsets.isEmpty else { return html }
        var bytes = Array(html.utf8)
        for offset in headingLevelOffsets where bytes[offset] >= UInt8(ascii: "1") && bytes[offset] <= UInt8(ascii: "5") {
            bytes[offset] += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

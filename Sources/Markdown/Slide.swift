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

    /// Creates a slide.
    public init(number: Int, title: String, html: String, notesHTML: String, line: Int) {
        self.number = number
        self.title = title
        self.html = html
        self.notesHTML = notesHTML
        self.line = line
    }
}

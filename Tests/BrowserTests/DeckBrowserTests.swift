import Foundation
import Testing

/// What a browser shows of a deck page, read through the hooks in docs/presenting.md.
struct DeckState: Decodable, CustomStringConvertible {
    struct Slide: Decodable {
        let number: Int
        let hidden: Bool
        let isCurrent: Bool
        /// Rendered (`checkVisibility()`) with a non-empty box.
        let visible: Bool
        let notesVisible: Bool
        let top: Double
    }

    let href: String
    let hash: String
    let htmlClasses: [String]
    /// `main#deck[data-current]`, absent before deck.js ran.
    let current: Int?
    let slides: [Slide]

    var visibleSlides: [Int] { slides.filter(\.visible).map(\.number) }
    var scriptRan: Bool { htmlClasses.contains("deck-js") }

    var description: String {
        "\(href) classes \(htmlClasses) current \(current.map(String.init) ?? "none") visible \(visibleSlides) "
            + "hidden \(slides.filter(\.hidden).map(\.number)) is-current \(slides.filter(\.isCurrent).map(\.number))"
    }

    static let script = """
        const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0;
        const deck = document.getElementById('deck');
        return {
          href: location.href,
          hash: location.hash,
          htmlClasses: [...document.documentElement.classList],
          current: deck && deck.hasAttribute('data-current') ? Number(deck.getAttribute('data-current')) : null,
          slides: [...document.querySelectorAll('#deck > section.slide')].map((s) => ({
            number: Number(s.getAttribute('data-slide')),
            hidden: s.hidden,
            isCurrent: s.classList.contains('is-current'),
            visible: shown(s),
            notesVisible: [...s.querySelectorAll('.notes')].some(shown),
            top: s.getBoundingClientRect().top
          }))
        };
        """
}

extension WebDriverSession {
    func deckState() async throws -> DeckState {
        try await execute(DeckState.script, as: DeckState.self)
    }

    /// Waits until deck.js ran and shows slide `n`, and returns what the page then shows.
    @discardableResult
    func waitForSlide(_ n: Int) async throws -> DeckState {
        var state: DeckState?
        do {
            try await waitUntil("the deck to show slide \(n)") {
                state = try await deckState()
                return state!.scriptRan && state!.current == n
            }
        } catch {
            throw WebDriverError("\(error); last seen: \(state.map(String.init(describing:)) ?? "nothing")")
        }
        return state!
    }

    /// The text of an element of the current window (`""` when it does not exist).
    func text(of selector: String) async throws -> String {
        try await execute("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';",
                          [.string(selector)], as: String.self)
    }
}

/// The slide deck in Debian's headless Chromium, through WebDriver: the acceptance criteria of the deck issue.
/// Each test builds `Sites/deck` (one module, four slides with distinct notes) and opens it via `file://`.
/// Serialized: one headless Chromium at a time keeps the bounded waits far from their limits on a busy machine,
/// and on two cores is hardly slower than six browsers at once.
@Suite("The slide deck in a real browser", .serialized, .timeLimit(.minutes(2)))
struct DeckBrowserTests {
    static let notes = [
        "Notes for slide one: welcome everybody.",
        "Notes for slide two: explain the points.",
        "Notes for slide three: ask a question.",
        "Notes for slide four: say goodbye.",
    ]

    /// Builds the fixture, starts a browser and runs `body` with both; cleans up after.
    func withDeck(javaScript: Bool = true, _ body: (BuiltSite, WebDriverSession) async throws -> Void) async throws {
        let site = try BuiltSite(fixture: "deck")
        defer { site.remove() }
        try await Browser.withSession(javaScript: javaScript) { session in
            try await body(site, session)
        }
    }

    @Test("The right arrow key moves to the next slide and puts its number in the address")
    func arrowKeyMovesToTheNextSlide() async throws {
        try await withDeck { site, session in
            try await session.navigate(to: site.deckURL(language: "en", module: "deck"))
            let first = try await session.waitForSlide(1)
            #expect(first.visibleSlides == [1])

            try await session.press(Key.arrowRight)
            let second = try await session.waitForSlide(2)
            #expect(second.hash == "#2")
            #expect(second.visibleSlides == [2])
            #expect(second.slides.filter(\.isCurrent).map(\.number) == [2])
            #expect(try await session.currentURL().hasSuffix("slides/index.html#2"))
        }
    }

    @Test("Opening the address with #3 shows slide 3 alone, without its notes")
    func hashOpensThatSlideAlone() async throws {
        try await withDeck { site, session in
            try await session.navigate(to: site.deckURL(language: "en", module: "deck", slide: 3))
            let state = try await session.waitForSlide(3)
            #expect(state.slides.count == 4)
            #expect(state.visibleSlides == [3])
            #expect(state.slides.filter(\.isCurrent).map(\.number) == [3])
            #expect(state.slides.filter(\.hidden).map(\.number) == [1, 2, 4])
            #expect(!state.slides.contains { $0.notesVisible }, "speaker notes must never show on the projected slide")
        }
    }

    @Test("The O key opens an overview showing every slide, and closes it again")
    func overviewShowsAllSlides() async throws {
        struct Overview: Decodable {
            let open: Bool
            let htmlOpen: Bool
            let thumbs: [Int]
            let visibleThumbs: [Int]
            let currentThumbs: [Int]
            let headings: [String]
        }
        let script = """
            const dialog = document.getElementById('deck-overview');
            const thumbs = dialog ? [...dialog.querySelectorAll('button.deck-thumb')] : [];
            const onScreen = (e) => {
              const r = e.getBoundingClientRect();
              return e.checkVisibility() && r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                && r.top < innerHeight && r.left < innerWidth;
            };
            return {
              open: !!dialog && dialog.open,
              htmlOpen: document.documentElement.classList.contains('deck-overview-open'),
              thumbs: thumbs.map((t) => Number(t.dataset.slide)),
              visibleThumbs: thumbs.filter(onScreen).map((t) => Number(t.dataset.slide)),
              currentThumbs: thumbs.filter((t) => t.getAttribute('aria-current') === 'true').map((t) => Number(t.dataset.slide)),
              headings: thumbs.map((t) => (t.querySelector('h1, h2') || {textContent: ''}).textContent.trim())
            };
            """
        try await withDeck { site, session in
            try await session.navigate(to: site.deckURL(language: "en", module: "deck", slide: 2))
            try await session.waitForSlide(2)

            try await session.press("o")
            try await session.waitForScript("return document.documentElement.classList.contains('deck-overview-open')")
            let overview = try await session.execute(script, as: Overview.self)
            #expect(overview.open)
            #expect(overview.thumbs == [1, 2, 3, 4])
            #expect(overview.visibleThumbs == [1, 2, 3, 4])
            #expect(overview.currentThumbs == [2])
            #expect(overview.headings == ["Slide one", "Slide two", "Slide three", "Slide four"])

            try await session.press("o")
            try await session.waitForScript("return !document.documentElement.classList.contains('deck-overview-open')")
            let closed = try await session.execute(script, as: Overview.self)
            #expect(!closed.open)
            #expect(try await session.waitForSlide(2).visibleSlides == [2])
        }
    }

    @Test("The P key opens a presenter window with the slide's notes that follows the main window")
    func presenterWindowFollowsTheMainWindow() async throws {
        try await withDeck { site, session in
            try await session.navigate(to: site.deckURL(language: "en", module: "deck"))
            try await session.waitForSlide(1)
            let main = try await session.windowHandle()

            try await session.press("p")
            let presenter = try await session.waitForNewWindow(besides: [main])
            try await session.switchToWindow(presenter)
            let opened = try await session.waitForSlide(1)
            #expect(opened.href.hasSuffix("slides/index.html?presenter#1"))
            #expect(opened.htmlClasses.contains("deck-presenter"))
            try await waitForPresenter(session, slide: 1)

            try await session.switchToWindow(main)
            try await session.press(Key.arrowRight)
            #expect(try await session.waitForSlide(2).hash == "#2")

            try await session.switchToWindow(presenter)
            try await waitForPresenter(session, slide: 2)
            #expect(try await session.deckState().href.hasSuffix("slides/index.html?presenter#2"))
        }
    }

    /// Waits until the presenter window shows slide `n`'s notes, and only those, with "Slide n of 4".
    private func waitForPresenter(_ session: WebDriverSession, slide n: Int) async throws {
        var notes = "", counter = ""
        do {
            try await session.waitUntil("the presenter view of slide \(n)") {
                notes = try await session.text(of: "#presenter-notes")
                counter = try await session.text(of: "#presenter-counter")
                return notes == Self.notes[n - 1] && counter == "Slide \(n) of 4"
            }
        } catch {
            throw WebDriverError("\(error); last seen notes \"\(notes)\", counter \"\(counter)\"")
        }
    }

    @Test("Printing to PDF gives one landscape page per slide, whichever slide is on screen")
    func printingGivesOnePagePerSlide() async throws {
        try await withDeck { site, session in
            try await session.navigate(to: site.deckURL(language: "en", module: "deck", slide: 3))
            try await session.waitForSlide(3)

            // The deck's own `@page deck-slide { size: 297mm 167mm; margin: 0 }`.
            let pdf = try await session.printPDF([
                "page": ["width": 29.7, "height": 16.7],
                "margin": ["top": 0, "bottom": 0, "left": 0, "right": 0],
            ])
            let ownSize = try PDFInfo(pdf)
            #expect(ownSize.pages == 4, "\(ownSize)")
            let scanned = try PDFInfo.byScanning(pdf) // the fallback without pdfinfo must agree with it
            #expect(scanned.pages == ownSize.pages && abs(scanned.width - ownSize.width) < 0.5 && abs(scanned.height - ownSize.height) < 0.5,
                    "scanned \(scanned), pdfinfo \(ownSize)")
            #expect(abs(ownSize.width / ownSize.height - 297.0 / 167.0) < 0.01, "\(ownSize)")

            let landscape = try PDFInfo(await session.printPDF(["orientation": "landscape"]))
            #expect(landscape.pages == 4, "\(landscape)")
            #expect(landscape.width > landscape.height, "\(landscape)")
        }
    }

    @Test("With JavaScript off every slide shows, one below the other, with its notes, and prints a page each")
    func withoutJavaScriptEverySlideShows() async throws {
        try await withDeck(javaScript: false) { site, session in
            try await session.navigate(to: site.deckURL(language: "en", module: "deck", slide: 3))
            try await session.waitForScript("return document.readyState === 'complete'")
            let state = try await session.deckState()
            #expect(!state.scriptRan, "deck.js ran although JavaScript is off: \(state)")
            #expect(state.current == nil, "\(state)")
            #expect(state.slides.map(\.number) == [1, 2, 3, 4])
            #expect(state.slides.filter(\.hidden).isEmpty, "\(state)")
            #expect(state.visibleSlides == [1, 2, 3, 4], "\(state)")
            #expect(state.slides.allSatisfy { $0.notesVisible }, "notes not shown under every slide: \(state.slides.map(\.notesVisible))")
            let tops = state.slides.map(\.top)
            #expect(zip(tops, tops.dropFirst()).allSatisfy { $0 < $1 }, "slides not one below the other: \(tops)")

            let pdf = try PDFInfo(await session.printPDF([
                "page": ["width": 29.7, "height": 16.7],
                "margin": ["top": 0, "bottom": 0, "left": 0, "right": 0],
            ]))
            #expect(pdf.pages == 4, "\(pdf)")
        }
    }

    @Test("Every deck of the repository's own course runs and prints one page per slide")
    func everyCourseDeckPrintsOnePagePerSlide() async throws {
        let site = try BuiltSite(fixture: nil)
        defer { site.remove() }
        let decks = site.decks
        #expect(decks.count >= 2, "no slide decks found in \(site.output.path)")
        try await Browser.withSession { session in
            for deck in decks {
                try await session.navigate(to: site.url(deck, fragment: "2"))
                let state = try await session.waitForSlide(2)
                #expect(state.visibleSlides == [2], "\(deck): \(state)")
                let pdf = try PDFInfo(await session.printPDF([
                    "page": ["width": 29.7, "height": 16.7],
                    "margin": ["top": 0, "bottom": 0, "left": 0, "right": 0],
                ]))
                #expect(pdf.pages == state.slides.count, "\(deck): \(state.slides.count) slides, \(pdf)")
            }
        }
    }
}

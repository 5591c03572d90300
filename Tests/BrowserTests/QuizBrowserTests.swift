import Foundation
import Testing

/// The self-check quiz page in Debian's headless Chromium, through WebDriver: the acceptance criteria of the quiz
/// issue (docs/quizzes.md, the page section of the quiz syntax). Each test builds `Sites/quiz` (one module whose
/// nl and en quizzes hold one question of each kind) with the repository's templates and opens it via `file://`.
/// Serialized like the deck tests: one headless Chromium at a time.
@Suite("The self-check quiz in a real browser", .serialized, .timeLimit(.minutes(2)))
struct QuizBrowserTests {
    /// The questions of the fixture, by form id.
    enum Q {
        static let single = "q-https-port"          // ( ) 80  (x) 443  ( ) 22
        static let multiple = "q-devops-goals"      // [x] [x] [ ]
        static let trueFalse = "q-devops-job-title" // ( ) Waar  (x) Onwaar
        static let short = "q-docker-rm"            // = `--rm`  ~ `rm`  ~ *
        static let numeric = "q-bytes-to-mb"        // = 536.9 ± 0.05  = 512  ~ 537
        static let all = [single, multiple, trueFalse, short, numeric]
    }

    static let dutchQuiz = "nl/poorten/quiz/index.html"
    static let englishQuiz = "en/ports/quiz/index.html"

    /// Builds the fixture, starts a browser and runs `body` with both; cleans up after.
    func withQuiz(javaScript: Bool = true, _ body: (BuiltSite, WebDriverSession) async throws -> Void) async throws {
        let site = try BuiltSite(fixture: "quiz")
        defer { site.remove() }
        try await Browser.withSession(javaScript: javaScript) { session in
            try await body(site, session)
        }
    }

    @Test("Single choice by keyboard: a wrong option says Onjuist with its feedback, the right one Juist with the explanation; Opnieuw resets")
    func singleChoiceWrongRightAndReset() async throws {
        try await withQuiz { site, session in
            try await session.openQuiz(site.url(Self.dutchQuiz))
            let form = Q.single

            // At page load: an empty status region, nothing shown, and no aria-describedby anywhere.
            let fresh = try await session.question(form)
            #expect(fresh.status == "", "\(fresh)")
            #expect(fresh.visibleFeedback.isEmpty && !fresh.explanationShown && fresh.notes.isEmpty, "\(fresh)")
            #expect(try await session.execute("return document.querySelectorAll('[aria-describedby]').length") == 0,
                    "feedback must not be linked before checking: a screen reader would read the answer key")

            // Choosing an option (Space) checks nothing yet.
            try await session.focus("#\(form)-o0")
            try await session.press(Key.space)
            try await session.waitForScript("return document.getElementById('\(form)-o0').checked")
            let chosen = try await session.question(form)
            #expect(chosen.status == "" && chosen.describedBy.isEmpty && chosen.visibleFeedback.isEmpty, "\(chosen)")

            // "Controleer antwoord" (Enter on the button): 80 is wrong.
            #expect(try await session.textContent(of: "#\(form) button[type=submit]") == "Controleer antwoord")
            try await session.focus("#\(form) button[type=submit]")
            try await session.press(Key.enter)
            let wrong = try await session.waitForStatus(form, "✖ Onjuist")
            #expect(wrong.statusIsOriginal, "the status region of page load must be updated, not replaced")
            #expect(wrong.visibleFeedback == ["\(form)-o0-feedback"], "\(wrong)")
            #expect(try await session.textContent(of: "#\(form)-o0-feedback") == "Poort 80 is onversleuteld HTTP.")
            #expect(wrong.describedBy == ["\(form)-o0": "\(form)-o0-feedback"], "\(wrong)")
            #expect(wrong.notes == ["\(form)-o1": "(Het juiste antwoord)"], "\(wrong)")
            #expect(wrong.explanationShown, "\(wrong)")

            // The arrow key moves the choice to 443; checking again says Juist.
            try await session.focus("#\(form)-o0")
            try await session.press(Key.arrowDown)
            try await session.waitForScript("return document.getElementById('\(form)-o1').checked")
            try await session.focus("#\(form) button[type=submit]")
            try await session.press(Key.enter)
            let right = try await session.waitForStatus(form, "✔ Juist")
            #expect(right.checked == ["\(form)-o1"], "\(right)")
            #expect(right.visibleFeedback == ["\(form)-o1-feedback"], "\(right)")
            #expect(right.describedBy == ["\(form)-o1": "\(form)-o1-feedback"], "\(right)")
            #expect(right.notes.isEmpty, "\(right)")
            #expect(right.explanationShown)
            #expect(try await session.textContent(of: "#\(form)-explanation") == "HTTPS is HTTP over TLS; poort 443 is ervoor gereserveerd.")
            #expect(right.statusLog.contains("✖ Onjuist") && right.statusLog.last == "✔ Juist", "\(right.statusLog)")

            // "Opnieuw" clears the choice, the result, the feedback and its links.
            #expect(try await session.textContent(of: "#\(form) button[type=reset]") == "Opnieuw")
            try await session.focus("#\(form) button[type=reset]")
            try await session.press(Key.enter)
            let reset = try await session.waitForStatus(form, "")
            #expect(reset.statusIsOriginal)
            #expect(reset.checked.isEmpty && reset.visibleFeedback.isEmpty && reset.describedBy.isEmpty && reset.notes.isEmpty, "\(reset)")
            #expect(!reset.explanationShown, "\(reset)")

            // The English page says the same in English; "Try again" resets it.
            try await session.openQuiz(site.url(Self.englishQuiz))
            #expect(try await session.textContent(of: "#\(form) button[type=submit]") == "Check answer")
            try await session.click("\(form)-o2")
            try await session.checkAnswer(form)
            let english = try await session.waitForStatus(form, "✖ Incorrect")
            #expect(english.visibleFeedback == ["\(form)-o2-feedback"] && english.notes == ["\(form)-o1": "(The right answer)"], "\(english)")
            #expect(try await session.textContent(of: "#\(form) button[type=reset]") == "Try again")
            try await session.execute("document.querySelector('#\(form) button[type=reset]').click(); return true;")
            let englishReset = try await session.waitForStatus(form, "")
            #expect(englishReset.describedBy.isEmpty && englishReset.visibleFeedback.isEmpty && !englishReset.explanationShown, "\(englishReset)")
        }
    }

    @Test("Multiple choice gives partial credit (Gedeeltelijk juist) and marks the right options not chosen; true/false scores")
    func multipleChoicePartialCredit() async throws {
        try await withQuiz { site, session in
            try await session.openQuiz(site.url(Self.dutchQuiz))
            let form = Q.multiple
            #expect(try await session.textContent(of: "#\(form) .quiz-instruction") == "Kies alle juiste antwoorden.")

            // One of the two right options: 1/2.
            try await session.click("\(form)-o0")
            try await session.checkAnswer(form)
            let half = try await session.waitForStatus(form, "◑ Gedeeltelijk juist")
            #expect(half.visibleFeedback == ["\(form)-o0-feedback"], "\(half)")
            #expect(half.describedBy == ["\(form)-o0": "\(form)-o0-feedback"], "\(half)")
            #expect(half.notes == ["\(form)-o1": "(Ook juist (niet gekozen))"], "\(half)")
            #expect(half.explanationShown)

            // Both right options: correct.
            try await session.click("\(form)-o1")
            try await session.checkAnswer(form)
            let full = try await session.waitForStatus(form, "✔ Juist")
            #expect(full.visibleFeedback == ["\(form)-o0-feedback", "\(form)-o1-feedback"], "\(full)")
            #expect(full.notes.isEmpty, "\(full)")

            // Both right plus the only wrong one: 2 × 1/2 − 1/1 = 0.
            try await session.click("\(form)-o2")
            try await session.checkAnswer(form)
            let all = try await session.waitForStatus(form, "✖ Onjuist")
            #expect(all.visibleFeedback.count == 3, "\(all)")
            #expect(try await session.textContent(of: "#\(form)-o2-feedback") == "Nee: DevOps is geen nieuwe afdeling.")

            // True/false: Waar is wrong, Onwaar right.
            let trueFalse = Q.trueFalse
            #expect(try await session.textContent(of: "label[for='\(trueFalse)-o0']") == "Waar")
            try await session.click("\(trueFalse)-o0")
            try await session.checkAnswer(trueFalse)
            let waar = try await session.waitForStatus(trueFalse, "✖ Onjuist")
            #expect(waar.visibleFeedback == ["\(trueFalse)-o0-feedback"] && waar.notes == ["\(trueFalse)-o1": "(Het juiste antwoord)"], "\(waar)")
            try await session.click("\(trueFalse)-o1")
            try await session.checkAnswer(trueFalse)
            try await session.waitForStatus(trueFalse, "✔ Juist")
        }
    }

    @Test("Typed answers: 536,9 is right on a Dutch numeric question, expected wrong answers get their feedback")
    func typedAnswers() async throws {
        try await withQuiz { site, session in
            try await session.openQuiz(site.url(Self.dutchQuiz))
            let form = Q.numeric
            let input = "\(form)-input"
            struct Field: Decodable { let type: String; let inputMode: String; let label: String }
            let field = try await session.execute("""
                const i = document.getElementById(arguments[0]);
                return {type: i.type, inputMode: i.inputMode, label: document.querySelector('label[for="' + i.id + '"]').textContent.trim()};
                """, [.string(input)], as: Field.self)
            #expect(field.type == "text" && field.inputMode == "decimal" && field.label == "Je antwoord", "\(field)")

            // Typed with a decimal comma and sent with Enter in the field.
            try await session.focus("#\(input)")
            try await session.type("536,9")
            try await session.press(Key.enter)
            let comma = try await session.waitForStatus(form, "✔ Juist")
            #expect(comma.typed == "536,9")
            #expect(comma.visibleFeedback == ["\(form)-a0-feedback"], "\(comma)")
            #expect(comma.describedBy == [input: "\(form)-a0-feedback"], "\(comma)")
            #expect(try await session.textContent(of: "#\(form)-a0-feedback") == "Klopt: in MB van 10⁶ bytes.")
            #expect(comma.explanationShown)

            try await retype(session, input, "537")
            let rounded = try await session.waitForStatus(form, "✖ Onjuist")
            #expect(rounded.visibleFeedback == ["\(form)-w0-feedback"] && rounded.describedBy == [input: "\(form)-w0-feedback"], "\(rounded)")

            try await retype(session, input, "512")
            let mebibytes = try await session.waitForStatus(form, "✔ Juist")
            #expect(mebibytes.visibleFeedback == ["\(form)-a1-feedback"], "\(mebibytes)")

            // Short answer: trimmed and case-insensitive; `rm` and anything else have their own feedback.
            let short = Q.short
            try await retype(session, "\(short)-input", "  --RM ")
            let shortRight = try await session.waitForStatus(short, "✔ Juist")
            #expect(shortRight.visibleFeedback.isEmpty && shortRight.explanationShown, "\(shortRight)")
            try await retype(session, "\(short)-input", "rm")
            let rm = try await session.waitForStatus(short, "✖ Onjuist")
            #expect(rm.visibleFeedback == ["\(short)-w0-feedback"] && rm.describedBy == ["\(short)-input": "\(short)-w0-feedback"], "\(rm)")
            try await retype(session, "\(short)-input", "docker stop")
            let other = try await session.waitForStatus(short, "✖ Onjuist")
            #expect(other.visibleFeedback == ["\(short)-w1-feedback"], "\(other)")

            // Nothing typed: a hint instead of a verdict.
            try await retype(session, "\(short)-input", "")
            try await session.waitForStatus(short, "Kies of typ eerst een antwoord.")
        }
    }

    /// Empties a text field, types `text` with the keyboard and presses Enter to check it.
    private func retype(_ session: WebDriverSession, _ input: String, _ text: String) async throws {
        try await session.execute("const i = document.getElementById(arguments[0]); i.value = ''; i.focus(); return true;", [.string(input)])
        if !text.isEmpty { try await session.type(text) }
        try await session.press(Key.enter)
    }

    @Test("The total line and localStorage hold the score; the quiz page and the module page show it afterwards")
    func totalScoreIsKeptAndShownOnTheModulePage() async throws {
        try await withQuiz { site, session in
            try await session.openQuiz(site.url(Self.dutchQuiz))
            #expect(try await session.textContent(of: ".quiz-total") == "")
            #expect(try await session.execute("return document.querySelector('.quiz-total').getAttribute('role')") == "status")

            // Four right, the short answer wrong.
            try await session.click("\(Q.single)-o1")
            try await session.checkAnswer(Q.single)
            try await session.waitForStatus(Q.single, "✔ Juist")
            #expect(try await session.textContent(of: ".quiz-total") == "Score: 1 van 5")
            try await session.click("\(Q.multiple)-o0", "\(Q.multiple)-o1", "\(Q.trueFalse)-o1")
            try await session.checkAnswer(Q.multiple)
            try await session.checkAnswer(Q.trueFalse)
            try await retype(session, "\(Q.short)-input", "rm")
            try await retype(session, "\(Q.numeric)-input", "536.9")
            for (form, verdict) in zip(Q.all, ["✔ Juist", "✔ Juist", "✔ Juist", "✖ Onjuist", "✔ Juist"]) {
                try await session.waitForStatus(form, verdict)
            }
            #expect(try await session.textContent(of: ".quiz-total") == "Score: 4 van 5")
            struct Stored: Decodable, Equatable { let score: Double; let total: Int }
            let stored = try await session.execute("return JSON.parse(localStorage.getItem('lectern-quiz:nl/poorten'))", as: Stored.self)
            #expect(stored == Stored(score: 4, total: 5))

            // Coming back to the quiz page shows the last score.
            try await session.openQuiz(site.url(Self.dutchQuiz))
            #expect(try await session.textContent(of: ".quiz-total") == "Vorige keer: 4 van 5")

            // The module page, where the quiz page's `../` leads (file:// URLs would show a folder listing for the
            // bare folder, so add its index.html). All file:// pages share one localStorage in Chromium.
            let modulePage = try await session.execute("return document.querySelector('.module-kicker a').href", as: String.self)
            #expect(modulePage == site.url("nl/poorten/"))
            try await session.navigate(to: modulePage + "index.html")
            try await session.waitForScript("return document.readyState === 'complete'")
            struct Score: Decodable { let hidden: Bool; let text: String }
            let scoreScript = "const e = document.querySelector('[data-quiz-score=\"' + arguments[0] + '\"]'); return e ? {hidden: e.hidden, text: e.textContent.trim()} : null;"
            var score: Score?
            try await session.waitUntil("the module page to show the last score", timeout: .seconds(30)) {
                score = try await session.execute(scoreScript, ["nl/poorten"], as: Score?.self)
                return score?.hidden == false
            }
            #expect(score?.text == "Laatste score zelftoets: 4 van 5")

            // The score belongs to the Dutch quiz: the English module page has none yet.
            try await session.navigate(to: site.url("en/ports/index.html"))
            try await session.waitForScript("return document.readyState === 'complete'")
            let english = try await session.execute(scoreScript, ["en/ports"], as: Score?.self)
            #expect(english?.hidden == true && english?.text == "", "\(String(describing: english))")
        }
    }

    @Test("With JavaScript off every question shows, with a <details> holding the answers, feedback and explanation")
    func withoutJavaScriptQuestionsAndAnswersShow() async throws {
        struct Question: Decodable {
            let id: String
            let legend: String
            let inputs: Int
            let visible: Bool
            let summary: String
            let summaryVisible: Bool
            let open: Bool
            let answers: [String]
            let explanation: String
            let status: String
        }
        let script = """
            return [...document.querySelectorAll('form.quiz-question')].map((form) => {
              const details = form.querySelector('details.quiz-answer');
              const legend = form.querySelector('fieldset > legend');
              return {
                id: form.id,
                legend: legend ? legend.textContent.trim() : '',
                inputs: form.querySelectorAll('fieldset input').length,
                visible: form.checkVisibility() && !!legend && legend.checkVisibility(),
                summary: details ? details.querySelector('summary').textContent.trim() : '',
                summaryVisible: !!details && details.querySelector('summary').checkVisibility(),
                open: !!details && details.open,
                answers: details ? [...details.querySelectorAll(':scope > ul > li')].map((li) => li.textContent.trim()) : [],
                explanation: details ? (details.querySelector('.quiz-answer-explanation') || {textContent: ''}).textContent.trim() : '',
                status: (form.querySelector('[role="status"]') || {textContent: 'missing'}).textContent
              };
            });
            """
        try await withQuiz(javaScript: false) { site, session in
            try await session.navigate(to: site.url(Self.dutchQuiz))
            try await session.waitForScript("return document.readyState === 'complete'")
            #expect(try await session.execute("return typeof window.LecternQuiz") == "undefined", "quiz.js ran although JavaScript is off")

            let questions = try await session.execute(script, as: [Question].self)
            #expect(questions.map(\.id) == Q.all)
            #expect(questions.map(\.legend) == [
                "1. Welke poort gebruikt HTTPS standaard?", "2. Welke doelen horen bij DevOps?", "3. DevOps is een functietitel.",
                "4. Welke optie van docker run ruimt de container op zodra die stopt?", "5. Hoeveel MB is 536.870.912 bytes?",
            ])
            #expect(questions.map(\.inputs) == [3, 3, 2, 1, 1])
            #expect(questions.allSatisfy { $0.visible && $0.status == "" }, "every question shows, with an empty status region")
            #expect(questions.allSatisfy { $0.summaryVisible && !$0.open && $0.summary == "Toon het antwoord en de uitleg" })
            #expect(questions.map(\.answers) == [["443"], ["Kortere feedbackloops", "Kleinere releases"], ["Onwaar"], ["--rm"], ["536,9 ± 0,05", "512"]])
            #expect(questions.allSatisfy { !$0.explanation.isEmpty })

            // The browser opens a <details> by itself: Enter on its summary.
            let form = Q.single
            #expect(try await session.execute("return document.querySelector('#\(form) details ul').checkVisibility()") == .bool(false))
            try await session.focus("#\(form) details summary")
            try await session.press(Key.enter)
            try await session.waitForScript("return document.querySelector('#\(form) details').open")
            #expect(try await session.execute("return document.querySelector('#\(form) details ul').checkVisibility()") == .bool(true))
            let feedback = try await session.execute("return [...document.querySelectorAll('#\(form) .quiz-answer-feedback > *')].map((e) => e.textContent.trim())",
                                                     as: [String].self)
            #expect(feedback == ["80", "Poort 80 is onversleuteld HTTP.", "443", "Goed gekozen.", "22", "Poort 22 is SSH."])
            // The feedback next to the options stays hidden: it belongs to a checked answer.
            #expect(try await session.execute("return [...document.querySelectorAll('.quiz-feedback, .quiz-explanation')].every((e) => !e.checkVisibility())") == .bool(true))
        }
    }

    @Test("LecternQuiz.scoreQuestion in the browser gives exactly the scores of the shared scoring table")
    func scoringTableAgreesInTheBrowser() async throws {
        struct Table: Decodable {
            struct Case: Decodable { let name: String; let answer: JSON; let response: JSON; let expected: JSON }
            let cases: [Case]
        }
        struct Scored: Decodable { let result: JSON; let textLength: Int }
        let file = BuiltSite.repository.appendingPathComponent("Tests/QuizzesTests/Fixtures/scoring-cases.json")
        let table = try JSONDecoder().decode(Table.self, from: Data(contentsOf: file))
        try #require(table.cases.count >= 20, "the scoring table \(file.path) looks truncated")

        try await withQuiz { site, session in
            // The quiz page's own copy of quiz.js, as learners get it.
            try await session.openQuiz(site.url(Self.dutchQuiz))
            let cases: JSON = .array(table.cases.map { ["answer": $0.answer, "response": $0.response] })
            let scored = try await session.execute("""
                return arguments[0].map((c) => ({
                  result: window.LecternQuiz.scoreQuestion(c.answer, c.response),
                  textLength: typeof c.response.text === 'string' ? c.response.text.length : -1
                }));
                """, [cases], as: [Scored].self)
            try #require(scored.count == table.cases.count)
            for (testCase, got) in zip(table.cases, scored) {
                #expect(got.result == testCase.expected, "\(testCase.name): the browser gave \(got.result), the table says \(testCase.expected)")
                // The text reached the browser unchanged (no normalisation on the way, which would hide the NFC case).
                let text = testCase.response["text"]?.string
                let sent = text.map { $0.utf16.count } ?? -1
                #expect(got.textLength == sent, "\(testCase.name): the response text changed on its way to the browser")
            }
        }
    }

    @Test("The page fits a 320 px screen with 44 px hit areas, shows keyboard focus, follows dark mode and reduced motion, and prints the answers")
    func themeLayout() async throws {
        struct Layout: Decodable {
            let viewport: Double
            let overflow: Double
            let smallestOption: Double
            let smallestButton: Double
            let smallestTextField: Double
            let cardBackground: String
            let surface: String
            let focusOutline: String
            let resultAnimation: String
        }
        let script = """
            const probe = document.createElement('div');
            probe.style.background = 'var(--color-surface)';
            document.body.append(probe);
            const surface = getComputedStyle(probe).backgroundColor;
            probe.remove();
            const heights = (selector) => Math.min(...[...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect().height));
            const focused = document.activeElement;
            const label = focused && focused.labels && focused.labels[0];
            return {
              viewport: innerWidth,
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              smallestOption: heights('.quiz-options label'),
              smallestButton: heights('.quiz-actions button'),
              smallestTextField: heights('.quiz-typed input'),
              cardBackground: getComputedStyle(document.querySelector('form.quiz-question')).backgroundColor,
              surface: surface,
              focusOutline: label && focused.matches(':focus-visible') ? getComputedStyle(label).outlineStyle : 'no focused option',
              resultAnimation: getComputedStyle(document.querySelector('.quiz-result')).animationName
            };
            """
        try await withQuiz { site, session in
            try await session.devTools("Emulation.setDeviceMetricsOverride", ["width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": true])
            try await session.openQuiz(site.url(Self.dutchQuiz))
            // Two checked questions, then keyboard focus on the first option (Tab from the link above it).
            try await session.click("\(Q.multiple)-o0")
            try await session.checkAnswer(Q.multiple)
            try await session.waitForStatus(Q.multiple, "◑ Gedeeltelijk juist")
            try await retype(session, "\(Q.short)-input", "rm")
            try await session.waitForStatus(Q.short, "✖ Onjuist")
            try await session.focus(".module-kicker a")
            try await session.press("\u{E004}") // Tab
            try await session.waitForScript("return document.activeElement.id === '\(Q.single)-o0'")

            let light = try await session.execute(script, as: Layout.self)
            #expect(light.viewport == 320)
            #expect(light.overflow <= 0, "the page scrolls sideways at 320 px: \(light)")
            #expect(light.smallestOption >= 44 && light.smallestButton >= 44 && light.smallestTextField >= 44, "\(light)")
            #expect(light.cardBackground == light.surface, "\(light)")
            #expect(light.focusOutline == "solid", "\(light)")

            try await session.devTools("Emulation.setEmulatedMedia", ["features": [
                ["name": "prefers-color-scheme", "value": "dark"], ["name": "prefers-reduced-motion", "value": "reduce"],
            ]])
            let dark = try await session.execute(script, as: Layout.self)
            #expect(dark.cardBackground == dark.surface && dark.surface != light.surface, "dark \(dark), light \(light)")
            #expect(dark.resultAnimation == "none", "\(dark)")

            // Printed: no buttons or results, and the answers open (Chromium has ::details-content).
            try await session.devTools("Emulation.setEmulatedMedia", ["media": "print"])
            struct Printed: Decodable { let buttons: Bool; let answersShown: Bool; let questionsShown: Bool }
            let printed = try await session.execute("""
                const any = (s, f) => [...document.querySelectorAll(s)].some(f);
                const all = (s, f) => [...document.querySelectorAll(s)].every(f);
                return {
                  buttons: any('.quiz-actions button', (e) => e.checkVisibility()),
                  answersShown: all('details.quiz-answer > ul', (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0),
                  questionsShown: all('form.quiz-question legend', (e) => e.checkVisibility())
                };
                """, as: Printed.self)
            #expect(!printed.buttons && printed.answersShown && printed.questionsShown, "\(printed)")
        }
    }
}

import Foundation

/// What a browser shows of one question of a quiz page (quiz.mustache, quiz.js), read from the DOM.
struct QuizQuestionState: Decodable, CustomStringConvertible {
    /// The text of the question's `role="status"` region (`nil` when it has none).
    let status: String?
    /// The status region is the one that was there at page load (quiz.js fills it, never replaces it).
    let statusIsOriginal: Bool
    /// Every text the status region showed since page load, in order (a MutationObserver's record).
    let statusLog: [String]
    /// Ids of the `.quiz-feedback` elements that are shown.
    let visibleFeedback: [String]
    /// Input id → its `aria-describedby`, for the inputs that have one.
    let describedBy: [String: String]
    /// Option input id → the text of the `.quiz-note` quiz.js added to its label.
    let notes: [String: String]
    let explanationShown: Bool
    /// Ids of the checked inputs.
    let checked: [String]
    /// The typed answer (`nil` for choice questions).
    let typed: String?

    var description: String {
        "status \(status.map { "\"\($0)\"" } ?? "none") (log \(statusLog)), feedback \(visibleFeedback), describedby \(describedBy), "
            + "notes \(notes), explanation \(explanationShown ? "shown" : "hidden"), checked \(checked), typed \(typed ?? "-")"
    }

    /// Remembers each status region and records its texts; run once after the page loaded.
    static let recorder = """
        window.quizTestLog = {};
        window.quizTestRegions = {};
        document.querySelectorAll('form.quiz-question').forEach((form) => {
          const region = form.querySelector('[role="status"]');
          window.quizTestRegions[form.id] = region;
          window.quizTestLog[form.id] = [];
          if (!region) return;
          new MutationObserver(() => window.quizTestLog[form.id].push(region.textContent))
            .observe(region, {childList: true, characterData: true, subtree: true});
        });
        return true;
        """

    static let script = """
        const form = document.getElementById(arguments[0]);
        const shown = (e) => !!e && !e.hidden && e.checkVisibility() && e.getBoundingClientRect().height > 0;
        const region = form.querySelector('[role="status"]');
        const describedBy = {};
        form.querySelectorAll('input[aria-describedby]').forEach((i) => { describedBy[i.id] = i.getAttribute('aria-describedby'); });
        const notes = {};
        form.querySelectorAll('.quiz-note').forEach((n) => { notes[n.closest('label').htmlFor] = n.textContent.trim(); });
        const text = form.querySelector('input[type="text"]');
        return {
          status: region ? region.textContent : null,
          statusIsOriginal: !!region && !!window.quizTestRegions && window.quizTestRegions[form.id] === region,
          statusLog: (window.quizTestLog && window.quizTestLog[form.id]) || [],
          visibleFeedback: [...form.querySelectorAll('.quiz-feedback')].filter(shown).map((e) => e.id),
          describedBy: describedBy,
          notes: notes,
          explanationShown: shown(document.getElementById(form.id + '-explanation')),
          checked: [...form.querySelectorAll('input:checked')].map((i) => i.id),
          typed: text ? text.value : null
        };
        """
}

extension WebDriverSession {
    /// Opens a quiz page, waits until quiz.js set it up, and starts recording its status regions.
    func openQuiz(_ url: String) async throws {
        try await navigate(to: url)
        try await waitForScript("return document.readyState === 'complete' && !!window.LecternQuiz")
        try await execute(QuizQuestionState.recorder)
    }

    func question(_ formID: String) async throws -> QuizQuestionState {
        try await execute(QuizQuestionState.script, [.string(formID)], as: QuizQuestionState.self)
    }

    /// Waits until the status region of `formID` reads `status`, and returns the question's state then.
    @discardableResult
    func waitForStatus(_ formID: String, _ status: String) async throws -> QuizQuestionState {
        var last: QuizQuestionState?
        do {
            try await waitUntil("#\(formID) to say \"\(status)\"", timeout: .seconds(30)) {
                last = try await question(formID)
                return last!.status == status
            }
        } catch {
            throw WebDriverError("\(error); last seen: \(last.map(String.init(describing:)) ?? "nothing")")
        }
        return last!
    }

    /// Focuses the first element matching `selector` (as Tab would), for key presses to follow.
    func focus(_ selector: String) async throws {
        let focused = try await execute("const e = document.querySelector(arguments[0]); if (e) e.focus(); return !!e && document.activeElement === e;",
                                        [.string(selector)])
        guard focused == .bool(true) else { throw WebDriverError("cannot focus \(selector)") }
    }

    /// The trimmed text of the first element matching `selector` (`""` when there is none).
    func textContent(of selector: String) async throws -> String {
        try await execute("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", [.string(selector)], as: String.self)
    }

    /// Clicks elements by id, in order (a script's `click()`, which fires the same events as a mouse click).
    func click(_ ids: String...) async throws {
        for id in ids {
            try await execute("document.getElementById(arguments[0]).click(); return true;", [.string(id)])
        }
    }

    /// Clicks the submit button of a question: "Controleer antwoord" / "Check answer".
    func checkAnswer(_ formID: String) async throws {
        try await execute("document.getElementById(arguments[0]).querySelector('button[type=\"submit\"]').click(); return true;", [.string(formID)])
    }

    /// Types `text` into the focused element as real key presses, one action sequence for the whole text.
    func type(_ text: String) async throws {
        let actions: [JSON] = text.flatMap { character -> [JSON] in
            [["type": "keyDown", "value": .string(String(character))], ["type": "keyUp", "value": .string(String(character))]]
        }
        let _: JSON = try await http.send("POST", "session/\(id)/actions", ["actions": [["type": "key", "id": "keyboard", "actions": .array(actions)]]])
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver (`Emulation.*` to emulate a screen or media).
    func devTools(_ command: String, _ parameters: JSON = [:]) async throws {
        let _: JSON = try await http.send("POST", "session/\(id)/goog/cdp/execute", ["cmd": .string(command), "params": parameters])
    }
}

import Foundation
import FuzzSupport
import Generator
import Testing

/// What reaches a page from the author's files (front matter, quizzes, i18n texts) is escaped; raw HTML stays off
/// unless `site.yaml` turns it on; script URLs never reach an `href` or `src`, raw HTML on or off.
@Suite struct OutputSafetyTests {
    /// Builds a fixture, expecting success, and returns every page and export as text by path (the QTI zips store
    /// their XML uncompressed, so they read as text too).
    func built(_ fixture: String, changing change: (Workspace) throws -> Void = { _ in }) throws -> [String: String] {
        let workspace = try Workspace(fixture: fixture)
        defer { workspace.remove() }
        try change(workspace)
        let result = workspace.build()
        #expect(result.succeeded, "\(result.lines)")
        return Workspace.snapshot(of: workspace.output)
            .filter { entry in [".html", ".gift", ".xml", ".zip"].contains { entry.key.hasSuffix($0) } }
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The author's payloads all call `alert`; the theme's own scripts never do. Escaped, the payloads are harmless
    /// text; only as tags or attributes do they run. (GIFT and QTI files are checked for script URLs only: GIFT
    /// names are plain text, which Moodle escapes.)
    func expectNoInjectedScript(in files: [String: String]) {
        for (path, text) in files {
            #expect(scriptURL(in: text) == nil, "\(path): \(scriptURL(in: text) ?? "")")
            guard path.hasSuffix(".html") else { continue }
            let lowered = text.lowercased()
            for tag in ["<script>alert", "<img src=x onerror", "<div onclick", "<b onclick", "<b onmouseover", "<iframe"] {
                #expect(!lowered.contains(tag), "\(path): \(tag)")
            }
        }
    }

    @Test("Script in front matter titles, summaries and objectives is escaped", .timeLimit(.minutes(1)))
    func frontMatterIsEscaped() throws {
        let files = try built("script-in-front-matter")
        expectNoInjectedScript(in: files)
        let module = try #require(files["en/good/index.html"])
        #expect(module.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Good – Test course</title>"))
        #expect(module.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(module.contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
        #expect(files["nl/goed/index.html"]?.contains("&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;") == true)
    }

    @Test("Script in quiz titles, questions, options, feedback and answers is escaped", .timeLimit(.minutes(1)))
    func quizTextIsEscaped() throws {
        let files = try built("script-in-quiz")
        expectNoInjectedScript(in: files)
        let quiz = try #require(files["en/goed/quiz/index.html"])
        for number in [1, 2, 3, 4, 5, 7, 8, 9, 10] {
            #expect(quiz.contains("&lt;script&gt;alert(\(number))&lt;/script&gt;"), "alert(\(number))")
        }
        #expect(quiz.contains("&lt;img src=x onerror=alert(6)&gt;"))
    }

    @Test("Raw HTML is left out unless site.yaml turns it on", .timeLimit(.minutes(1)))
    func rawHTMLIsOffByDefault() throws {
        let files = try built("raw-html-off")
        expectNoInjectedScript(in: files)
        #expect(files["en/goed/index.html"]?.contains("<!-- raw HTML omitted -->") == true)
        #expect(files["en/goed/quiz/index.html"]?.contains("<!-- raw HTML omitted -->") == true)
    }

    @Test("With raw_html: true the author's HTML is passed through as written", .timeLimit(.minutes(1)))
    func rawHTMLWhenTurnedOn() throws {
        let files = try built("raw-html-on")
        let module = try #require(files["en/goed/index.html"])
        #expect(module.contains("<script>alert(1)</script>"))
        #expect(module.contains("<img src=x onerror=alert(3)>"))
    }

    @Test("Script URLs in links and images are removed, raw HTML off or on", .timeLimit(.minutes(1)),
          arguments: ["script-urls", "script-urls-raw-html", "quiz-script-urls-raw-html"])
    func scriptURLsAreRemoved(fixture: String) throws {
        let files = try built(fixture)
        for (path, text) in files {
            #expect(scriptURL(in: text) == nil, "\(path): \(scriptURL(in: text) ?? "")")
        }
        if fixture.hasPrefix("script-urls") {
            #expect(files["en/goed/index.html"]?.contains("src=\"data:image/png;base64,iVBORw0KGgo=\"") == true)
        }
    }

    @Test("Template syntax in content comes out literally", .timeLimit(.minutes(1)))
    func templateSyntaxIsLiteral() throws {
        let files = try built("template-syntax-in-content")
        let literal = "{{x}} {{{y}}} {{&gt; layout}} {{#t}}z{{/t}} {{!c}} {{&lt;layout}}{{/layout}}"
        let module = try #require(files["en/goed/index.html"])
        #expect(module.contains("<title>Good \(literal) – Test course</title>"))
        #expect(module.components(separatedBy: literal).count - 1 >= 5)  // title, h1, summary, objective, heading, text, code
        let quiz = try #require(files["en/goed/quiz/index.html"])
        #expect(quiz.components(separatedBy: literal).count - 1 >= 5)  // title, question, option, feedback, explanation
        #expect(files["en/goed/slides/index.html"]?.contains("Notes \(literal)") == true)
    }

    @Test("Interface texts from Templates/i18n are escaped", .timeLimit(.minutes(1)))
    func interfaceTextsAreEscaped() throws {
        let replacements = [
            "skip_to_content": "\"<script>alert(1)</script>\"",
            "quiz_label": "'\"><script>alert(2)</script>'",
            "quiz_check": "\"</button><script>alert(3)</script>\"",
        ]
        let files = try built("bom-and-crlf") { workspace in
            let path = workspace.root.appendingPathComponent("Templates/i18n/en.yaml")
            let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let changed = lines.map { line in
                let key = String(line.prefix { $0 != ":" })
                return replacements[key].map { "\(key): \($0)" } ?? String(line)
            }
            try Data(changed.joined(separator: "\n").utf8).write(to: path)
        }
        expectNoInjectedScript(in: files)
        let quiz = try #require(files["en/goed/quiz/index.html"])
        #expect(quiz.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(quiz.contains("aria-label=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\""))
        #expect(quiz.contains("&lt;/button&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
    }

    @Test("An output folder inside the sources is refused and nothing is written", .timeLimit(.minutes(1)))
    func outputInsideTheSourcesIsRefused() throws {
        let workspace = try Workspace(fixture: "bom-and-crlf")
        defer { workspace.remove() }
        let before = Workspace.snapshot(of: workspace.folder)
        var options = workspace.options
        options.output = workspace.root.appendingPathComponent("Content/01-goed/site")
        #expect(throws: (any Error).self) { try Generator.Site.build(options) }
        #expect(Workspace.snapshot(of: workspace.folder) == before)
    }
}

import Diagnostics
import Markdown

/// One module's self-check quiz in one language, read from `quiz.<lang>.md`.
public struct Quiz: Sendable, Hashable {
    /// The title as plain text (for `<title>` and exports).
    public var title: String
    /// The title as inline HTML (for the page heading).
    public var titleHTML: String
    /// The paragraphs between the title and the first question, as HTML; empty when there are none.
    public var introHTML: String
    /// The questions in order.
    public var questions: [Question]

    /// Creates a quiz.
    public init(title: String, titleHTML: String, introHTML: String = "", questions: [Question]) {
        self.title = title
        self.titleHTML = titleHTML
        self.introHTML = introHTML
        self.questions = questions
    }

    /// Reads a quiz file, collecting every error and warning in one run.
    ///
    /// - Parameters:
    ///   - source: the file's Markdown, exactly as on disk (front matter is reported, not skipped silently).
    ///   - path: the file's path for diagnostics.
    ///   - language: the file's language code (`nl`, `en`), which decides the true/false words.
    ///   - options: raw HTML on or off.
    /// - Returns: the quiz, or `nil` when any error was found; and all diagnostics, sorted by line.
    public static func parse(
        source: String, path: String, language: String, options: MarkdownOptions = MarkdownOptions()
    ) -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        var reader = QuizReader(path: path, language: language, options: options)
        let quiz = reader.read(source)
        let diagnostics = reader.diagnostics.sortedByLocation()
        return (diagnostics.containsErrors ? nil : quiz, diagnostics)
    }
}

import Foundation
import Testing
import Quizzes

/// The examples in `docs/quizzes.md` are valid quizzes.
@Suite struct QuizDocsTests {
    static func examples() throws -> [String] {
        let docs = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/quizzes.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        return text.components(separatedBy: "```markdown\n").dropFirst()
            .compactMap { $0.components(separatedBy: "```\n").first }
            .filter { $0.contains("<!-- id:") }
    }

    @Test func everyDocumentedQuestionParsesWithoutDiagnostics() throws {
        let examples = try Self.examples()
        #expect(examples.count == 6)
        for example in examples {
            let source = example.hasPrefix("# ") ? example : "# Example\n\n" + example
            #expect(Quiz.parse(source: source, path: "docs", language: "en").diagnostics == [], "\(example)")
        }
    }
}

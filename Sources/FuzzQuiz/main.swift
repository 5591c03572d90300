// libFuzzer target: the quiz parser (`Quiz.parse`) and everything a parsed quiz goes through in a build: the
// answer key as JSON for the page, scoring, the nl/en comparison, and the GIFT and QTI exports.
//
// Tests/Fixtures/fuzz/run.sh (`make fuzz`) builds it with `-sanitize=fuzzer,address -D FUZZING`, and the code at
// the end hands control to libFuzzer. Built without `FUZZING` (a plain `swift build`), it replays the files
// named on its command line, so a crash reproduces in a debugger without libFuzzer.
import Diagnostics
import Foundation
import FuzzSupport
import Markdown
import Quizzes

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count
    // The language decides the true/false words; raw HTML is on for odd sizes so both modes are covered.
    let language = size.isMultiple(of: 3) ? "nl" : "en"
    let rawHTML = !size.isMultiple(of: 2)
    let (quiz, diagnostics) = Quiz.parse(source: text, path: "quiz.\(language).md", language: language,
                                         options: MarkdownOptions(allowsRawHTML: rawHTML))
    precondition((quiz == nil) == diagnostics.containsErrors, "a quiz with errors, or no quiz and no error")
    for diagnostic in diagnostics {
        let line = diagnostic.location?.line ?? 1
        precondition(line >= 1 && line <= lines + 1, "diagnostic outside the file: \(diagnostic)")
        precondition(diagnostic.code != nil, "a quiz diagnostic without its code: \(diagnostic)")
    }
    guard let quiz else { return 0 }
    for question in quiz.questions {
        let json = question.answerKey.json
        precondition(!json.isEmpty, "empty answer key")
        let count = question.kind.options?.count ?? 0
        _ = question.score(.choices(Array(0..<count)))
        _ = question.score(.choices([0, count, -1]))
        _ = question.score(.text(quiz.title))
        _ = question.score(.text("1,5"))
        if !rawHTML {
            let html = [question.promptHTML, question.stemHTML, question.explanationHTML ?? ""]
                + (question.kind.options ?? []).flatMap { [$0.html, $0.feedbackHTML ?? ""] }
            for part in html {
                precondition(!part.lowercased().contains("<script"), "raw <script> in safe mode: \(part)")
                precondition(scriptURL(in: part) == nil, "script URL in a quiz: \(part)")
            }
        }
    }
    _ = QuizComparison.warnings(comparing: quiz, at: "quiz.nl.md", with: quiz, at: "quiz.en.md")
    _ = GIFTExporter.export(quiz, path: "quiz.\(language).md")
    _ = QTIExporter.package(quiz, identifier: "fuzz-\(language)")
    return 0
}

runFuzzTarget(fuzz)

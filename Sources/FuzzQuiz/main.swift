// libFuzzer target: the quiz parser (`Quiz.parse`) and everything a parsed quiz goes through in a build: the
// answer key as JSON for the page, scoring, the nl/en comparison, and the GIFT and QTI exports.
//
// Tests/Fixtures/fuzz/run.sh (`make fuzz`) builds it with `-sanitize=fuzzer,address -D FUZZING`, and the code at
// the end hands control to libFuzzer. Built without `FUZZING` (a plain `swift build`), it replays the files
// named on its command line, so a crash reproduces in a debugger without libFuzzer.
import Diagnostics
import Foundation
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

/// The first `href`/`src` value that a browser would run as script, or `nil`; linear in the size of `html`.
func scriptURL(in html: String) -> String? {
    let bytes = Array(html.utf8)
    for attribute in ["href=\"", "src=\""].map({ Array($0.utf8) }) {
        var index = 0
        while let start = firstIndex(of: attribute, in: bytes, from: index) {
            let valueStart = start + attribute.count
            let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            index = valueEnd
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            let decoded = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
            let squeezed = String(decoded.unicodeScalars.filter { $0.value > 0x20 }.prefix(32)).lowercased()
            let isSafeImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { squeezed.hasPrefix($0) }
            if ["javascript:", "vbscript:", "file:", "data:"].contains(where: { squeezed.hasPrefix($0) }), !isSafeImage {
                return value
            }
        }
    }
    return nil
}

private func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count - start >= pattern.count else { return nil }
    for index in start...(bytes.count - pattern.count) where bytes[index] == pattern[0] {
        if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
    }
    return nil
}

#if FUZZING
// SwiftPM renames an executable's `main` (to `<Module>_main`), so libFuzzer's own `main` cannot be used: start its
// driver from here instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, fuzz))
#else
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    _ = [UInt8](data + [0]).withUnsafeBufferPointer { fuzz($0.baseAddress!, data.count) }
    print("ok \(path)")
}
#endif

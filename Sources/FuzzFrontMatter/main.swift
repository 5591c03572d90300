// libFuzzer target: the front matter splitter and the front matter reader (YAML through Yams).
//
// Tests/Fixtures/fuzz/run.sh (`make fuzz`) builds it with `-sanitize=fuzzer,address -D FUZZING`, and the code at
// the end hands control to libFuzzer. Built without `FUZZING` (a plain `swift build`), it replays the files
// named on its command line, so a crash reproduces in a debugger without libFuzzer.
import Content
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let split = FrontMatterSplit(text)
    // The body keeps the file's line numbers: front matter lines become empty lines, none go missing.
    let withoutMark = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    precondition(lineCount(split.body) == lineCount(withoutMark), "the body lost or gained lines")
    precondition(split.yaml == nil || !split.isUnterminated, "front matter both read and unterminated")
    guard let yaml = split.yaml else { return 0 }
    let (frontMatter, diagnostics) = FrontMatter.parse(yaml: yaml, firstLine: split.yamlFirstLine, path: "slides.en.md")
    precondition(frontMatter == nil || !diagnostics.containsErrors, "front matter returned despite errors")
    precondition(frontMatter != nil || diagnostics.containsErrors, "no front matter and no error")
    for diagnostic in diagnostics {
        precondition((diagnostic.location?.line ?? 1) >= 1, "a diagnostic before line 1: \(diagnostic)")
    }
    return 0
}

private func lineCount(_ text: String) -> Int {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count
}

runFuzzTarget(fuzz)

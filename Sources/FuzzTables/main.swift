// libFuzzer target: GitHub pipe tables, fed as table-shaped input. The first byte picks the alignments of a
// delimiter row that is put under the input's first line with as many columns as that line has cells, so most
// inputs really form a table; the rest of the input becomes body rows (and may break out of the table).
//
// Tests/Fixtures/fuzz/run.sh (`make fuzz`) builds it with `-sanitize=fuzzer,address -D FUZZING`, and the code at
// the end hands control to libFuzzer. Built without `FUZZING` (a plain `swift build`), it replays the files
// named on its command line, so a crash reproduces in a debugger without libFuzzer.
import Foundation
import FuzzSupport
import Markdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let shape = data[0]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    let header = lines.first ?? ""
    let columns = max(1, cellCount(header))
    let styles = ["---", ":--", "--:", ":-:"]
    let delimiter = (0..<columns).map { styles[(Int(shape) >> ($0 % 4 * 2)) & 3] }.joined(separator: " | ")
    lines.insert(shape & 1 == 0 ? "| \(delimiter) |" : delimiter, at: min(1, lines.count))
    let source = lines.joined(separator: "\n")
    let deck = SlideDeck(parsing: source, path: "slides.en.md") { _ in .replace("@root@/media/x.png") }
    for slide in deck.slides {
        let html = slide.html
        precondition(occurrences("<table>", in: html) == occurrences("</table>", in: html), "unbalanced <table>: \(html)")
        precondition(occurrences("<tr>", in: html) == occurrences("</tr>", in: html), "unbalanced <tr>: \(html)")
        precondition(!html.lowercased().contains("<script"), "raw <script> in safe mode: \(html)")
    }
    return 0
}

/// The cells of a row as GitHub counts them: outer pipes optional, `\|` is a literal pipe.
func cellCount(_ line: String) -> Int {
    var text = Substring(line.trimmingCharacters(in: .whitespaces))
    if text.first == "|" { text = text.dropFirst() }
    if text.last == "|", !text.hasSuffix("\\|") { text = text.dropLast() }
    var count = 1
    var escaped = false
    for character in text {
        if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "|" { count += 1 }
    }
    return min(count, 64)
}

func occurrences(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

runFuzzTarget(fuzz)

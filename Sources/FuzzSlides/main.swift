// libFuzzer target: a slides file through cmark and the slide layer (`SlideDeck`): splitting, notes, heading ids,
// pipe tables, link resolution and the script-URL check, with raw HTML off and on.
//
// Tests/Fixtures/fuzz/run.sh (`make fuzz`) builds it with `-sanitize=fuzzer,address -D FUZZING`, and the code at
// the end hands control to libFuzzer. Built without `FUZZING` (a plain `swift build`), it replays the files
// named on its command line, so a crash reproduces in a debugger without libFuzzer.
import Diagnostics
import Foundation
import FuzzSupport
import Markdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count
    for rawHTML in [false, true] {
        // Every other relative link is rewritten, as the generator does for links to pages and media.
        var count = 0
        let deck = SlideDeck(parsing: text, path: "slides.en.md", options: MarkdownOptions(allowsRawHTML: rawHTML)) { _ in
            count += 1
            return count.isMultiple(of: 2) ? .replace("@root@/media/x.png") : .keep
        }
        for diagnostic in deck.diagnostics {
            let line = diagnostic.location?.line ?? 1
            precondition(line >= 1 && line <= lines + 1, "diagnostic outside the file: \(diagnostic)")
        }
        for (index, slide) in deck.slides.enumerated() {
            precondition(slide.number == index + 1, "slides numbered out of order")
            precondition(deck.anchors.contains("slide-\(slide.number)"), "slide without its anchor")
            // Speaker notes are always rendered in safe mode; slides only when raw HTML is off.
            precondition(scriptURL(in: slide.notesHTML) == nil, "script URL in notes: \(slide.notesHTML)")
            guard !rawHTML else { continue }
            precondition(!slide.html.lowercased().contains("<script"), "raw <script> in safe mode: \(slide.html)")
            precondition(scriptURL(in: slide.html) == nil, "script URL in a slide: \(scriptURL(in: slide.html) ?? "")")
        }
    }
    return 0
}

runFuzzTarget(fuzz)

// libFuzzer target: a slides file through cmark and the slide layer (`SlideDeck`): splitting, notes, heading ids,
// pipe tables, link resolution and the script-URL check, with raw HTML off and on.
//
// Tests/Fixtures/fuzz/run.sh (`make fuzz`) builds it with `-sanitize=fuzzer,address -D FUZZING`, and the code at
// the end hands control to libFuzzer. Built without `FUZZING` (a plain `swift build`), it replays the files
// named on its command line, so a crash reproduces in a debugger without libFuzzer.
import Diagnostics
import Foundation
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

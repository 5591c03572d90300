import Foundation
import Markdown
import Testing
@testable import Content

/// The byte-level readings of link destinations and files agree with the slower readings they stand in for.
@Suite struct ContentFastPathTests {
    @Test(arguments: [
        "https://x.org", "mailto:a@b.c", "C++:x", "a.b-c+d:y", "1http:x", ":x", "x", "", "ab:\u{301}x", "ab:é",
        "é:x", "a\u{301}b:x", "ab\u{301}:x", "h ttp:x", "ab:",
    ])
    func schemeCheckAgreesWithTheCharacterReading(url: String) {
        #expect(CourseLinks.hasScheme(url) == CourseLinks.characterHasScheme(url))
    }

    @Test(arguments: ["../02-verder/slides.nl.md", "./img//schema.png", "/", "", "a/b/", "..//..", "img/./sub/../schema.png"])
    func aDestinationIsSplitIntoItsPartsLikeTheCharacterSplit(destination: String) {
        #expect(LinkText.split(Substring(destination), at: "/", isASCII: true) == destination.split(separator: "/"))
    }

    @Test func aPercentEncodedOrNonASCIIFileNameIsResolved() {
        let module = ModuleSource(folder: "01-a", number: 1, defaultSlug: "a", slides: [:], quizzes: [:], files: ["schéma 1.png"])
        let course = CourseSource(
            root: URL(fileURLWithPath: "/"), displayRoot: ".", config: SiteConfig(title: Localized([:]), languages: [Language("nl")], baseURL: "https://e.org/"),
            modules: [module])
        let links = CourseLinks(course: course)
        for destination in ["sch%C3%A9ma%201.png", "schéma 1.png"] {
            let resolved = links.resolve(LinkReference(kind: .image, destination: destination, line: 1, column: 1), from: module, language: Language("nl"))
            #expect(resolved.resolution == .replace("@root@/media/01-a/sch%C3%A9ma%201.png"), "\(destination)")
        }
    }

    @Test func aFileWithAByteOrderMarkAndCRLFIsReadWithoutTheMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: é\r\nb\r\n".utf8)
        #expect(text(bytes) == "a: é\r\nb\r\n")
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        let bytes: [UInt8] = Array("ok\r\nab".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(text(bytes) == "f.md:2:3: error: the file is not valid UTF-8 (byte 0xC3); save it as UTF-8")
    }

    @Test func invalidUTF8IsReportedBeforeAnEarlierNULByte() {
        let bytes: [UInt8] = [0x61, 0x00, 0x0A, 0xFF]
        #expect(text(bytes) == "f.md:2:1: error: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8")
    }

    @Test func aNULByteIsReportedAtItsLineAndColumn() {
        let bytes: [UInt8] = Array("é\nxy".utf8) + [0x00]
        #expect(text(bytes) == "f.md:2:3: error: the file contains a NUL byte; remove it (the file may be binary or saved as UTF-16)")
    }

    @Test func anEmptyFileIsEmptyText() {
        #expect(text([]) == "")
    }

    /// The text read, or the diagnostic's description.
    func text(_ bytes: [UInt8]) -> String {
        let result = bytes.withUnsafeBufferPointer { TextFile.text(of: $0, path: "f.md") }
        switch result {
        case .success(let text): return text
        case .failure(let diagnostic): return diagnostic.description
        }
    }
}

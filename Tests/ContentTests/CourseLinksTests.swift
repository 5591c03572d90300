import Foundation
import Markdown
import Testing
@testable import Content

@Suite struct CourseLinksTests {
    let nl = Language("nl"), en = Language("en")

    func module(_ folder: String, slugs: [String: String], files: Set<String> = []) -> ModuleSource {
        var slides: [Language: SlidesSource] = [:]
        for (code, slug) in slugs {
            slides[Language(code)] = SlidesSource(path: "", displayPath: "", frontMatter: FrontMatter(title: "T"), file: URL(fileURLWithPath: "/dev/null"), slug: slug, slugLine: 1)
        }
        return ModuleSource(folder: folder, number: 1, defaultSlug: "", slides: slides, quizzes: [nl: QuizSource(path: "q", displayPath: "q", text: "")], files: files)
    }

    var links: (CourseLinks, ModuleSource) {
        let first = module("01-begin", slugs: ["nl": "begin", "en": "start"], files: ["img/schema.png"])
        let second = module("02-verder", slugs: ["nl": "verder", "en": "onwards"])
        let course = CourseSource(root: URL(fileURLWithPath: "/"), displayRoot: ".", config: SiteConfig(title: Localized([:]), languages: [nl, en], baseURL: "https://e.org/"), modules: [first, second])
        return (CourseLinks(course: course), first)
    }

    func resolve(_ destination: String, kind: LinkReference.Kind = .link, language: Language? = nil) -> LinkResolution {
        let (links, from) = self.links
        return links.resolve(LinkReference(kind: kind, destination: destination, line: 1, column: 1), from: from, language: language ?? nl).resolution
    }

    @Test func aModuleFileBecomesItsPageURL() {
        #expect(resolve("../02-verder/slides.nl.md") == .replace("@root@/nl/verder/"))
        #expect(resolve("../02-verder/slides.en.md#x") == .replace("@root@/en/onwards/#x"))
        #expect(resolve("../02-verder/quiz.nl.md") == .replace("@root@/nl/verder/quiz/"))
        #expect(resolve("../02-verder/", language: en) == .replace("@root@/en/onwards/"))
    }

    /// Links to a module's pages are read from their bytes; the general reading must give the same for the same
    /// target written another way (each pair: a form the quick reading takes, then one only the general one does).
    @Test(arguments: [
        ("slides.en.md", "./slides.en.md"), ("slides.en.md#a", "slides..en.md#a"), ("quiz.nl.md#q-1", "./quiz.nl.md#q-1"),
        ("../02-verder/slides.nl.md#x", "../02-verder/./slides.nl.md#x"), ("../02-verder/quiz.nl.md", "../02-verder//quiz.nl.md"),
        ("../01-begin/slides.en.md#", "./../01-begin/slides.en.md#"), ("../02-verder/slides.en.md#a?b", "../02-verder/slides.en.md.#a?b"),
    ])
    func pageLinksResolveAsTheGeneralReadingDoes(quick: String, general: String) {
        let (links, from) = self.links
        for language in [nl, en] {
            let reference = { (destination: String) in LinkReference(kind: .link, destination: destination, line: 1, column: 1) }
            #expect(links.resolve(reference(quick), from: from, language: language) == links.resolve(reference(general), from: from, language: language))
        }
        #expect(resolve(quick) != .keep)
    }

    /// A link to a page that does not exist gets the general reading's message, which names the link as written.
    @Test(arguments: [("quiz.en.md", "./quiz.en.md"), ("../02-verder/slides.de.md", "../02-verder/./slides.de.md")])
    func brokenPageLinksFailAsTheGeneralReadingSays(quick: String, general: String) {
        guard case .failure(let quickMessage) = resolve(quick), case .failure(let generalMessage) = resolve(general) else {
            Issue.record("\(quick) and \(general) should both fail")
            return
        }
        #expect(quickMessage == generalMessage.replacingOccurrences(of: "`\(general)`", with: "`\(quick)`"))
    }

    @Test(arguments: ["quiz.en.md", "../02-verder/quiz.en.md", "slides.de.md", "../../02-verder/slides.nl.md", "../09-weg/slides.nl.md", "..//slides.nl.md"])
    func brokenPageLinksFail(destination: String) {
        guard case .failure = resolve(destination) else {
            Issue.record("\(destination) should fail")
            return
        }
    }

    @Test func anImageInTheModuleFolderIsAnAsset() {
        let (links, from) = self.links
        let resolved = links.resolve(LinkReference(kind: .image, destination: "img/schema.png", line: 1, column: 1), from: from, language: nl)
        #expect(resolved.resolution == .replace("@root@/media/01-begin/img/schema.png"))
        #expect(resolved.asset == Asset(source: "01-begin/img/schema.png", outputPath: "media/01-begin/img/schema.png"))
    }

    @Test func fragmentsToPagesAreKeptForChecking() {
        let (links, from) = self.links
        let local = links.resolve(LinkReference(kind: .link, destination: "#intro", line: 1, column: 1), from: from, language: nl)
        #expect(local == ResolvedLink(.keep, page: PageReference(folder: "01-begin", language: nl, isQuiz: false, fragment: "intro")))
        let other = links.resolve(LinkReference(kind: .link, destination: "../02-verder/slides.en.md#step", line: 1, column: 1), from: from, language: nl)
        #expect(other.page == PageReference(folder: "02-verder", language: en, isQuiz: false, fragment: "step"))
    }

    @Test(arguments: ["https://example.org", "mailto:a@b.c", "#anchor", "//cdn.example.org/x"])
    func externalLinksAndAnchorsAreKept(destination: String) {
        #expect(resolve(destination) == .keep)
    }

    @Test(arguments: ["../../../etc/passwd", "../09-weg/slides.nl.md", "missing.png", "/absolute", "../02-verder/slides.de.md"])
    func brokenOrEscapingLinksFail(destination: String) {
        guard case .failure = resolve(destination) else {
            Issue.record("\(destination) should fail")
            return
        }
    }
}

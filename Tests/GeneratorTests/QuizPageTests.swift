import Foundation
import Testing
@testable import Generator

/// The quiz pages of the repository's course.
@Suite struct QuizPageTests {
    @Test func everyModuleHasAQuizPageWithOneFormPerQuestionAndDownloads() throws {
        let site = try TestSite(nil)
        defer { site.remove() }
        #expect(site.build() == [])
        let page = try #require(site.output("nl/waarom-devops/quiz/index.html"))
        #expect(page.contains("<section class=\"quiz\" data-quiz-key=\"nl/waarom-devops\""))
        #expect(page.contains("<form class=\"quiz-question\" id=\"q-result\" data-kind=\"single\" data-answer=\"{&quot;correct&quot;:[false,true,false],&quot;kind&quot;:&quot;single&quot;}\">"))
        #expect(page.contains("<p class=\"quiz-instruction\">Kies één antwoord.</p>"))
        #expect(page.contains("<div role=\"status\" class=\"quiz-result\"></div>"))
        #expect(page.contains("<summary>Toon het antwoord en de uitleg</summary>"))
        #expect(page.contains("<a href=\"waarom-devops-nl.gift\" download>"))
        #expect(site.output("nl/waarom-devops/quiz/waarom-devops-nl.gift")?.hasPrefix("// Zelftoets: Waarom DevOps?\n\n// [id:result]\n") == true)
        #expect(site.output("en/why-devops/quiz/why-devops-en-qti.zip")?.isEmpty == false)
    }

    @Test func aNumericQuestionTakesTypedDecimalInput() throws {
        let site = try TestSite(nil)
        defer { site.remove() }
        _ = site.build()
        let page = try #require(site.output("nl/van-naar/quiz/index.html"))
        #expect(page.contains("data-kind=\"numeric\""))
        #expect(page.contains("inputmode=\"decimal\""))
        #expect(!page.contains("type=\"number\""))
    }

    @Test func theModulePageTheDeckAndTheOverviewLinkToTheQuiz() throws {
        let site = try TestSite(nil)
        defer { site.remove() }
        _ = site.build()
        #expect(site.output("en/why-devops/index.html")?.contains("href=\"../../en/why-devops/quiz/\">Take the self-check</a>") == true)
        #expect(site.output("en/why-devops/index.html")?.contains("data-quiz-score=\"en/why-devops\"") == true)
        #expect(site.output("en/why-devops/slides/index.html")?.contains("<a class=\"deck-quiz\" href=\"../quiz/\">") == true)
        #expect(site.output("en/index.html")?.contains("href=\"../en/why-devops/quiz/\">Self-check</a>") == true)
        #expect(site.output("en/why-devops/quiz/index.html")?.contains("<a class=\"previous\" href=\"../\">") == true)
    }
}

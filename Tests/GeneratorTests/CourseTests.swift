import Foundation
import Testing
@testable import Generator

/// The repository's own course, built with the real theme.
@Suite struct CourseTests {
    @Test func theCourseBuildsWithoutWarningsUnderStrict() throws {
        let site = try TestSite(nil)
        defer { site.remove() }
        var options = site.options
        options.strict = true
        #expect(site.build(options) == [])
    }

    @Test func theCourseHasSixModulesInBothLanguagesWithEqualSlideCounts() throws {
        let site = try TestSite(nil)
        defer { site.remove() }
        let (loaded, _) = LoadedSite.load(site.options)
        let course = try #require(loaded)
        #expect(course.course.config.languages.map(\.code) == ["nl", "en"])
        #expect(course.course.modules.count == 6)
        for module in course.renderModules() {
            let counts = module.decks.mapValues(\.deck.slides.count)
            #expect(counts.keys.map(\.code).sorted() == ["en", "nl"], "\(module.source.folder)")
            #expect(Set(counts.values).count == 1, "\(module.source.folder) has different slide counts: \(counts)")
            for deck in module.decks.values {
                #expect(deck.deck.slides.allSatisfy { !$0.notesHTML.isEmpty }, "\(module.source.folder): every slide has notes")
            }
            #expect(module.source.quizzes.count == 2, "\(module.source.folder) has a quiz per language")
        }
    }

    @Test func theBuiltCourseIsValidHTMLForTheNuChecker() async throws {
        let site = try TestSite(nil)
        defer { site.remove() }
        #expect(site.build() == [])
        let result = try await NuChecker.check(folder: site.output)
        #expect(result.errors == "", "vnu reported:\n\(result.errors)")
        #expect(result.checkedPages >= 30)
    }
}

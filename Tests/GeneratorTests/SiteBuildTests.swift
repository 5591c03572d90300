import Foundation
import Testing
@testable import Generator

@Suite struct SiteBuildTests {
    @Test func aMinimalCourseBuildsEveryPage() throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        #expect(site.build() == [])
        for page in ["index.html", "en/index.html", "en/intro/index.html", "en/intro/slides/index.html", "404.html", "en/404.html",
                     "assets/lectern.css", OutputFolder.marker] {
            #expect(site.output(page) != nil, "missing \(page)")
        }
    }

    @Test func everyPageHasLanguageTitleCanonicalAndAlternates() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let page = try #require(site.output("nl/begin/index.html"))
        #expect(page.contains("<html lang=\"nl\">"))
        #expect(page.contains("<title>Begin – Testcursus</title>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/test/nl/begin/\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/test/en/start/\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/test/nl/begin/\">"))
        #expect(page.contains("<a href=\"../../en/start/\" hreflang=\"en\" lang=\"en\">English</a>"))
    }

    @Test func aModuleMissingInALanguageWarnsAndItsSwitchLeadsToThatOverview() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        #expect(site.build() == ["Content/03-alleen-nl:1:1: warning: the module has no `slides.en.md`; its en pages link to the en overview until it is translated"])
        let page = try #require(site.output("nl/alleen-nl/index.html"))
        #expect(page.contains("<a href=\"../../en/\" hreflang=\"en\" lang=\"en\">English</a> <small class=\"translation-missing\">"))
        #expect(site.output("en/alleen-nl/index.html") == nil)
    }

    @Test func linksToModulesBecomeRelativePageURLsAndImagesAreCopied() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let module = try #require(site.output("nl/begin/index.html"))
        #expect(module.contains("<a href=\"../../nl/verder/#stap-twee\">de tweede module</a>"))
        #expect(module.contains("<img src=\"../../media/01-begin/schema.png\" alt=\"een schema\" />"))
        let deck = try #require(site.output("en/start/slides/index.html"))
        #expect(deck.contains("<a href=\"../../../en/onwards/#step-two\">the second module</a>"))
        #expect(site.output("media/01-begin/schema.png") != nil)
    }

    @Test func theModulePageHasObjectivesSlidesAndNeighbours() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let page = try #require(site.output("nl/begin/index.html"))
        #expect(page.contains("<li>Je kunt beginnen.</li>"))
        #expect(page.contains("<section class=\"slide-text\" id=\"slide-2\" aria-label=\"Dia 2 van 2: Tweede dia\">"))
        #expect(page.contains("<a class=\"next\" rel=\"next\" href=\"../../nl/verder/\">"))
        #expect(!page.contains("class=\"previous\""))
        #expect(!page.contains("Vraag de groep"), "notes stay out of the readable page")
    }

    @Test func theDeckHasOneSectionPerSlideWithNotesKept() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let deck = try #require(site.output("nl/begin/slides/index.html"))
        #expect(deck.components(separatedBy: "<section class=\"slide\"").count - 1 == 2)
        #expect(deck.contains("<aside class=\"notes\" aria-label=\"Sprekersnotities\">\n<p>Vraag de groep wat ze verwachten.</p>"))
        #expect(deck.contains("data-deck-strings=\"{&quot;close&quot;:&quot;Sluiten&quot;"))
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let other = BuildOptions(root: site.root, output: site.root.appendingPathComponent("Other"))
        _ = site.build(other)
        #expect(TestSite.snapshot(of: other.output) == TestSite.snapshot(of: site.output))
        #expect(TestSite.snapshot(of: site.output).count > 10)
    }

    @Test func aBuildWithNothingChangedWritesNothingAndSaysSo() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = try Site.build(site.options)
        let page = site.output.appendingPathComponent("nl/begin/index.html")
        let written = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        let again = try Site.build(site.options)
        #expect(again.upToDate)
        #expect(again.pages == 16)
        #expect(again.warnings.count == 1, "the cached build reports the same warnings")
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == written)
    }

    @Test func aChangedSourceOrATamperedOutputIsBuiltAgain() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = try Site.build(site.options)
        try site.write("Content/02-verder/slides.nl.md", "---\ntitle: Verder\n---\n\n# Anders\n\n## Stap twee\n")
        #expect(try Site.build(site.options).upToDate == false)
        #expect(site.output("nl/verder/index.html")?.contains("Anders") == true)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("nl/verder/index.html"))
        #expect(try Site.build(site.options).upToDate == false)
        #expect(site.output("nl/verder/index.html") != nil)
    }

    /// The input digest reads every file below `Content/` and `Templates/`: any change there is a reason to build.
    @Test(arguments: [
        "a byte of an image, same size", "a hidden file added", "a file in a new subfolder", "a template", "a file removed",
    ])
    func anyChangeBelowContentOrTemplatesIsBuiltAgain(change: String) throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        try site.write("Content/01-begin/handout.txt", "x")
        _ = try Site.build(site.options)
        #expect(try Site.build(site.options).upToDate)
        switch change {
        case "a byte of an image, same size":
            let image = site.root.appendingPathComponent("Content/01-begin/schema.png")
            var bytes = try [UInt8](Data(contentsOf: image))
            bytes[bytes.count / 2] ^= 1
            try Data(bytes).write(to: image)
        case "a hidden file added": try site.write("Content/01-begin/.notes", "x")
        case "a file in a new subfolder": try site.write("Content/01-begin/img/extra.txt", "x")
        case "a template":
            let layout = site.root.appendingPathComponent("Templates/footer.mustache")
            try Data((try String(contentsOf: layout, encoding: .utf8) + " ").utf8).write(to: layout)
        default: try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/01-begin/handout.txt"))
        }
        #expect(try Site.build(site.options).upToDate == false, "\(change) is noticed")
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let before = TestSite.snapshot(of: site.output)
        try site.write("Content/02-verder/slides.nl.md", "---\ntitle: [kapot\n---\n")
        #expect(site.build().contains { $0.contains("error") })
        #expect(TestSite.snapshot(of: site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("lectern-") }
        #expect(leftovers == [])
    }

    @Test func aGoodBuildReplacesStaleFiles() throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        _ = site.build()
        try site.write("Public/stale.html", "old")
        _ = site.build()
        #expect(site.output("stale.html") == nil)
    }

    @Test(arguments: [".", "Content", "Templates", ".."])
    func anOutputFolderThatHoldsTheSourcesIsRefused(relative: String) throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        let options = BuildOptions(root: site.root, output: site.root.appendingPathComponent(relative))
        let diagnostics = site.build(options)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("error: the output folder") == true)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/site.yaml").path))
    }

    @Test func aFolderLecternDidNotMakeIsNotReplacedWithoutForce() throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        try site.write("Public/notes.txt", "precious")
        #expect(site.build().first?.contains("exists and was not made by Lectern") == true)
        #expect(site.output("notes.txt") == "precious")
        var options = site.options
        options.force = true
        #expect(site.build(options) == [])
        #expect(site.output("notes.txt") == nil)
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        try site.write("Content/02-draft/slides.en.md", "---\ntitle: Not yet\ndraft: true\n---\n\n# Soon\n")
        _ = site.build()
        #expect(site.output("en/draft/index.html") == nil)
        var options = site.options
        options.includeDrafts = true
        _ = site.build(options)
        #expect(site.output("en/draft/index.html") != nil)
    }

    @Test func theBaseURLOptionReplacesTheOneFromSiteYAML() throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        var options = site.options
        options.baseURL = "https://org.github.io/course"
        _ = site.build(options)
        #expect(site.output("en/intro/index.html")?.contains("href=\"https://org.github.io/course/en/intro/\"") == true)
    }
}

@Suite struct SitemapTests {
    @Test func theSitemapListsEveryPageWithItsAlternatesAndXDefault() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        _ = site.build()
        let sitemap = try #require(site.output("sitemap.xml"))
        #expect(sitemap.contains("""
            <url>
            <loc>https://example.org/test/en/start/</loc>
            <xhtml:link rel="alternate" hreflang="nl" href="https://example.org/test/nl/begin/"/>
            <xhtml:link rel="alternate" hreflang="en" href="https://example.org/test/en/start/"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/test/nl/begin/"/>
            </url>
            """))
        let pages = TestSite.snapshot(of: site.output).keys.filter { $0.hasSuffix("index.html") }
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == pages.count)
    }

    @Test func urlsAreEscapedForXMLAndPlainOnesKeptAsTheyAre() {
        let entry = Sitemap.Entry(path: "nl/a&b/", alternates: [(hreflang: "en", path: "en/plain/")])
        let xml = Sitemap(baseURL: "https://example.org/\"x\"<y>/", entries: [entry]).xml
        #expect(xml.contains("<loc>https://example.org/&quot;x&quot;&lt;y&gt;/nl/a&amp;b/</loc>"))
        #expect(xml.contains("hreflang=\"en\" href=\"https://example.org/&quot;x&quot;&lt;y&gt;/en/plain/\""))
        let plain = Sitemap(baseURL: "https://example.org/", entries: [entry]).xml
        #expect(plain.contains("href=\"https://example.org/en/plain/\""))
    }

    @Test func robotsPointsAtTheSitemap() throws {
        let site = try TestSite("minimal")
        defer { site.remove() }
        _ = site.build()
        #expect(site.output("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/test/sitemap.xml\n")
    }
}

@Suite struct VerifyTests {
    @Test func verifyPassesForADeterministicBuild() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        var options = site.options
        options.verify = true
        #expect(site.build(options).allSatisfy { $0.contains("warning") })
        #expect(site.output("index.html") != nil)
    }

    @Test func theComparisonNamesTheFirstFileThatDiffers() {
        let first: [String: UInt64] = ["a.html": 1, "b.html": 2]
        #expect(Site.firstDifference(first, first) == nil)
        #expect(Site.firstDifference(first, ["a.html": 1, "b.html": 3]) == "b.html")
        #expect(Site.firstDifference(first, ["a.html": 1]) == "b.html")
    }
}

@Suite struct RenderCacheTests {
    @Test func aRebuildWithACacheRendersOnlyTheChangedFile() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        var options = site.options
        options.cache = RenderCache()
        _ = try Site.build(options)
        #expect(options.cache?.statistics.hits == 0)
        #expect(options.cache?.statistics.misses == 5)
        try site.write("Content/02-verder/slides.en.md", "---\ntitle: Onwards\nslug: onwards\n---\n\n# Changed\n\n## Step two\n")
        _ = try Site.build(options)
        #expect(options.cache?.statistics.hits == 4)
        #expect(options.cache?.statistics.misses == 6)
        #expect(site.output("en/onwards/index.html")?.contains("Changed") == true)
    }

    @Test func aChangedSlugRendersEveryFileAgain() throws {
        let site = try TestSite("bilingual")
        defer { site.remove() }
        var options = site.options
        options.cache = RenderCache()
        _ = try Site.build(options)
        try site.write("Content/02-verder/slides.en.md", "---\ntitle: Onwards\nslug: further\n---\n\n# Onwards\n\n## Step two\n")
        _ = try Site.build(options)
        #expect(options.cache?.statistics.misses == 10, "links to the module depend on its slug")
        #expect(site.output("en/start/index.html")?.contains("href=\"../../en/further/#step-two\"") == true)
    }
}

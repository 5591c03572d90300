import Diagnostics
import Foundation
import Testing
@testable import Generator

/// `Site.rebuild`, as `lectern serve` calls it: the repository's course is built, a file is edited, and the rebuilt
/// output must be byte for byte what a whole build of the edited course writes into another folder.
@Suite struct IncrementalRebuildTests {
    /// The repository's course, built once by `rebuild` as a preview session starts.
    struct Served {
        let site: TestSite
        var built: BuiltSite

        init() throws {
            try self.init(site: TestSite(nil))
        }

        /// Builds a course prepared by the test.
        init(site: TestSite) throws {
            self.site = site
            built = try Site.rebuild(site.options, after: [], from: nil)
        }

        /// Rebuilds after edits of the files named (relative to the root), keeping the result on success.
        mutating func rebuild(after files: [String]) throws(DiagnosticsError) -> BuildReport {
            built = try Site.rebuild(site.options, after: files.map { site.root.appendingPathComponent($0).path }, from: built)
            return built.report
        }

        /// A whole build of the course as it is now into a fresh folder, with every file's bytes.
        func wholeBuild() throws -> [String: Data] {
            let reference = site.root.appendingPathComponent("Reference-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: reference) }
            var options = site.options
            options.output = reference
            _ = try Site.build(options)
            return Self.tree(reference)
        }

        /// The diagnostics a whole build of the course as it is now throws.
        func wholeBuildDiagnostics() -> [String] {
            var options = site.options
            options.output = site.root.appendingPathComponent("Reference-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: options.output) }
            do { _ = try Site.build(options); return [] } catch { return error.diagnostics.map(\.description) }
        }

        var output: [String: Data] { Self.tree(site.output) }

        /// Every file (with its bytes) and folder (with no bytes, its name ending in `/`) below a folder, but the marker.
        static func tree(_ folder: URL) -> [String: Data] {
            var tree: [String: Data] = [:]
            for name in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] where name != OutputFolder.marker {
                var isDirectory: ObjCBool = false
                let path = folder.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                tree[isDirectory.boolValue ? name + "/" : name] = isDirectory.boolValue ? Data() : FileManager.default.contents(atPath: path)
            }
            return tree
        }

        /// Each file's inode and modification time, to tell which files were written.
        var stamps: [String: String] {
            var stamps: [String: String] = [:]
            for name in FileManager.default.enumerator(atPath: site.output.path)?.allObjects as? [String] ?? [] {
                var info = stat()
                guard stat(site.output.appendingPathComponent(name).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                stamps[name] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
            return stamps
        }

        func append(_ text: String, to relative: String) throws {
            let old = try String(contentsOf: site.root.appendingPathComponent(relative), encoding: .utf8)
            try site.write(relative, old + text)
        }

        func replace(_ old: String, with new: String, in relative: String) throws {
            let text = try String(contentsOf: site.root.appendingPathComponent(relative), encoding: .utf8)
            #expect(text.contains(old), "the fixture has \(old)")
            try site.write(relative, text.replacingOccurrences(of: old, with: new))
        }
    }

    /// The files whose stamps differ between two looks, sorted.
    func changed(_ before: [String: String], _ after: [String: String]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    @Test func aBodyEditRendersThatModulesPagesInThatLanguageAndWritesOnlyThoseThatChanged() throws {
        var served = try Served()
        defer { served.site.remove() }
        let before = served.stamps
        try served.append("\nA sentence added while serving.\n", to: "Content/03-waarom-devops/slides.en.md")

        let report = try served.rebuild(after: ["Content/03-waarom-devops/slides.en.md"])

        #expect(report.scope == RebuildScope(isIncremental: true, rendered: 5, written: 2), "module, deck, quiz, GIFT, QTI; the quiz files are the same")
        #expect(changed(before, served.stamps) == ["en/why-devops/index.html", "en/why-devops/slides/index.html"])
        #expect(served.site.output("en/why-devops/slides/index.html")?.contains("A sentence added while serving.") == true)
        #expect(served.output == (try served.wholeBuild()))
    }

    @Test func aTitleEditRendersTheNeighboursModulePagesAndTheOverviewToo() throws {
        var served = try Served()
        defer { served.site.remove() }
        let before = served.stamps
        try served.replace("title: Why DevOps?", with: "title: Why DevOps, really?", in: "Content/03-waarom-devops/slides.en.md")

        let report = try served.rebuild(after: ["Content/03-waarom-devops/slides.en.md"])

        #expect(report.scope?.isIncremental == true)
        #expect(report.scope?.rendered == 8, "its five pages, the two neighbours' module pages, the overview")
        #expect(changed(before, served.stamps) == [
            "en/index.html", "en/not-a-new-department/index.html", "en/from-to/index.html", "en/why-devops/index.html",
            "en/why-devops/quiz/index.html", "en/why-devops/slides/index.html",
        ].sorted())
        #expect(served.output == (try served.wholeBuild()))
    }

    @Test func aQuizEditRewritesTheQuizPageAndItsDownloads() throws {
        var served = try Served()
        defer { served.site.remove() }
        let before = served.stamps
        try served.replace("What does the quote about Dev and Ops mainly show?", with: "What does the quote show?", in: "Content/01-dev-en-ops/quiz.en.md")

        let report = try served.rebuild(after: ["Content/01-dev-en-ops/quiz.en.md"])

        #expect(report.scope?.isIncremental == true)
        #expect(changed(before, served.stamps).allSatisfy { $0.hasPrefix("en/dev-and-ops/quiz/") })
        #expect(changed(before, served.stamps).count == 3)
        #expect(served.output == (try served.wholeBuild()))
    }

    @Test func addingOrDeletingAQuizBuildsTheWholeSiteTheSameAsABuild() throws {
        var served = try Served()
        defer { served.site.remove() }
        let quiz = try String(contentsOf: served.site.root.appendingPathComponent("Content/01-dev-en-ops/quiz.en.md"), encoding: .utf8)
        try FileManager.default.removeItem(at: served.site.root.appendingPathComponent("Content/01-dev-en-ops/quiz.en.md"))
        try FileManager.default.removeItem(at: served.site.root.appendingPathComponent("Content/01-dev-en-ops/quiz.nl.md"))

        let deleted = try served.rebuild(after: ["Content/01-dev-en-ops/quiz.en.md", "Content/01-dev-en-ops/quiz.nl.md"])
        #expect(deleted.scope?.isIncremental == false)
        #expect(served.output == (try served.wholeBuild()))

        try served.site.write("Content/01-dev-en-ops/quiz.en.md", quiz)
        let added = try served.rebuild(after: ["Content/01-dev-en-ops/quiz.en.md"])
        #expect(added.scope?.isIncremental == false)
        #expect(added.warnings.map(\.code).contains("W006"), "the quiz is missing in nl")
        #expect(served.output == (try served.wholeBuild()))
    }

    @Test func anEditThatBreaksAnotherModulesAnchorFailsLikeAWholeBuildAndWritesNothing() throws {
        let site = try TestSite(nil)
        try site.write("Content/03-waarom-devops/slides.en.md",
                       try String(contentsOf: site.root.appendingPathComponent("Content/03-waarom-devops/slides.en.md"), encoding: .utf8)
                       + "\n---\n\n## A checkpoint\n\nText.\n")
        try site.write("Content/01-dev-en-ops/slides.en.md",
                       try String(contentsOf: site.root.appendingPathComponent("Content/01-dev-en-ops/slides.en.md"), encoding: .utf8)
                       + "\nSee [the checkpoint](../03-waarom-devops/slides.en.md#a-checkpoint).\n")
        var served = try Served(site: site)
        defer { served.site.remove() }
        let (before, stamps) = (served.output, served.stamps)
        try served.replace("## A checkpoint", with: "## A milestone", in: "Content/03-waarom-devops/slides.en.md")

        var thrown: [String] = []
        do throws(DiagnosticsError) { _ = try served.rebuild(after: ["Content/03-waarom-devops/slides.en.md"]) } catch { thrown = error.diagnostics.map(\.description) }

        #expect(thrown.contains { $0.hasPrefix("Content/01-dev-en-ops/slides.en.md:") && $0.contains("`#a-checkpoint` matches no heading or slide") })
        #expect(thrown == served.wholeBuildDiagnostics())
        #expect(served.stamps == stamps)
        #expect(served.output == before)
    }

    @Test func aTemplateChangeRendersEveryPageAgain() throws {
        var served = try Served()
        defer { served.site.remove() }
        try served.append("<!-- theme changed -->\n", to: "Templates/layout.mustache")

        let report = try served.rebuild(after: ["Templates/layout.mustache"])

        #expect(report.scope?.isIncremental == false)
        #expect(served.site.output("en/why-devops/slides/index.html")?.contains("theme changed") == true)
        #expect(served.output == (try served.wholeBuild()))
    }

    @Test func anEditedImageIsCopiedAgainAndAnImageNoLongerLinkedIsRemoved() throws {
        let site = try TestSite(nil)
        try site.write("Content/02-van-naar/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        try site.write("Content/02-van-naar/slides.nl.md",
                       try String(contentsOf: site.root.appendingPathComponent("Content/02-van-naar/slides.nl.md"), encoding: .utf8)
                       + "\n![Een schema](diagram.svg)\n")
        var served = try Served(site: site)
        defer { served.site.remove() }

        try served.site.write("Content/02-van-naar/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\"/>\n")
        let copied = try served.rebuild(after: ["Content/02-van-naar/diagram.svg"])
        #expect(copied.scope == RebuildScope(isIncremental: true, rendered: 0, written: 1))
        #expect(served.output == (try served.wholeBuild()))

        try served.replace("![Een schema](diagram.svg)", with: "", in: "Content/02-van-naar/slides.nl.md")
        let removed = try served.rebuild(after: ["Content/02-van-naar/slides.nl.md"])
        #expect(removed.scope?.isIncremental == true)
        #expect(served.site.output("media/02-van-naar/diagram.svg") == nil)
        #expect(served.output == (try served.wholeBuild()), "no empty media folder is left either")
    }

    @Test func aSlugChangeOrABrokenFrontMatterBuildsTheWholeSite() throws {
        var served = try Served()
        defer { served.site.remove() }
        try served.replace("slug: why-devops", with: "slug: why", in: "Content/03-waarom-devops/slides.en.md")
        let renamed = try served.rebuild(after: ["Content/03-waarom-devops/slides.en.md"])
        #expect(renamed.scope?.isIncremental == false)
        #expect(served.output == (try served.wholeBuild()))

        try served.replace("title: Why DevOps?\n", with: "title: [Why\n", in: "Content/03-waarom-devops/slides.en.md")
        var thrown: [String] = []
        do throws(DiagnosticsError) { _ = try served.rebuild(after: ["Content/03-waarom-devops/slides.en.md"]) } catch { thrown = error.diagnostics.map(\.description) }
        #expect(!thrown.isEmpty)
        #expect(thrown == served.wholeBuildDiagnostics())
    }

    @Test func editsOfSeveralModulesInOneRebuildGiveTheSameSiteAsABuild() throws {
        var served = try Served()
        defer { served.site.remove() }
        try served.append("\nExtra nl.\n", to: "Content/02-van-naar/slides.nl.md")
        try served.replace("title: Why DevOps?", with: "title: Why DevOps now?", in: "Content/03-waarom-devops/slides.en.md")
        try served.append("\nExtra en.\n", to: "Content/06-het-team/slides.en.md")

        let report = try served.rebuild(after: [
            "Content/02-van-naar/slides.nl.md", "Content/03-waarom-devops/slides.en.md", "Content/06-het-team/slides.en.md",
        ])

        #expect(report.scope?.isIncremental == true)
        #expect(served.output == (try served.wholeBuild()))
    }

    @Test func successiveRebuildsStartFromEachOthersResultAndReportTheWholeBuildsWarnings() throws {
        var served = try Served()
        defer { served.site.remove() }
        try served.replace("title: Why DevOps?", with: "title: Why DevOps, again?", in: "Content/03-waarom-devops/slides.en.md")
        _ = try served.rebuild(after: ["Content/03-waarom-devops/slides.en.md"])
        try served.append("\nMore on the next module.\n", to: "Content/04-geen-nieuwe-afdeling/slides.en.md")
        _ = try served.rebuild(after: ["Content/04-geen-nieuwe-afdeling/slides.en.md"])
        #expect(served.site.output("en/not-a-new-department/index.html")?.contains("Why DevOps, again?") == true, "its previous module's new title")

        try served.append("\n---\n\n## A slide only in English\n", to: "Content/02-van-naar/slides.en.md")
        let warned = try served.rebuild(after: ["Content/02-van-naar/slides.en.md"])

        #expect(warned.scope?.isIncremental == true)
        #expect(warned.warnings.contains { $0.message.contains("this translation has") })
        var options = served.site.options
        options.output = served.site.root.appendingPathComponent("Reference")
        #expect(warned.warnings == (try Site.build(options)).warnings)
        #expect(served.output == (try served.wholeBuild()))
    }
}

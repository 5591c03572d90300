import Diagnostics
import Foundation
import Testing
@testable import Generator
@testable import Preview

/// `lectern serve` after an edit, with a real session, server and files: only the pages the edit changes are
/// written, what is served is what a whole build writes, and a failed rebuild changes nothing that is served.
@Suite(.serialized) struct IncrementalServeTests {
    private func withSession(_ course: TestCourse, _ body: (PreviewSession, ReportRecorder, UInt16) async throws -> Void) async throws {
        let recorder = ReportRecorder()
        let session = PreviewSession(
            options: BuildOptions(root: course.root), address: try #require(ListenAddress(host: "127.0.0.1", port: 0)),
            pollInterval: .milliseconds(50), report: recorder.report)
        let url = try await session.start()
        do {
            try await body(session, recorder, UInt16(url.port!))
        } catch {
            await session.stop()
            course.remove()
            throw error
        }
        await session.stop()
        course.remove()
    }

    /// The folder a session serves.
    private func servedFolder(_ session: PreviewSession) -> URL { session.workFolder.appendingPathComponent("site") }

    /// Whether the served folder holds byte for byte what a whole build of the session's course writes.
    private func servesAWholeBuild(_ session: PreviewSession, port: UInt16) throws -> Bool {
        SiteFiles.tree(servedFolder(session)) == (try SiteFiles.wholeBuild(session.options, baseURL: "http://127.0.0.1:\(port)/"))
    }

    /// Waits for the build after the `count`th, and returns whether it came.
    private func waitForBuild(after count: Int, _ recorder: ReportRecorder) async -> Bool {
        await eventually(within: 60) { recorder.builds > count }
    }

    @Test func anEditRewritesOnlyThatModulesChangedPagesAndIsServedAsAWholeBuildWouldWriteIt() async throws {
        try await withSession(try TestCourse.repositoryCourse()) { session, recorder, port in
            let site = servedFolder(session)
            let before = SiteFiles.stamps(site)
            try course(session).append("\nAn edit while serving.\n", to: "Content/03-waarom-devops/slides.en.md")

            #expect(await waitForBuild(after: 1, recorder))
            #expect(recorder.lastBuilt?.scope?.isIncremental == true)
            #expect(SiteFiles.changed(before, SiteFiles.stamps(site)) == ["en/why-devops/index.html", "en/why-devops/slides/index.html"])
            #expect(try await RawResponse.get("/en/why-devops/slides/", port: port).body.contains("An edit while serving."))
            #expect(try servesAWholeBuild(session, port: port))
        }
    }

    @Test func anEditBreakingAnotherModulesAnchorFailsWithTheWholeBuildsErrorsAndKeepsTheSite() async throws {
        let course = try TestCourse.repositoryCourse()
        try course.append("\n---\n\n## A checkpoint\n\nText.\n", to: "Content/03-waarom-devops/slides.en.md")
        try course.append("\nSee [the checkpoint](../03-waarom-devops/slides.en.md#a-checkpoint).\n", to: "Content/01-dev-en-ops/slides.en.md")
        try await withSession(course) { session, recorder, port in
            let site = servedFolder(session)
            let (tree, stamps) = (SiteFiles.tree(site), SiteFiles.stamps(site))
            try course.replace("## A checkpoint", with: "## A milestone", in: "Content/03-waarom-devops/slides.en.md")

            #expect(await waitForBuild(after: 1, recorder))
            let failure = try #require(recorder.lastFailure)
            #expect(failure.contains { $0.description.contains("`#a-checkpoint` matches no heading or slide") })
            #expect(failure.map(\.description) == Site.check(session.options).map(\.description))
            let status = try JSONDecoder().decode(BuildStatus.self, from: Data(try await RawResponse.get("/__lectern/status", port: port).body.utf8))
            #expect(status == BuildStatus(succeeded: false, diagnostics: failure))
            #expect(SiteFiles.stamps(site) == stamps)
            #expect(SiteFiles.tree(site) == tree)
            #expect(try await RawResponse.get("/en/why-devops/", port: port).body.contains("A checkpoint"))
        }
    }

    @Test func aFailedEditIsBuiltAgainWithTheNextEdit() async throws {
        let course = try TestCourse.repositoryCourse()
        try course.append("\n---\n\n## A checkpoint\n\nText.\n", to: "Content/03-waarom-devops/slides.en.md")
        try course.append("\nSee [the checkpoint](../03-waarom-devops/slides.en.md#a-checkpoint).\n", to: "Content/01-dev-en-ops/slides.en.md")
        try await withSession(course) { session, recorder, port in
            try course.replace("## A checkpoint", with: "## A milestone", in: "Content/03-waarom-devops/slides.en.md")
            #expect(await waitForBuild(after: 1, recorder))
            #expect(recorder.lastFailure != nil)

            // Only the linking module changes now; the milestone must still reach the served site.
            try course.replace("See [the checkpoint](../03-waarom-devops/slides.en.md#a-checkpoint).", with: "", in: "Content/01-dev-en-ops/slides.en.md")
            #expect(await waitForBuild(after: 2, recorder))
            #expect(recorder.lastFailure == nil)
            #expect(recorder.lastBuilt?.scope?.isIncremental == true)
            #expect(try await RawResponse.get("/en/why-devops/", port: port).body.contains("A milestone"))
            #expect(try servesAWholeBuild(session, port: port))
        }
    }

    @Test func aTemplateChangeRendersAndWritesEveryPageAgain() async throws {
        try await withSession(try TestCourse.repositoryCourse()) { session, recorder, port in
            let site = servedFolder(session)
            let before = SiteFiles.stamps(site)
            try course(session).append("<!-- theme changed -->\n", to: "Templates/layout.mustache")

            #expect(await waitForBuild(after: 1, recorder))
            #expect(recorder.lastBuilt?.scope?.isIncremental == false)
            let after = SiteFiles.stamps(site)
            #expect(Set(SiteFiles.changed(before, after)) == Set(before.keys), "every file is new")
            #expect(try await RawResponse.get("/en/", port: port).body.contains("theme changed"))
        }
    }

    private func course(_ session: PreviewSession) -> TestCourse { TestCourse(root: session.options.root) }
}

/// Looks at a built site's files.
enum SiteFiles {
    /// Every file (with its bytes) and folder (ending in `/`, no bytes) below a folder, but the marker.
    static func tree(_ folder: URL) -> [String: Data] {
        var tree: [String: Data] = [:]
        for name in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] where name != ".lectern-output" {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            tree[isDirectory.boolValue ? name + "/" : name] = isDirectory.boolValue ? Data() : FileManager.default.contents(atPath: path)
        }
        return tree
    }

    /// Each file's inode and modification time, to tell which files were written.
    static func stamps(_ folder: URL) -> [String: String] {
        var stamps: [String: String] = [:]
        for name in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] where name != ".lectern-output" {
            var info = stat()
            guard stat(folder.appendingPathComponent(name).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            stamps[name] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return stamps
    }

    /// The files whose stamps differ, sorted.
    static func changed(_ before: [String: String], _ after: [String: String]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// What `lectern build` writes for the course as it is now, with the preview's base URL, into a fresh folder.
    static func wholeBuild(_ options: BuildOptions, baseURL: String) throws -> [String: Data] {
        var options = options
        options.output = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-reference-\(UUID().uuidString)")
        options.baseURL = baseURL
        defer { try? FileManager.default.removeItem(at: options.output) }
        _ = try Site.build(options)
        return tree(options.output)
    }
}

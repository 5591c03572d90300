import Foundation
import Testing
@testable import Preview
@testable import Generator

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real sessions: a real course in a temporary folder, a real server on 127.0.0.1 on a port the system picks, and
/// real HTTP clients (URLSession, and a raw socket for what URLSession would normalize or buffer).
@Suite(.serialized) struct PreviewSessionTests {
    struct Running {
        let course: TestCourse
        let session: PreviewSession
        let url: URL
        let recorder: ReportRecorder
        var port: UInt16 { UInt16(url.port!) }

        func stop() async {
            await session.stop()
            course.remove()
        }
    }

    private func start(_ course: TestCourse) async throws -> Running {
        let recorder = ReportRecorder()
        let session = PreviewSession(
            options: BuildOptions(root: course.root), address: try #require(ListenAddress(host: "127.0.0.1", port: 0)), report: recorder.report)
        let url = try await session.start()
        return Running(course: course, session: session, url: url, recorder: recorder)
    }

    /// Runs the body against a started session, then stops it and removes the course, whatever the body did.
    private func withSession(_ course: TestCourse, _ body: (Running) async throws -> Void) async throws {
        let running = try await start(course)
        do {
            try await body(running)
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }

    private func fetch(_ url: URL) async throws -> (String, HTTPURLResponse) {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(from: url)
        return (String(decoding: data, as: UTF8.self), try #require(response as? HTTPURLResponse))
    }

    @Test func servesTheOverviewWithTheReloadScriptAndTheStylesheetWithItsType() async throws {
        try await withSession(try TestCourse.repositoryCourse()) { running in
            #expect(running.url.absoluteString.hasPrefix("http://127.0.0.1:"))

            let (page, pageResponse) = try await fetch(running.url.appendingPathComponent("nl/"))
            #expect(pageResponse.statusCode == 200)
            #expect(pageResponse.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
            #expect(pageResponse.value(forHTTPHeaderField: "Cache-Control") == "no-store")
            #expect(page.contains("<title>DevOps-training</title>"))
            #expect(page.contains("<script src=\"/__lectern/reload.js\" defer></script></body>"))

            let (css, cssResponse) = try await fetch(running.url.appendingPathComponent("assets/lectern.css"))
            #expect(cssResponse.statusCode == 200)
            #expect(cssResponse.value(forHTTPHeaderField: "Content-Type") == "text/css; charset=utf-8")
            #expect(!css.contains("reload.js"))

            let (script, scriptResponse) = try await fetch(running.url.appendingPathComponent("__lectern/reload.js"))
            #expect(scriptResponse.value(forHTTPHeaderField: "Content-Type") == "text/javascript; charset=utf-8")
            #expect(script == LiveReloadScript.source)

            let built = try String(contentsOf: running.session.workFolder.appendingPathComponent("site/nl/index.html"), encoding: .utf8)
            #expect(!built.contains("reload.js"), "the script is added while serving, never written into the build")
        }
    }

    /// How soon is measured by the benchmark (`make bench`: about 0.36 s from saving to the page served changed, on the
    /// 500-module course); here the deadline only keeps a broken watcher from hanging the test.
    @Test func anEditedSlidesFileIsServedChangedAndReloadsOpenPages() async throws {
        try await withSession(try TestCourse.small()) { running in
            let events = try RawHTTPConnection(port: running.port)
            defer { events.close() }
            try events.send("GET", "/__lectern/events", keepAlive: true)
            let opened = await events.read(timeout: .seconds(30)) { $0.contains("retry: 1000") }
            #expect(opened.text.contains("Content-Type: text/event-stream"))

            try running.course.write("Content/01-intro/slides.en.md", "---\ntitle: Intro\n---\n\n# Hello again\n")
            let changed = try await eventually(within: 60) {
                try await RawResponse.get("/en/intro/", port: running.port).body.contains("Hello again")
            }
            #expect(changed, "the edited page is served changed")
            let received = await events.read(timeout: .seconds(30)) { $0.contains("event: reload") }
            #expect(received.text.contains("event: reload\ndata: {}\n\n"))
        }
    }

    @Test(arguments: ["/../Content/site.yaml", "/%2e%2e/%2e%2e/etc/passwd", "/en/%2f..%2f..%2fetc/passwd", "/en/..%2f..%2fContent/site.yaml",
                      "/..%5c..%5cetc%5cpasswd", "/en\\..\\..\\Content\\site.yaml", "/index.html%00.css", "/leak", "/outside/site.yaml"])
    func aTraversalRequestNeverGetsAFileOutsideTheSite(target: String) async throws {
        try await withSession(try TestCourse.small()) { running in
            let site = running.session.workFolder.appendingPathComponent("site")
            try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("leak").path, withDestinationPath: "/etc/passwd")
            try FileManager.default.createSymbolicLink(
                atPath: site.appendingPathComponent("outside").path, withDestinationPath: running.course.root.appendingPathComponent("Content").path)

            let response = try await RawResponse.get(target, port: running.port)
            #expect([400, 404].contains(response.status))
            #expect(!response.body.contains("root:"))
            #expect(!response.body.contains("base_url"))
        }
    }

    @Test func aFolderWithoutItsSlashRedirects() async throws {
        try await withSession(try TestCourse.small()) { running in
            let response = try await RawResponse.get("/en/intro?lang=en", port: running.port)
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/en/intro/?lang=en")
        }
    }

    @Test func aMissingPageIsTheSitesNotFoundPageWithStatus404() async throws {
        try await withSession(try TestCourse.small()) { running in
            let response = try await RawResponse.get("/en/no-such-module/", port: running.port)
            #expect(response.status == 404)
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            let notFound = try String(contentsOf: running.session.workFolder.appendingPathComponent("site/en/404.html"), encoding: .utf8)
            #expect(response.body == LiveReloadScript.injecting(into: notFound))
        }
    }

    @Test func aHeadRequestGetsTheHeadersWithoutTheBody() async throws {
        try await withSession(try TestCourse.small()) { running in
            let get = try await RawResponse.get("/en/", port: running.port)
            let head = try await RawResponse.get("/en/", port: running.port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(get.body.utf8.count))
            #expect(head.body.isEmpty)

            let stylesheet = running.session.workFolder.appendingPathComponent("site/assets/lectern.css")
            let size = try FileManager.default.attributesOfItem(atPath: stylesheet.path)[.size] as? Int
            let headOfFile = try await RawResponse.get("/assets/lectern.css", port: running.port, method: "HEAD")
            #expect(headOfFile.headers["content-length"] == size.map(String.init))
            #expect(headOfFile.body.isEmpty)
        }
    }

    @Test func aMethodOtherThanGetOrHeadIsNotAllowed() async throws {
        try await withSession(try TestCourse.small()) { running in
            let response = try await RawResponse.get("/en/", port: running.port, method: "DELETE")
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func aRequestNamingAnotherHostIsRefused() async throws {
        try await withSession(try TestCourse.small()) { running in
            let foreign = try await RawResponse.get("/en/", port: running.port, host: "attacker.example")
            let local = try await RawResponse.get("/en/", port: running.port, host: "localhost:\(running.port)")
            #expect(foreign.status == 403)
            #expect(local.status == 200)
        }
    }

    @Test func aBuildErrorReachesTheOverlayWhileTheLastGoodPageStaysServed() async throws {
        try await withSession(try TestCourse.small()) { running in
            let events = try RawHTTPConnection(port: running.port)
            defer { events.close() }
            try events.send("GET", "/__lectern/events", keepAlive: true)
            _ = await events.read(timeout: .seconds(30)) { $0.contains("retry: 1000") }

            try running.course.write("Content/01-intro/slides.en.md", "# Hello without front matter\n")
            let failed = await events.read(timeout: .seconds(10)) { $0.contains(#""succeeded":false}"#) }
            #expect(failed.text.contains("event: diagnostics"))
            #expect(failed.text.contains("front matter"))

            let status = try await RawResponse.get("/__lectern/status", port: running.port)
            #expect(status.headers["content-type"] == "application/json; charset=utf-8")
            let decoded = try JSONDecoder().decode(BuildStatus.self, from: Data(status.body.utf8))
            #expect(!decoded.succeeded)
            #expect(decoded.diagnostics.contains { $0.severity == "error" && $0.location?.hasSuffix("Content/01-intro/slides.en.md:1:1") == true })

            let page = try await RawResponse.get("/en/intro/", port: running.port)
            #expect(page.status == 200)
            #expect(page.body.contains("Hello"))
            #expect(!page.body.contains("without front matter"))

            try running.course.write("Content/01-intro/slides.en.md", "---\ntitle: Intro\n---\n\n# Fixed\n")
            let fixed = await events.read(timeout: .seconds(10)) { $0.contains("event: reload") }
            #expect(fixed.text.contains("event: reload"))
            #expect(try await RawResponse.get("/__lectern/status", port: running.port).body == #"{"diagnostics":[],"succeeded":true}"#)
        }
    }

    @Test func aCourseThatFailsItsFirstBuildIsServedAsTheOverlay() async throws {
        let course = try TestCourse.small()
        try course.write("Content/01-intro/slides.en.md", "# No front matter\n")
        try await withSession(course) { running in
            let page = try await RawResponse.get("/", port: running.port)
            #expect(page.status == 404)
            #expect(page.body.contains(LiveReloadScript.tag))
            #expect(try await RawResponse.get("/__lectern/status", port: running.port).body.contains(#""succeeded":false"#))
        }
    }

    @Test func stoppingEndsTheEventStreamsClosesThePortAndRemovesTheFolder() async throws {
        let course = try TestCourse.small()
        defer { course.remove() }
        let running = try await start(course)
        let events = try RawHTTPConnection(port: running.port)
        defer { events.close() }
        try events.send("GET", "/__lectern/events", keepAlive: true)
        _ = await events.read(timeout: .seconds(30)) { $0.contains("retry: 1000") }
        #expect(FileManager.default.fileExists(atPath: running.session.workFolder.path))

        await running.session.stop()
        #expect(await events.read(timeout: .seconds(30)).closed)
        #expect(!FileManager.default.fileExists(atPath: running.session.workFolder.path))
        #expect(throws: RawHTTPConnection.Failure.self) { try RawHTTPConnection(port: running.port) }
        #expect(running.recorder.stopped)
    }

    @Test func aPortInUseIsAnErrorThatSaysSo() async throws {
        try await withSession(try TestCourse.small()) { running in
            let second = PreviewSession(options: BuildOptions(root: running.course.root), address: try #require(ListenAddress(host: "127.0.0.1", port: running.port)))
            await #expect(throws: PreviewError.self) { _ = try await second.start() }
            await second.stop()
        }
    }
}

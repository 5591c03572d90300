import Diagnostics
import Testing
@testable import Preview

@Suite struct LiveReloadTests {
    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = "<html><body><p>&lt;/body&gt;</p>\n</BODY>\n</html>\n"
        #expect(LiveReloadScript.injecting(into: page)
            == "<html><body><p>&lt;/body&gt;</p>\n<script src=\"/__lectern/reload.js\" defer></script></BODY>\n</html>\n")
    }

    @Test func aPageWithoutABodyGetsTheScriptAtTheEnd() {
        #expect(LiveReloadScript.injecting(into: "<p>fragment</p>\n") == "<p>fragment</p>\n<script src=\"/__lectern/reload.js\" defer></script>\n")
    }

    @Test func theScriptListensForBothEventsAndAsksForTheStatus() {
        for part in ["new EventSource(\"/__lectern/events\")", "\"reload\"", "\"diagnostics\"", "fetch(\"/__lectern/status\"", "textContent"] {
            #expect(LiveReloadScript.source.contains(part), "missing \(part)")
        }
        #expect(!LiveReloadScript.source.contains("innerHTML"))
    }

    @Test func aGoodBuildIsAReloadEvent() {
        #expect(ReloadEvent(after: BuildStatus(succeeded: true, diagnostics: [])).serverSentEvent == "event: reload\ndata: {}\n\n")
    }

    @Test func aFailedBuildIsADiagnosticsEventWithItsErrorsAsOneLineOfJSON() {
        let error = Diagnostic.error("the slides file has no front matter", at: SourceLocation(path: "Content/01-intro/slides.en.md", line: 1))
        let status = BuildStatus(succeeded: false, diagnostics: [error, .warning("no \"summary\"", at: nil)])
        #expect(ReloadEvent(after: status).serverSentEvent == """
            event: diagnostics
            data: {"diagnostics":[{"location":"Content/01-intro/slides.en.md:1:1","message":"the slides file has no front matter",\
            "severity":"error","text":"Content/01-intro/slides.en.md:1:1: error: the slides file has no front matter"},\
            {"message":"no \\"summary\\"","severity":"warning","text":"warning: no \\"summary\\""}],"succeeded":false}


            """)
    }

    @Test func theBroadcasterSendsEachBuildToEveryClientAndEndsTheirStreams() async {
        let broadcaster = ReloadBroadcaster()
        let first = await broadcaster.subscribe()
        let second = await broadcaster.subscribe()
        #expect(await broadcaster.clientCount == 2)
        let failed = BuildStatus(succeeded: false, diagnostics: [.error("broken", at: nil)])
        await broadcaster.publish(failed)
        await broadcaster.publish(BuildStatus(succeeded: true, diagnostics: []))
        await broadcaster.finish()
        var received: [[ReloadEvent]] = []
        for stream in [first, second] {
            var events: [ReloadEvent] = []
            for await event in stream { events.append(event) }
            received.append(events)
        }
        #expect(received == [[.diagnostics(failed), .reload], [.diagnostics(failed), .reload]])
        #expect(await broadcaster.status == BuildStatus(succeeded: true, diagnostics: []))
        var late = await broadcaster.subscribe().makeAsyncIterator()
        #expect(await late.next() == nil, "after finishing, new streams end at once")
    }
}

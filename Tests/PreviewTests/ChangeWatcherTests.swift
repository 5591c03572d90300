import Foundation
import Testing
@testable import Preview

/// Each test drives the watcher poll by poll over a real folder; no clock is involved.
@Suite final class ChangeWatcherTests {
    let folder: URL
    let slides: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-watch-\(UUID().uuidString)")
        slides = folder.appendingPathComponent("Content/01-intro/slides.en.md")
        try FileManager.default.createDirectory(at: slides.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("# Hello\n".utf8).write(to: slides)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private func makeWatcher() -> ChangeWatcher {
        ChangeWatcher(watching: [folder.appendingPathComponent("Content"), folder.appendingPathComponent("Templates")])
    }

    private func write(_ text: String, to url: URL? = nil) throws {
        let url = url ?? slides
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func touch(_ url: URL, secondsLater: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: secondsLater)], ofItemAtPath: url.path)
    }

    @Test func nothingChangedReportsNothing() {
        var watcher = makeWatcher()
        #expect(watcher.poll() == nil)
        #expect(watcher.poll() == nil)
    }

    @Test func anEditIsReportedOnceTheFolderIsQuiet() throws {
        var watcher = makeWatcher()
        try write("# Hello, world\n")
        #expect(watcher.poll() == nil, "the poll that sees the change waits for the burst to end")
        #expect(watcher.poll() == [slides.path])
        #expect(watcher.poll() == nil)
    }

    @Test func aNewTimestampWithTheSameContentIsNoChange() throws {
        var watcher = makeWatcher()
        try touch(slides, secondsLater: 60)
        #expect(watcher.poll() == nil)
        #expect(watcher.poll() == nil)
        try write("# Hello\n")
        try touch(slides, secondsLater: 120)
        #expect(watcher.poll() == nil)
        #expect(watcher.poll() == nil)
    }

    @Test func aBurstOfChangesIsReportedOnce() throws {
        var watcher = makeWatcher()
        let other = folder.appendingPathComponent("Templates/layout.mustache")
        try write("# One\n")
        #expect(watcher.poll() == nil)
        try write("# One, two\n")
        try write("<html></html>\n", to: other)
        #expect(watcher.poll() == nil)
        #expect(watcher.poll() == [slides.path, other.path].sorted())
        #expect(watcher.poll() == nil)
    }

    @Test func anEditUndoneWithinTheBurstIsNoChange() throws {
        var watcher = makeWatcher()
        try write("# Changed for a moment\n")
        #expect(watcher.poll() == nil)
        try write("# Hello\n")
        try touch(slides, secondsLater: 60)
        #expect(watcher.poll() == nil)
        #expect(watcher.poll() == nil)
    }

    @Test func addedAndDeletedFilesAreChanges() throws {
        var watcher = makeWatcher()
        let quiz = folder.appendingPathComponent("Content/01-intro/quiz.en.md")
        try write("1. Question?\n", to: quiz)
        _ = watcher.poll()
        #expect(watcher.poll() == [quiz.path])
        try FileManager.default.removeItem(at: slides)
        _ = watcher.poll()
        #expect(watcher.poll() == [slides.path])
    }

    @Test func hiddenAndEditorTemporaryFilesAreIgnored() throws {
        var watcher = makeWatcher()
        for name in [".slides.en.md.swp", "slides.en.md~", ".DS_Store", "#slides.en.md#"] {
            try write("scratch", to: slides.deletingLastPathComponent().appendingPathComponent(name))
        }
        #expect(watcher.poll() == nil)
        #expect(watcher.poll() == nil)
    }

    @Test func foldersThatNeverSettleAreReportedAfterTheLimit() throws {
        var watcher = makeWatcher()
        watcher.maximumSettlingPolls = 3
        var reports: [[String]?] = []
        for round in 1...3 {
            try write(String(repeating: "#", count: round) + " Busy\n")
            reports.append(watcher.poll())
        }
        #expect(reports == [nil, nil, [slides.path]])
    }
}

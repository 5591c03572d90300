import Foundation
import Testing
@testable import Preview

/// A real folder with real symbolic links, some pointing out of it.
@Suite final class StaticFilesTests {
    let base: URL
    let site: URL
    let files: StaticFiles

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-static-\(UUID().uuidString)")
        site = base.appendingPathComponent("site")
        let manager = FileManager.default
        for (path, text) in [("site/index.html", "root"), ("site/404.html", "missing"), ("site/nl/index.html", "nl"),
                             ("site/nl/404.html", "niet gevonden"), ("site/assets/lectern.css", "css"), ("site/.lectern-output", "marker"),
                             ("site/empty/readme.txt", "no index"), ("secret/passwd", "root:x:0:0")] {
            let url = base.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret/passwd")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("outside").path, withDestinationPath: base.appendingPathComponent("secret").path)
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("alias.css").path, withDestinationPath: "assets/lectern.css")
        files = StaticFiles(folder: site)
    }

    deinit {
        try? FileManager.default.removeItem(at: base)
    }

    private func lookup(_ raw: String) throws -> StaticFiles.Lookup {
        files.lookup(try #require(RequestPath(percentEncoded: raw)))
    }

    private func file(_ relative: String) -> StaticFiles.Lookup {
        .file(URL(fileURLWithPath: site.appendingPathComponent(relative).resolvingSymlinksInPath().path))
    }

    @Test func aFolderURLServesItsIndex() throws {
        #expect(try lookup("/") == file("index.html"))
        #expect(try lookup("/nl/") == file("nl/index.html"))
    }

    @Test func aFolderWithoutItsSlashRedirects() throws {
        #expect(try lookup("/nl") == .redirect(location: "/nl/"))
    }

    @Test func aFileIsServedByItsPath() throws {
        #expect(try lookup("/assets/lectern.css") == file("assets/lectern.css"))
    }

    @Test(arguments: ["/missing.html", "/assets/lectern.css/", "/empty/", "/.lectern-output", "/nl/.hidden"])
    func whatIsNotAServableFileIsNotFound(raw: String) throws {
        #expect(try lookup(raw) == .notFound)
    }

    @Test(arguments: ["/leak.txt", "/outside/passwd", "/outside/", "/outside"])
    func aSymbolicLinkOutOfTheFolderIsNotFound(raw: String) throws {
        #expect(try lookup(raw) == .notFound)
    }

    @Test func aSymbolicLinkWithinTheFolderIsFollowed() throws {
        #expect(try lookup("/alias.css") == file("assets/lectern.css"))
    }

    @Test func theNotFoundPageIsTheLanguageFoldersOrElseTheRoots() throws {
        #expect(files.notFoundPage(for: try #require(RequestPath(percentEncoded: "/nl/nope/"))) == file("nl/404.html").url)
        #expect(files.notFoundPage(for: try #require(RequestPath(percentEncoded: "/en/nope"))) == file("404.html").url)
        #expect(files.notFoundPage(for: try #require(RequestPath(percentEncoded: "/nope.css"))) == file("404.html").url)
    }

    @Test func aSiteNotBuiltYetHasNoFilesAndNoNotFoundPage() throws {
        let unbuilt = StaticFiles(folder: base.appendingPathComponent("not-yet"))
        let root = try #require(RequestPath(percentEncoded: "/"))
        #expect(unbuilt.lookup(root) == .notFound)
        #expect(unbuilt.notFoundPage(for: root) == nil)
    }
}

private extension StaticFiles.Lookup {
    var url: URL? {
        if case .file(let url) = self { return url }
        return nil
    }
}

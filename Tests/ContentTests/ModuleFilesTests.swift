import Foundation
import Testing
@testable import Content

/// A module's files are listed from a real folder; symbolic links count only where they stay inside the module.
@Suite struct ModuleFilesTests {
    @Test func filesInsideTheModuleAreListedAndLinksThatLeaveItAreNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-module-files-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let module = root.appendingPathComponent("Content/01-a")
        let outside = root.appendingPathComponent("elders")
        for folder in [module.appendingPathComponent("img/deep"), outside] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let files = [
            "Content/site.yaml": "title: T\nlanguages: [nl]\nbase_url: https://example.org/\n",
            "Content/01-a/slides.nl.md": "---\ntitle: A\n---\n\n# A\n",
            "Content/01-a/img/schema.png": "png", "Content/01-a/img/deep/één.png": "png", "Content/01-a/.hidden": "x",
            "elders/secret.png": "png",
        ]
        for (path, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
        let links = [
            "inside.png": "img/schema.png", "outside.png": "../../elders/secret.png", "pictures": "img",
            "elsewhere": "../../elders", "dangling.png": "missing.png",
        ]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(atPath: module.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let (course, diagnostics) = CourseSource.load(root: root, displayRoot: ".", includeDrafts: false)
        #expect(diagnostics.isEmpty)
        #expect(course?.modules.first?.files == ["img/schema.png", "img/deep/één.png", "inside.png"])
    }
}

import Diagnostics
import Foundation
import Testing
@testable import Content

/// `CourseSource.load` reads the module folders on every core; `loadModule` reads one of them again the same way.
@Suite struct CourseLoadingTests {
    /// A course folder with `modules` modules in Dutch and English, removed when the test ends.
    func course(modules: Int, _ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-loading-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title:\n  nl: Cursus\n  en: Course\nlanguages: [nl, en]\nbase_url: https://example.org/\n".utf8)
            .write(to: content.appendingPathComponent("site.yaml"))
        for number in 1...modules {
            let folder = content.appendingPathComponent(String(format: "%02d-module-%d", number, number))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for code in ["nl", "en"] {
                try Data("---\ntitle: \(code) \(number)\n---\n# Slide\n".utf8).write(to: folder.appendingPathComponent("slides.\(code).md"))
            }
        }
        try body(root)
    }

    @Test func modulesLoadedInParallelKeepTheCourseOrderAndEveryDiagnostic() throws {
        try course(modules: 40) { root in
            for number in [3, 17, 31] {
                let file = root.appendingPathComponent(String(format: "Content/%02d-module-%d/slides.en.md", number, number))
                try Data("---\ntitel: typo\n---\n".utf8).write(to: file)
            }
            let (course, diagnostics) = CourseSource.load(root: root, displayRoot: ".", includeDrafts: false)
            #expect(course == nil)
            #expect(diagnostics.filter { $0.severity == .error }.map { $0.location?.path } == [3, 17, 31].map {
                String(format: "Content/%02d-module-%d/slides.en.md", $0, $0)
            })
            try Data("---\ntitle: fixed\n---\n".utf8).write(to: root.appendingPathComponent("Content/03-module-3/slides.en.md"))
            try Data("---\ntitle: fixed\n---\n".utf8).write(to: root.appendingPathComponent("Content/17-module-17/slides.en.md"))
            try Data("---\ntitle: fixed\n---\n".utf8).write(to: root.appendingPathComponent("Content/31-module-31/slides.en.md"))
            let (loaded, _) = CourseSource.load(root: root, displayRoot: ".", includeDrafts: false)
            #expect(loaded?.modules.map(\.number) == Array(1...40))
        }
    }

    @Test func oneModuleReloadsAsTheWholeCourseLoadsIt() throws {
        try course(modules: 3) { root in
            let (course, _) = CourseSource.load(root: root, displayRoot: ".", includeDrafts: false)
            let loaded = try #require(course)
            let (module, diagnostics) = loaded.loadModule("02-module-2", includeDrafts: false)
            #expect(module == loaded.modules[1])
            #expect(diagnostics.isEmpty)

            try Data("---\ntitle: nieuw\nslug: 'Niet Schoon'\n---\n".utf8).write(to: root.appendingPathComponent("Content/02-module-2/slides.nl.md"))
            let (_, whole) = CourseSource.load(root: root, displayRoot: ".", includeDrafts: false)
            let (broken, alone) = loaded.loadModule("02-module-2", includeDrafts: false)
            #expect(broken == nil)
            #expect(alone.map(\.description) == whole.map(\.description))
            #expect(alone.first?.description.hasPrefix("Content/02-module-2/slides.nl.md:3:") == true)
        }
    }

    @Test func aFolderThatIsNotAModuleDoesNotLoad() throws {
        try course(modules: 1) { root in
            let (course, _) = CourseSource.load(root: root, displayRoot: ".", includeDrafts: false)
            let loaded = try #require(course)
            #expect(loaded.loadModule("notes", includeDrafts: false).0 == nil)
        }
    }
}

import Foundation

/// A course folder in a fresh temporary directory: the small course the tests edit, or a copy of the repository's
/// own course, both with the repository's real `Templates/`.
struct TestCourse {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    /// One module in one language: `Content/site.yaml` and `Content/01-intro/slides.en.md`.
    static func small() throws -> TestCourse {
        let course = try TestCourse(copying: ["Templates"])
        try course.write("Content/site.yaml", "title: Test course\nlanguages: [en]\nbase_url: https://example.org/\n")
        try course.write("Content/01-intro/slides.en.md", "---\ntitle: Intro\n---\n\n# Hello\n")
        return course
    }

    /// The repository's `Content/` and `Templates/`.
    static func repositoryCourse() throws -> TestCourse {
        try TestCourse(copying: ["Content", "Templates"])
    }

    /// The course at a root that exists already.
    init(root: URL) { self.root = root }

    private init(copying folders: [String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-preview-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in folders {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    /// Writes a file below the root, making its folders.
    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Adds text at the end of a file below the root.
    func append(_ text: String, to relative: String) throws {
        try write(relative, try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) + text)
    }

    /// Replaces text in a file below the root.
    func replace(_ old: String, with new: String, in relative: String) throws {
        let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        precondition(text.contains(old), "\(relative) holds \(old)")
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

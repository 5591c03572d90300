import Content
import Diagnostics
import Foundation

/// What changed, when it is only files that were already part of modules of the last build: the case a rebuild can
/// handle module by module. Anything else (`site.yaml`, `Templates/`, a file or folder added or removed) is `nil`.
struct ModuleEdits: Sendable {
    /// The changed files, as paths relative to the course root (`Content/03-x/slides.nl.md`), by module folder.
    var files: [String: Set<String>]

    /// The edits among `paths` (absolute, as the watcher reports them) in `course`, or `nil` when they are not all
    /// edits of existing files of its modules.
    init?(_ paths: [String], root: URL, course: CourseSource) {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let modules = Dictionary(uniqueKeysWithValues: course.modules.map { ($0.folder, $0) })
        files = [:]
        for path in paths {
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            let parts = relative.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "Content", let module = modules[String(parts[1])], module.contains(relative),
                FileManager.default.fileExists(atPath: path)
            else { return nil }
            files[module.folder, default: []].insert(relative)
        }
        guard !files.isEmpty else { return nil }
    }

    /// The folders of the modules edited.
    var folders: Set<String> { Set(files.keys) }

    /// Whether a diagnostic is located in one of the edited modules' folders.
    func locates(_ diagnostic: Diagnostic, in course: CourseSource) -> Bool {
        guard let path = diagnostic.location?.path else { return false }
        return folders.contains { folder in
            let folderPath = course.displayPath("Content/\(folder)")
            return path == folderPath || path.hasPrefix(folderPath + "/")
        }
    }
}

extension ModuleSource {
    /// Whether a file (relative to the course root) is one the module was built from.
    func contains(_ relative: String) -> Bool {
        slides.values.contains { $0.path == relative } || quizzes.values.contains { $0.path == relative }
            || files.contains(String(relative.dropFirst("Content/\(folder)/".count)))
    }

    /// Whether another version of the module gives the site the same pages, links and files: the same languages
    /// with the same slugs, quizzes in the same languages, the same other files.
    func hasSameShape(as other: ModuleSource) -> Bool {
        folder == other.folder && slides.mapValues(\.slug) == other.slides.mapValues(\.slug)
            && Set(quizzes.keys) == Set(other.quizzes.keys) && files == other.files
    }
}

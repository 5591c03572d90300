import Content
import Diagnostics
import Foundation

/// Reads one module folder again, with the course loader itself, without reading every other module.
///
/// Content's loader reads a whole course. Given a private course of one module — a copy of `site.yaml` and of the
/// module folder's layout, with the Markdown files the loader reads copied byte for byte and every other file an
/// empty stand-in (the loader only lists them) — it returns that module as the whole course's load does, with the
/// same diagnostics, paths and line numbers: one set of loading rules, in Content, however they change.
enum ModuleReload {
    /// The module as it is on disk now (`nil` when it no longer loads, or is all drafts) and the loader's diagnostics
    /// (those of the module's folder, and any of `site.yaml`); `nil` when the private copy cannot be made.
    static func load(_ folder: String, options: BuildOptions) -> (module: ModuleSource?, diagnostics: [Diagnostic])? {
        let content = options.root.appendingPathComponent("Content")
        let overlay = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-module-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: overlay) }
        do {
            try copyLayout(of: content.appendingPathComponent(folder), to: overlay.appendingPathComponent("Content/\(folder)"))
            try write(Data(contentsOf: content.appendingPathComponent("site.yaml")), to: overlay.appendingPathComponent("Content/site.yaml"))
        } catch {
            return nil
        }
        let (course, diagnostics) = CourseSource.load(
            root: overlay, displayRoot: options.displayRoot, includeDrafts: options.includeDrafts, baseURL: options.baseURL)
        guard var module = course?.modules.first(where: { $0.folder == folder }) else { return (nil, diagnostics) }
        // The slides are read again while rendering: from the course, not from the private copy.
        let moduleFolder = content.appendingPathComponent(folder)
        for (language, slides) in module.slides {
            module.slides[language]?.file = moduleFolder.appendingPathComponent((slides.path as NSString).lastPathComponent)
        }
        return (module, diagnostics)
    }

    /// Makes `copy` list the same files as `folder` in the loader's eyes: the same names below it (listed the same way,
    /// leaving out folders and links that lead outside it), the Markdown files directly in it with their bytes.
    private static func copyLayout(of folder: URL, to copy: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: copy, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let names = fileManager.enumerator(atPath: folder.path)?.allObjects as? [String] else { return }
        let base = folder.resolvingSymlinksInPath().path
        for name in names {
            let source = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                source.resolvingSymlinksInPath().path.hasPrefix(base + "/")
            else { continue }
            let target = copy.appendingPathComponent(name)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let read = name.hasSuffix(".md") && !name.contains("/")
            try write(read ? try Data(contentsOf: source) : Data(), to: target)
        }
    }

    /// Plain POSIX writes (Foundation's `Data.write` syncs every file to disk on Linux).
    private static func write(_ data: Data, to url: URL) throws {
        try OutputFolder(url: url.deletingLastPathComponent()).writeFile(at: url.path, bytes: [UInt8](data))
    }
}

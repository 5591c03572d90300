import Diagnostics
import Dispatch
import Foundation

extension CourseSource {
    /// Reads `Content/`: `site.yaml`, every module folder and its slides' front matter.
    ///
    /// All problems are collected; the course is `nil` when any of them is an error.
    public static func load(root: URL, displayRoot: String, includeDrafts: Bool, baseURL: String? = nil) -> (CourseSource?, [Diagnostic]) {
        var loader = CourseLoader(root: root, displayRoot: displayRoot, includeDrafts: includeDrafts)
        let course = loader.load(baseURLOverride: baseURL)
        return (loader.diagnostics.containsErrors ? nil : course, loader.diagnostics)
    }

    /// Reads one module folder of `Content/` again, by the same rules and with the same diagnostics as `load` (the
    /// checks across modules, such as duplicate slugs, aside): for `lectern serve` after an edit inside the folder.
    ///
    /// The module is `nil` when the folder is not a module, does not load, or holds only drafts (without `--drafts`).
    public func loadModule(_ folder: String, includeDrafts: Bool) -> (ModuleSource?, [Diagnostic]) {
        var loader = CourseLoader(root: root, displayRoot: displayRoot, includeDrafts: includeDrafts)
        guard let (number, slug) = CourseLoader.moduleName(folder) else { return (nil, []) }
        let url = root.appendingPathComponent("Content").appendingPathComponent(folder)
        let module = loader.loadModule(folder: folder, number: number, defaultSlug: slug, url: url, config: config)
        return (loader.diagnostics.containsErrors ? nil : module, loader.diagnostics)
    }
}

/// Walks the content folder once, collecting diagnostics.
private struct CourseLoader {
    let root: URL
    let displayRoot: String
    let includeDrafts: Bool
    var diagnostics: [Diagnostic] = []

    init(root: URL, displayRoot: String, includeDrafts: Bool) {
        self.root = root
        self.displayRoot = displayRoot
        self.includeDrafts = includeDrafts
    }

    func display(_ relative: String) -> String { displayRoot == "." ? relative : "\(displayRoot)/\(relative)" }

    mutating func load(baseURLOverride: String?) -> CourseSource? {
        let content = root.appendingPathComponent("Content")
        let sitePath = display("Content/site.yaml")
        guard FileManager.default.fileExists(atPath: content.path) else {
            diagnostics.append(.error("there is no Content/ folder in \(displayRoot); run lectern in the course folder or pass --root", at: nil))
            return nil
        }
        guard FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yaml").path) else {
            diagnostics.append(.error(
                "there is no Content/site.yaml: add one with `title`, `languages` and `base_url` (see docs/authoring.md)",
                at: SourceLocation(path: sitePath, line: 1)))
            return nil
        }
        guard case .success(let yaml) = read(content.appendingPathComponent("site.yaml"), path: sitePath) else { return nil }
        var (config, configDiagnostics) = SiteConfig.parse(yaml: yaml, path: sitePath)
        if let override = baseURLOverride {
            if let normalized = SiteConfig.normalizedBaseURL(override) {
                configDiagnostics.removeAll { $0.message.contains("no `base_url`") }
                if config == nil, !configDiagnostics.containsErrors { (config, _) = SiteConfig.parse(yaml: yaml + "\nbase_url: \(normalized)\n", path: sitePath) }
                config?.baseURL = normalized
            } else {
                configDiagnostics.append(.error("--base-url must be an absolute http(s) URL such as https://example.org/course/", at: nil))
            }
        }
        diagnostics += configDiagnostics
        guard let config else { return nil }
        let modules = loadModules(in: content, config: config)
        checkDuplicates(modules, config: config)
        return CourseSource(root: root, displayRoot: displayRoot, config: config, modules: modules)
    }

    mutating func read(_ url: URL, path: String) -> Result<String, Diagnostic> {
        let result = TextFile.read(at: url, path: path)
        if case .failure(let diagnostic) = result { diagnostics.append(diagnostic) }
        return result
    }

    /// Every module folder, read on every core (each file is read and its front matter parsed independently); the
    /// diagnostics keep the folders' order.
    mutating func loadModules(in content: URL, config: SiteConfig) -> [ModuleSource] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        var folders: [(name: String, number: Int, slug: String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = content.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            guard let (number, slug) = Self.moduleName(name) else {
                diagnostics.append(.warning(
                    "the folder `\(name)` is not a module and is ignored; name module folders `NN-slug`, such as `03-why-devops`",
                    at: SourceLocation(path: display("Content/\(name)"), line: 1)))
                continue
            }
            folders.append((name, number, slug))
        }
        let template = CourseLoader(root: root, displayRoot: displayRoot, includeDrafts: includeDrafts)
        let found = folders
        let loaded = LoadedModules(count: found.count)
        DispatchQueue.concurrentPerform(iterations: found.count) { index in
            let folder = found[index]
            var loader = template
            let module = loader.loadModule(
                folder: folder.name, number: folder.number, defaultSlug: folder.slug, url: content.appendingPathComponent(folder.name), config: config)
            loaded.set(index, (module, loader.diagnostics))
        }
        var modules: [ModuleSource] = []
        for result in loaded.all {
            guard let (module, moduleDiagnostics) = result else { continue }
            diagnostics += moduleDiagnostics
            if let module { modules.append(module) }
        }
        return modules.sorted { ($0.number, $0.folder) < ($1.number, $1.folder) }
    }

    /// `03-waarom-devops` → (3, "waarom-devops").
    static func moduleName(_ name: String) -> (Int, String)? {
        guard let dash = name.firstIndex(of: "-") else { return nil }
        let digits = name[..<dash]
        let slug = String(name[name.index(after: dash)...])
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits), !slug.isEmpty else { return nil }
        return (number, slug)
    }

    mutating func loadModule(folder: String, number: Int, defaultSlug: String, url: URL, config: SiteConfig) -> ModuleSource? {
        var module = ModuleSource(folder: folder, number: number, defaultSlug: defaultSlug, slides: [:], quizzes: [:], files: [])
        let folderPath = display("Content/\(folder)")
        for name in Self.files(under: url) {
            let relative = "Content/\(folder)/\(name)"
            guard name.hasSuffix(".md"), !name.contains("/") else {
                module.files.insert(name)
                continue
            }
            let parts = name.split(separator: ".")
            guard parts.count == 3, parts[0] == "slides" || parts[0] == "quiz" else {
                diagnostics.append(.warning(
                    "`\(name)` is not read: Markdown files in a module are `slides.<lang>.md` and `quiz.<lang>.md`",
                    at: SourceLocation(path: display(relative), line: 1)))
                continue
            }
            let language = Language(String(parts[1]))
            guard config.languages.contains(language) else {
                diagnostics.append(.error(
                    "unknown language suffix `\(parts[1])`: site.yaml lists \(config.languages.map(\.code).joined(separator: ", ")); rename the file or add the language to site.yaml",
                    at: SourceLocation(path: display(relative), line: 1)))
                continue
            }
            if parts[0] == "quiz" {
                if case .success(let text) = read(url.appendingPathComponent(name), path: display(relative)) {
                    module.quizzes[language] = QuizSource(path: relative, displayPath: display(relative), text: text)
                }
            } else if let slides = loadSlides(relative: relative, url: url.appendingPathComponent(name), defaultSlug: defaultSlug) {
                module.slides[language] = slides
            }
        }
        if module.slides.isEmpty {
            if !diagnostics.contains(where: { $0.location?.path.hasPrefix(folderPath + "/") == true && $0.severity == .error }) {
                diagnostics.append(.error(
                    "the module folder has no slides: add `slides.\(config.defaultLanguage.code).md` (one `slides.<lang>.md` per language)",
                    at: SourceLocation(path: folderPath, line: 1)))
            }
            return nil
        }
        if !includeDrafts, module.slides.values.allSatisfy(\.frontMatter.draft) { return nil }
        if !includeDrafts { module.slides = module.slides.filter { !$0.value.frontMatter.draft } }
        return module
    }

    mutating func loadSlides(relative: String, url: URL, defaultSlug: String) -> SlidesSource? {
        let path = display(relative)
        guard case .success(let text) = read(url, path: path) else { return nil }
        let split = FrontMatterSplit.Header(text)
        if split.isUnterminated {
            diagnostics.append(.error("the front matter that starts on line 1 never ends: add a line `---` after its last key", at: SourceLocation(path: path, line: 1)))
            return nil
        }
        guard let yaml = split.yaml else {
            let empty = split.text.allSatisfy(\.isWhitespace)
            diagnostics.append(.error(
                empty ? "the slides file is empty: start it with front matter (`---`, `title: ...`, `---`) and slides"
                    : "the slides file has no front matter: start it with a line `---`, then `title: The module's title`, then `---`",
                at: SourceLocation(path: path, line: 1)))
            return nil
        }
        let (frontMatter, frontMatterDiagnostics) = FrontMatter.parse(yaml: yaml, firstLine: split.yamlFirstLine, path: path)
        diagnostics += frontMatterDiagnostics
        guard let frontMatter else { return nil }
        let slug = frontMatter.slug ?? defaultSlug
        let slugLine = frontMatter.slug == nil ? 1 : CourseLoaderRules.lineOfKey("slug", in: yaml, firstLine: split.yamlFirstLine)
        if !Self.isCleanSlug(slug) {
            diagnostics.append(.error(
                "the slug `\(slug)` is not one clean URL segment: use lower-case letters a-z, digits and single hyphens, such as `why-devops`",
                at: SourceLocation(path: path, line: slugLine)))
        }
        return SlidesSource(path: relative, displayPath: path, frontMatter: frontMatter, file: url, slug: slug, slugLine: slugLine)
    }

    static func isCleanSlug(_ slug: String) -> Bool { CourseLoaderRules.isCleanSlug(slug) }

    /// Files below a module folder, relative to it, sorted; symbolic links that leave the folder are not followed.
    ///
    /// Read with `readdir` and one `lstat` per entry (FileManager's enumerator cost more than the module's slides);
    /// links to folders are not walked, and a link is resolved only to see where it leads.
    static func files(under url: URL) -> [String] {
        var names: [String] = []
        // Hidden names are skipped with everything below them; a link counts only when it leads to a file inside.
        FileTree.forEachEntry(below: url.path, skipping: { $0.hasPrefix(".") }) { path, _, info in
            if info.st_mode & S_IFMT == S_IFLNK {
                if isFileInside(url.appendingPathComponent(path), folder: url) { names.append(path) }
            } else {
                names.append(path)
            }
        }
        return names.sorted()
    }

    static func isFileInside(_ full: URL, folder: URL) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        return full.resolvingSymlinksInPath().path.hasPrefix(folder.resolvingSymlinksInPath().path + "/")
    }

    /// Two modules with one number, or one slug used twice in a language, are errors at each file.
    mutating func checkDuplicates(_ modules: [ModuleSource], config: SiteConfig) {
        let byNumber = Dictionary(grouping: modules, by: \.number)
        for (number, group) in byNumber where group.count > 1 {
            for module in group {
                diagnostics.append(.error(
                    "module number \(number) is used by \(group.map { "`\($0.folder)`" }.joined(separator: " and ")); give each module its own number",
                    at: SourceLocation(path: display("Content/\(module.folder)"), line: 1)))
            }
        }
        for language in config.languages {
            let pages = modules.compactMap { $0.slides[language] }
            for (slug, group) in Dictionary(grouping: pages, by: \.slug) where group.count > 1 {
                for page in group {
                    diagnostics.append(.error(
                        "the slug `\(slug)` is used by \(group.count) modules in `\(language.code)`; set a different `slug:` in one of them",
                        at: SourceLocation(path: page.displayPath, line: page.slugLine)))
                }
            }
        }
    }
}

/// The modules loaded by every core, by folder index, under a pthread mutex (which ThreadSanitizer understands).
private final class LoadedModules: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(ModuleSource?, [Diagnostic])?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: (ModuleSource?, [Diagnostic])) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
    }

    var all: [(ModuleSource?, [Diagnostic])?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}

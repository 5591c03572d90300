import Foundation
import Markdown

/// A file of a module folder that a page links to, copied into the site.
public struct Asset: Sendable, Hashable, Comparable {
    /// The path under `Content/`, such as `03-waarom-devops/pipeline.png`.
    public var source: String
    /// The path under the output folder, such as `media/03-waarom-devops/pipeline.png`.
    public var outputPath: String

    public static func < (lhs: Asset, rhs: Asset) -> Bool { lhs.source < rhs.source }
}

/// Resolves the relative links and images of slides files against the course on disk.
///
/// Internal URLs are written as `@root@/path`, which the generator turns into a path relative to each page.
public struct CourseLinks: Sendable {
    /// The marker that stands for the site root in resolved URLs.
    public static let rootMarker = "@root@/"

    private let modules: [String: ModuleSource]

    /// Indexes the course's modules by folder.
    public init(course: CourseSource) {
        modules = Dictionary(uniqueKeysWithValues: course.modules.map { ($0.folder, $0) })
    }

    /// What a destination written in `module`'s slides in `language` becomes, and the file to copy if any.
    public func resolve(_ reference: LinkReference, from module: ModuleSource, language: Language) -> (LinkResolution, Asset?) {
        let destination = reference.destination
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return (.keep, nil)
        }
        if destination.hasPrefix("/") {
            return (.failure("`\(destination)` is root-absolute and breaks when the site is published under a subpath; link relatively, such as `../03-drie-pijlers/slides.nl.md`"), nil)
        }
        var path = Substring(destination)
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        var components = [module.folder]
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty { return (.failure("`\(destination)` points outside the course's Content/ folder; link only to files of the course"), nil) }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        guard let folder = components.first, let target = modules[folder] else {
            let name = components.first.map { "`\($0)`" } ?? "the Content/ folder"
            return (.failure("`\(destination)` points to \(name), which is not a module folder of the course; check the folder name"), nil)
        }
        let file = components.dropFirst().joined(separator: "/")
        return resolve(file: file, in: target, fragment: fragment, destination: destination, language: language, kind: reference.kind)
    }

    private func resolve(
        file: String, in target: ModuleSource, fragment: String, destination: String, language: Language, kind: LinkReference.Kind
    ) -> (LinkResolution, Asset?) {
        let parts = file.split(separator: ".")
        if kind == .link, file.isEmpty || (parts.count == 3 && parts[2] == "md" && (parts[0] == "slides" || parts[0] == "quiz")) {
            let pageLanguage = parts.count == 3 ? Language(String(parts[1])) : language
            guard let slides = target.slides[pageLanguage] else {
                return (.failure("`\(destination)`: the module `\(target.folder)` has no `slides.\(pageLanguage.code).md`; check the language in the file name"), nil)
            }
            if parts.first == "quiz", target.quizzes[pageLanguage] == nil {
                return (.failure("`\(destination)`: the module `\(target.folder)` has no `\(file)`"), nil)
            }
            let page = parts.first == "quiz" ? "quiz/" : ""
            return (.replace("\(Self.rootMarker)\(pageLanguage.code)/\(slides.slug)/\(page)\(fragment)"), nil)
        }
        guard target.files.contains(file) else {
            let what = kind == .image ? "image" : "file"
            return (.failure("the \(what) `\(destination)` does not exist; check the name, or add the file to `Content/\(target.folder)/`"), nil)
        }
        let asset = Asset(source: "\(target.folder)/\(file)", outputPath: "media/\(target.folder)/\(file)")
        let encoded = asset.outputPath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? asset.outputPath
        return (.replace(Self.rootMarker + encoded + fragment), asset)
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

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

/// A link from a slides file to a page of the site, kept so its `#fragment` can be checked once every page is known.
public struct PageReference: Sendable, Hashable {
    /// The module folder of the target page.
    public var folder: String
    /// The language of the target page.
    public var language: Language
    /// Whether the target is the module's quiz page rather than its module page.
    public var isQuiz: Bool
    /// The fragment without `#`.
    public var fragment: String
}

/// What a link destination becomes.
public struct ResolvedLink: Sendable, Hashable {
    /// Keep, replace or fail.
    public var resolution: LinkResolution
    /// The file to copy into the site, for links to images and downloads.
    public var asset: Asset?
    /// The page and fragment, for links with a `#fragment` to a page of the course.
    public var page: PageReference?

    init(_ resolution: LinkResolution, asset: Asset? = nil, page: PageReference? = nil) {
        self.resolution = resolution
        self.asset = asset
        self.page = page
    }
}

/// Resolves the relative links and images of slides files against the course on disk.
///
/// Internal URLs are written as `@root@/path`, which the generator turns into a path relative to each page.
public struct CourseLinks: Sendable {
    /// The marker that stands for the site root in resolved URLs.
    public static let rootMarker = "@root@/"

    /// Keyed by `Substring`, so a folder cut out of a destination is looked up without copying it.
    private let modules: [Substring: LinkTarget]

    /// Indexes the course's modules by folder.
    public init(course: CourseSource) {
        modules = Dictionary(uniqueKeysWithValues: course.modules.map { (Substring($0.folder), LinkTarget($0)) })
    }

    /// What a destination written in `module`'s slides in `language` becomes, and the file to copy if any.
    public func resolve(_ reference: LinkReference, from module: ModuleSource, language: Language) -> ResolvedLink {
        let destination = reference.destination
        // After a `#` character, more bytes mean more characters.
        if destination.hasPrefix("#"), destination.utf8.count > 1 {
            return ResolvedLink(.keep, page: PageReference(folder: module.folder, language: language, isQuiz: false, fragment: String(destination.dropFirst())))
        }
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return ResolvedLink(.keep)
        }
        if destination.hasPrefix("/") {
            return ResolvedLink(.failure("`\(destination)` is root-absolute and breaks when the site is published under a subpath; link relatively, such as `../03-drie-pijlers/slides.nl.md`"))
        }
        if reference.kind == .link, let resolved = resolvePageLink(destination, from: module) { return resolved }
        var path = Substring(destination)
        var isASCII = LinkText.isASCII(destination)
        var fragment = ""
        if let hash = LinkText.firstIndex(of: "#", in: path, isASCII: isASCII) {
            fragment = String(path[hash...])
            path = path[..<hash]
        }
        if let query = LinkText.firstIndex(of: "?", in: path, isASCII: isASCII) { path = path[..<query] }
        // Without a `%` there is nothing to decode, and most links have none.
        let hasPercent = isASCII ? LinkText.firstIndex(of: "%", in: path, isASCII: true) != nil : path.utf8.contains(UInt8(ascii: "%"))
        if hasPercent {
            path = Substring(String(path).removingPercentEncoding ?? String(path))
            isASCII = LinkText.isASCII(String(path))
        }
        var components = [Substring(module.folder)]
        for part in LinkText.split(path, at: "/", isASCII: isASCII) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty {
                    return ResolvedLink(.failure("`\(destination)` points outside the course's Content/ folder; link only to files of the course"))
                }
                components.removeLast()
            default: components.append(part)
            }
        }
        guard let folder = components.first, let target = modules[folder] else {
            let name = components.first.map { "`\($0)`" } ?? "the Content/ folder"
            return ResolvedLink(.failure("`\(destination)` points to \(name), which is not a module folder of the course; check the folder name"))
        }
        let file = components.count == 2 ? String(components[1]) : components.dropFirst().joined(separator: "/")
        return resolve(file: file, in: target, fragment: fragment, destination: destination, language: language, kind: reference.kind)
    }

    /// The common link to a page, `slides.<lang>.md` or `quiz.<lang>.md` in the same module or in `../<folder>/`,
    /// with an optional `#fragment`, read from the destination's bytes: what the general reading below reads of it,
    /// for a fraction of the work (a course's slides hold tens of thousands of such links). `nil` for any other
    /// destination, and for a folder that is no module, so that the general reading reports it.
    private func resolvePageLink(_ destination: String, from module: ModuleSource) -> ResolvedLink? {
        // Everything is read from the bytes and only the parts become strings: `Substring` operations cost far more.
        typealias Parts = (folder: String?, file: String, isQuiz: Bool, code: String, fragment: String)
        let parts = destination.utf8.withContiguousStorageIfAvailable { bytes -> Parts? in
            // ASCII without a query or percent escapes; the fragment starts at the first `#`.
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "%") }) else { return nil }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func has(_ text: StaticString, at offset: Int) -> Bool {
                offset >= 0 && offset + text.utf8CodeUnitCount <= bytes.count
                    && memcmp(bytes.baseAddress! + offset, text.utf8Start, text.utf8CodeUnitCount) == 0
            }
            let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            var start = 0
            var folder: String?
            if has("../", at: 0) {
                guard let slash = bytes[3..<end].firstIndex(of: UInt8(ascii: "/")), slash > 3 else { return nil }
                folder = string(3..<slash)
                start = slash + 1
            }
            guard !bytes[start..<end].contains(UInt8(ascii: "/")) else { return nil }
            let file = string(start..<end)
            let isQuiz: Bool
            if has("slides.", at: start) {
                (isQuiz, start) = (false, start + 7)
            } else if has("quiz.", at: start) {
                (isQuiz, start) = (true, start + 5)
            } else {
                return nil
            }
            guard end - start > 3, has(".md", at: end - 3), !bytes[start..<(end - 3)].contains(UInt8(ascii: ".")) else { return nil }
            return (folder, file, isQuiz, string(start..<(end - 3)), string(end..<bytes.count))
        }
        guard let (folder, file, isQuiz, code, fragment) = parts ?? nil else { return nil }
        let folderName = folder ?? module.folder
        guard folderName != ".", folderName != "..", let target = modules[Substring(folderName)] else { return nil }
        return pageLink(to: target, file: file, isQuiz: isQuiz, language: Language(code), fragment: fragment, destination: destination)
    }

    /// A link to `target`'s slides page (or quiz page) in `language`, written as `file`: its URL, and the page and
    /// fragment for the anchor check.
    private func pageLink(
        to target: LinkTarget, file: String, isQuiz: Bool, language: Language, fragment: String, destination: String
    ) -> ResolvedLink {
        guard let urls = target.pageURLs[language] else {
            return ResolvedLink(.failure("`\(destination)`: the module `\(target.folder)` has no `slides.\(language.code).md`; check the language in the file name"))
        }
        if isQuiz, !target.quizLanguages.contains(language) {
            return ResolvedLink(.failure("`\(destination)`: the module `\(target.folder)` has no `\(file)`"))
        }
        // `@root@/<language>/<slug>/[quiz/]<fragment>`.
        let url = (isQuiz ? urls.quiz : urls.page) + fragment
        let page = fragment.utf8.count > 1
            ? PageReference(folder: target.folder, language: language, isQuiz: isQuiz, fragment: String(fragment.dropFirst())) : nil
        return ResolvedLink(.replace(url), page: page)
    }

    private func resolve(
        file: String, in target: LinkTarget, fragment: String, destination: String, language: Language, kind: LinkReference.Kind
    ) -> ResolvedLink {
        let parts = LinkText.split(Substring(file), at: ".", isASCII: LinkText.isASCII(file))
        if kind == .link, file.isEmpty || (parts.count == 3 && parts[2] == "md" && (parts[0] == "slides" || parts[0] == "quiz")) {
            let pageLanguage = parts.count == 3 ? Language(String(parts[1])) : language
            return pageLink(to: target, file: file, isQuiz: parts.first == "quiz", language: pageLanguage, fragment: fragment, destination: destination)
        }
        guard target.files.contains(file) else {
            let what = kind == .image ? "image" : "file"
            return ResolvedLink(.failure("the \(what) `\(destination)` does not exist; check the name, or add the file to `Content/\(target.folder)/`"))
        }
        let asset = Asset(source: "\(target.folder)/\(file)", outputPath: "media/\(target.folder)/\(file)")
        let encoded = Self.percentEncodedPath(asset.outputPath)
        return ResolvedLink(.replace(Self.rootMarker + encoded + fragment), asset: asset)
    }

    /// The path with every character outside `.urlPathAllowed` percent-encoded; a path of allowed ASCII bytes is kept
    /// as it is without asking Foundation.
    private static func percentEncodedPath(_ path: String) -> String {
        if path.utf8.allSatisfy({ $0 < 0x80 && URLPathBytes.allowed[Int($0)] }) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// Whether the URL starts with a scheme such as `https:`, read from its bytes.
    ///
    /// A colon followed by a non-ASCII byte (which a combining mark could join) is left to the `Character` reading.
    static func hasScheme(_ url: String) -> Bool {
        let bytes = url.utf8
        guard let first = bytes.first, URLPathBytes.isLetter(first) else { return false }
        var index = bytes.index(after: bytes.startIndex)
        while index != bytes.endIndex, URLPathBytes.isSchemeByte(bytes[index]) { index = bytes.index(after: index) }
        guard index != bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return false }
        let next = bytes.index(after: index)
        return next == bytes.endIndex || bytes[next] < 0x80 || characterHasScheme(url)
    }

    static func characterHasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

/// ASCII byte classes for reading link destinations without walking `Character`s.
private enum URLPathBytes {
    /// Whether each ASCII byte is in `CharacterSet.urlPathAllowed`, asked once.
    static let allowed: [Bool] = (0..<128).map { CharacterSet.urlPathAllowed.contains(Unicode.Scalar(UInt8($0))) }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isSchemeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}

/// What a link into a module needs of it, so that a lookup copies no front matter.
private struct LinkTarget: Sendable {
    var folder: String
    var slugs: [Language: String]
    var quizLanguages: Set<Language>
    var files: Set<String>
    /// The URL of the module's page and of its quiz page in each language (`@root@/<language>/<slug>/` and
    /// `…/quiz/`), made once: most links to a page carry no fragment and use one of them as it is.
    var pageURLs: [Language: (page: String, quiz: String)]

    init(_ module: ModuleSource) {
        folder = module.folder
        slugs = module.slides.mapValues(\.slug)
        quizLanguages = Set(module.quizzes.keys)
        files = module.files
        pageURLs = Dictionary(uniqueKeysWithValues: slugs.map { language, slug in
            let page = CourseLinks.rootMarker + language.code + "/" + slug + "/"
            return (language, (page, page + "quiz/"))
        })
    }
}

/// Splitting and searching link text at ASCII characters: by bytes when the text is ASCII, where every byte is a
/// character; by `Character`s otherwise, where a combining mark may join the separator to something else.
///
/// The ASCII case copies the text into a `String` of its own first: a `Substring`'s byte views go through generic code
/// that costs a hundred times more per byte than a `String`'s contiguous bytes (links are split for every link).
enum LinkText {
    /// Whether every byte of the text is ASCII, read from its contiguous bytes.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    static func firstIndex(of separator: Unicode.Scalar, in text: Substring, isASCII: Bool) -> Substring.Index? {
        guard isASCII, separator.isASCII else { return text.firstIndex(of: Character(separator)) }
        let byte = UInt8(separator.value)
        let copy = String(text)
        guard let offset = copy.utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: byte) }) ?? copy.utf8.firstIndex(of: byte).map({
            copy.utf8.distance(from: copy.utf8.startIndex, to: $0)
        }) else { return nil }
        return text.utf8.index(text.startIndex, offsetBy: offset)
    }

    static func split(_ text: Substring, at separator: Unicode.Scalar, isASCII: Bool) -> [Substring] {
        guard isASCII, separator.isASCII else { return text.split(separator: Character(separator)) }
        let byte = UInt8(separator.value)
        let copy = String(text)
        let utf8 = copy.utf8
        let parts = utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            var parts: [Substring] = []
            parts.reserveCapacity(4)
            var start = 0
            func cut(_ end: Int) {
                if start != end { parts.append(copy[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]) }
            }
            for offset in 0..<bytes.count where bytes[offset] == byte {
                cut(offset)
                start = offset + 1
            }
            cut(bytes.count)
            return parts
        }
        return parts ?? text.split(separator: Character(separator))
    }
}

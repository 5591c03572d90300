import Diagnostics
import Foundation

/// The course as found on disk: settings and module folders, front matter read, Markdown not yet rendered.
public struct CourseSource: Sendable {
    /// The course folder (holding `Content/` and `Templates/`).
    public var root: URL
    /// The root as shown in diagnostics (`.` shows paths relative to it).
    public var displayRoot: String
    /// `Content/site.yaml`.
    public var config: SiteConfig
    /// The modules in order of their number.
    public var modules: [ModuleSource]

    /// The path of a file under the root as shown to the author.
    public func displayPath(_ relative: String) -> String {
        displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
    }
}

/// One module folder, `Content/NN-slug/`.
public struct ModuleSource: Sendable, Hashable {
    /// The folder's name, such as `03-waarom-devops`.
    public var folder: String
    /// The number that orders the module.
    public var number: Int
    /// The folder name without its number: the slug of any language that sets none.
    public var defaultSlug: String
    /// The slides file of each language the module has.
    public var slides: [Language: SlidesSource]
    /// The quiz file of each language that has one.
    public var quizzes: [Language: QuizSource]
    /// Every other file in the folder (images, downloads), relative to the folder.
    public var files: Set<String>
}

/// One `slides.<lang>.md` file.
public struct SlidesSource: Sendable, Hashable {
    /// The path relative to the course root, such as `Content/03-waarom-devops/slides.nl.md`.
    public var path: String
    /// The path as shown in diagnostics.
    public var displayPath: String
    /// The file's front matter.
    public var frontMatter: FrontMatter
    /// The file on disk.
    public var file: URL
    /// The URL segment of the module in this language.
    public var slug: String
    /// The line of the `slug:` key, or 1 when the slug comes from the folder name.
    public var slugLine: Int
}

extension SlidesSource {
    /// Reads the file again and returns its Markdown with the front matter blanked out, so line numbers stay.
    ///
    /// The loader keeps only the front matter: a large course's text would otherwise stay in memory for the whole
    /// build, when each file is needed only while its slides are rendered.
    public func readBody() -> Result<String, Diagnostic> {
        TextFile.read(at: file, path: displayPath).map { FrontMatterSplit($0).body }
    }
}

/// One `quiz.<lang>.md` file, read but not yet parsed.
public struct QuizSource: Sendable, Hashable {
    /// The path relative to the course root.
    public var path: String
    /// The path as shown in diagnostics.
    public var displayPath: String
    /// The file's text.
    public var text: String

    /// Creates a quiz source.
    public init(path: String, displayPath: String, text: String) {
        self.path = path
        self.displayPath = displayPath
        self.text = text
    }
}

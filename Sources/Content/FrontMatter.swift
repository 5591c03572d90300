/// The YAML header of a slides file.
public struct FrontMatter: Sendable, Hashable {
    /// The module's title in this language (required).
    public var title: String
    /// One or two sentences on what the module covers.
    public var summary: String?
    /// The module's URL segment in this language; `nil` means the folder name without its number.
    public var slug: String?
    /// What a learner can do after the module.
    public var objectives: [String]
    /// The time the module takes, in minutes.
    public var duration: Int?
    /// A draft is left out of the build unless `--drafts` is given.
    public var draft: Bool

    /// Creates front matter.
    public init(title: String, summary: String? = nil, slug: String? = nil, objectives: [String] = [], duration: Int? = nil, draft: Bool = false) {
        self.title = title
        self.summary = summary
        self.slug = slug
        self.objectives = objectives
        self.duration = duration
        self.draft = draft
    }

    /// The keys a slides file's front matter may have.
    public static let knownKeys = ["title", "summary", "slug", "objectives", "duration", "draft"]
}

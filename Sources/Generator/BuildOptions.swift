import Foundation

/// What `lectern build` and `lectern check` were asked to do.
public struct BuildOptions: Sendable {
    /// The course folder holding `Content/` and `Templates/`.
    public var root: URL
    /// The root as the user wrote it, for diagnostics (`.` for the current folder).
    public var displayRoot: String
    /// Where the site is written.
    public var output: URL
    /// Replaces `base_url` from `site.yaml`.
    public var baseURL: String?
    /// Warnings become errors.
    public var strict: Bool
    /// Modules marked `draft: true` are built too.
    public var includeDrafts: Bool
    /// Replace an output folder that Lectern did not make.
    public var force: Bool
    /// Build twice and fail unless both builds are byte for byte the same.
    public var verify: Bool = false
    /// Rendered files of earlier builds to reuse when their content has not changed (`lectern serve` keeps one).
    public var cache: RenderCache?
    /// Leave what the build made in memory when it returns, for a process that exits right after it: freeing a large
    /// course's tens of thousands of small values one by one takes longer than the exit does (compilers skip it too).
    public var keepsResultsUntilExit = false

    /// Creates options; the output defaults to `<root>/Public`.
    public init(root: URL, displayRoot: String = ".", output: URL? = nil, baseURL: String? = nil, strict: Bool = false,
                includeDrafts: Bool = false, force: Bool = false) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot
        self.output = (output ?? root.appendingPathComponent("Public")).standardizedFileURL
        self.baseURL = baseURL
        self.strict = strict
        self.includeDrafts = includeDrafts
        self.force = force
    }
}

/// What a build produced, for the summary line.
public struct BuildReport: Sendable, Hashable {
    /// The number of modules built.
    public var modules: Int
    /// The number of languages.
    public var languages: Int
    /// The number of HTML pages written.
    public var pages: Int
    /// Warnings that did not stop the build.
    public var warnings: [Diagnostic]
    /// Set when the input was the same as the output's last build, so nothing was written.
    public var upToDate: Bool = false
    /// What a build in `lectern serve` redid; `nil` for `lectern build`.
    public var scope: RebuildScope?
}

import Diagnostics

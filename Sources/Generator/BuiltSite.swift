import Diagnostics

/// What `lectern serve` keeps of its last good build, so that the next rebuild can redo only what an edit touched:
/// the loaded course, every module rendered, the diagnostics by module.
public struct BuiltSite: Sendable {
    /// What the build reported.
    public var report: BuildReport
    /// The course, theme and texts (quiz texts dropped).
    let site: LoadedSite
    /// Every module rendered, in the course's order.
    let modules: [RenderedModule]
    let checks: BuildDiagnostics
}

/// How much of the site a build in `lectern serve` redid.
public struct RebuildScope: Sendable, Hashable {
    /// Whether only the pages an edit touched were rendered (else the whole site was built and swapped in).
    public var isIncremental: Bool
    /// The pages and downloads rendered.
    public var rendered: Int
    /// The files written (unchanged files are not written again by an incremental rebuild).
    public var written: Int
}

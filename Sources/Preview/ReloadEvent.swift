/// What the server tells open pages after a build.
public enum ReloadEvent: Sendable, Hashable {
    /// A build succeeded: reload the page.
    case reload
    /// A build failed: show its diagnostics over the page, which stays as last built.
    case diagnostics(BuildStatus)

    /// The event for a build's status.
    public init(after status: BuildStatus) {
        self = status.succeeded ? .reload : .diagnostics(status)
    }

    /// The event as Server-Sent Events text: an `event:` line, a `data:` line and a blank line.
    public var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: {}\n\n"
        case .diagnostics(let status): return "event: diagnostics\ndata: \(status.json)\n\n"
        }
    }
}

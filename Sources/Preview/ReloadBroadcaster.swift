/// Keeps the latest build status and sends every open page's event stream the news of each build.
public actor ReloadBroadcaster {
    /// The latest build's status; a page loaded while the last build failed asks for it to show the overlay.
    public private(set) var status = BuildStatus(succeeded: true, diagnostics: [])
    private var clients: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextClient = 0
    private var isFinished = false

    /// Creates a broadcaster with no clients.
    public init() {}

    /// The number of open event streams.
    public var clientCount: Int { clients.count }

    /// A stream of the events after each build, until the page goes away or the broadcaster finishes.
    public func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(16))
        guard !isFinished else {
            continuation.finish()
            return stream
        }
        let client = nextClient
        nextClient += 1
        clients[client] = continuation
        continuation.onTermination = { _ in Task { await self.remove(client) } }
        return stream
    }

    /// Records a build's status and tells every client: `reload` after a good build, `diagnostics` after a failed one.
    public func publish(_ status: BuildStatus) {
        self.status = status
        let event = ReloadEvent(after: status)
        for continuation in clients.values { continuation.yield(event) }
    }

    /// Ends every stream, so the server can close its connections, and refuses new ones.
    public func finish() {
        isFinished = true
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }

    private func remove(_ client: Int) {
        clients[client] = nil
    }
}

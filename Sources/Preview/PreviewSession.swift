import Diagnostics
import Foundation
import Generator

/// `lectern serve` from start to stop: build the site into a private folder, serve it, rebuild when `Content/` or
/// `Templates/` change, tell open pages, and clean up.
public actor PreviewSession {
    /// The course's build options; the output and (unless given) the base URL are replaced with the preview's own.
    public nonisolated let options: BuildOptions
    /// Where to listen.
    public nonisolated let address: ListenAddress
    /// How often the folders are polled for changes.
    public nonisolated let pollInterval: Duration
    /// The private folder holding the built site, made on start and removed on stop.
    public nonisolated let workFolder: URL
    /// Tells pages about builds; exposed so tests can count the open event streams.
    public nonisolated let broadcaster = ReloadBroadcaster()

    private let report: @Sendable (PreviewEvent) -> Void
    private var server: PreviewServer?
    private var watching: Task<Void, Never>?
    private var buildOptions: BuildOptions?
    /// The last good build, which the next rebuild starts from.
    private var built: BuiltSite?
    /// The files changed since the last good build: a failed build's changes are built again with the next ones.
    private var pending: Set<String> = []

    /// A session that reports each build, the URL and the stop through `report`; nothing happens until `start()`.
    public init(options: BuildOptions, address: ListenAddress, pollInterval: Duration = .milliseconds(200),
                report: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.address = address
        self.pollInterval = pollInterval
        self.report = report
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-serve-\(UUID().uuidString)")
    }

    /// The folders whose changes cause a rebuild.
    public var watchedFolders: [URL] { ["Content", "Templates"].map { options.root.appendingPathComponent($0) } }

    /// Listens, builds (a failed first build is served as its error overlay), starts watching, and returns the URL.
    public func start() async throws(PreviewError) -> URL {
        precondition(server == nil, "a preview session starts once")
        do {
            try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PreviewError("cannot make the preview folder \(workFolder.path): \(error)")
        }
        let output = workFolder.appendingPathComponent("site")
        let watcher = ChangeWatcher(watching: watchedFolders)
        let server = try await PreviewServer(address: address, files: StaticFiles(folder: output), broadcaster: broadcaster)
        self.server = server
        let bound = try await server.start()
        var options = self.options
        options.output = output
        options.baseURL = options.baseURL ?? bound.url.absoluteString
        options.force = false
        // Kept across rebuilds: a whole rebuild re-renders only the files whose content changed.
        options.cache = RenderCache()
        buildOptions = options
        await build(changes: [])
        watching = Task { await self.watch(from: watcher) }
        report(.serving(bound.url))
        return bound.url
    }

    /// Stops watching, ends every page's event stream, stops the server and removes the private folder.
    public func stop() async {
        watching?.cancel()
        await watching?.value
        let wasServing = watching != nil
        watching = nil
        await broadcaster.finish()
        await server?.stop()
        server = nil
        try? FileManager.default.removeItem(at: workFolder)
        if wasServing { report(.stopped) }
    }

    /// Starts, serves until SIGINT or SIGTERM, then stops: the whole of `lectern serve`.
    public func serveUntilStopped() async throws(PreviewError) {
        let signals = StopSignals()
        do {
            _ = try await start()
        } catch {
            await stop()
            throw error
        }
        _ = await signals.wait()
        await stop()
    }
}

private extension PreviewSession {
    func watch(from start: ChangeWatcher) async {
        var watcher = start
        while !Task.isCancelled {
            do { try await Task.sleep(for: pollInterval) } catch { return }
            if let changed = watcher.poll() { await build(changes: changed) }
        }
    }

    /// Builds into the private folder (off the server's threads), then tells the terminal and the pages. The time
    /// reported is the whole rebuild: loading, checking, rendering and writing.
    func build(changes: [String]) async {
        guard let options = buildOptions else { return }
        pending.formUnion(changes)
        let (previous, changed) = (built, pending.sorted())
        let clock = ContinuousClock()
        let start = clock.now
        let result = await BlockingWork.run { () -> Result<BuiltSite, DiagnosticsError> in
            do throws(DiagnosticsError) { return .success(try Site.rebuild(options, after: changed, from: previous)) } catch { return .failure(error) }
        }
        let duration = clock.now - start
        let shown = changes.map { relativePath($0) }
        switch result {
        case .success(let site):
            built = site
            pending = []
            report(.built(site.report, duration: duration, changes: shown))
            await broadcaster.publish(BuildStatus(succeeded: true, diagnostics: site.report.warnings))
        case .failure(let error):
            report(.failed(error.diagnostics, duration: duration, changes: shown))
            await broadcaster.publish(BuildStatus(succeeded: false, diagnostics: error.diagnostics))
        }
    }

    func relativePath(_ path: String) -> String {
        let root = options.root.path.hasSuffix("/") ? options.root.path : options.root.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

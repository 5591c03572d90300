import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `lectern serve`: the built site with the reload script added to its pages, the event stream,
/// the build status and the script itself.
public actor PreviewServer {
    /// The address asked for; `start()` returns it with the port actually bound.
    public let address: ListenAddress
    private let server: HTTPServer
    private var running: Task<Void, Never>?

    /// A server for the site in `files`, telling pages about builds through `broadcaster`; nothing listens until `start()`.
    public init(address: ListenAddress, files: StaticFiles, broadcaster: ReloadBroadcaster) async throws(PreviewError) {
        self.address = address
        do {
            let socket: any SocketAddress = address.isIPv6
                ? try sockaddr_in6.inet6(ip6: address.host, port: address.port)
                : try sockaddr_in.inet(ip4: address.host, port: address.port)
            server = HTTPServer(address: socket, logger: .disabled)
        } catch {
            throw PreviewError("\(address.host) is not an address this machine can listen on: \(error)")
        }
        await Self.addRoutes(to: server, address: address, files: files, broadcaster: broadcaster)
    }

    /// Starts listening and returns the address with the bound port; fails if the port is taken.
    public func start() async throws(PreviewError) -> ListenAddress {
        let (failures, failed) = AsyncStream.makeStream(of: String.self)
        running = Task { [server] in
            do { try await server.run() } catch { failed.yield(Self.describe(error)) }
            failed.finish()
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { [server] group in
                group.addTask { try await server.waitUntilListening(timeout: 10) }
                group.addTask {
                    for await failure in failures { throw PreviewError(failure) }
                    throw PreviewError("the server stopped before it listened")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await stop()
            let port = address.port == 0 ? "" : "; is another `lectern serve` running? Pass --port to choose another port"
            throw PreviewError("cannot listen on \(address.url.absoluteString): \(error)\(port)")
        }
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return address.with(port: port)
        default: return address
        }
    }

    /// Stops listening, gives open responses a moment to finish, closes every connection, and returns once done.
    public func stop() async {
        // FlyingFox always waits out the timeout (its socket pool runs until cancelled), so keep it short.
        await server.stop(timeout: 0.2)
        running?.cancel()
        await running?.value
        running = nil
    }
}

private extension PreviewServer {
    /// `Address already in use` rather than the whole `SocketError.failed(type:errno:message:)`.
    static func describe(_ error: any Error) -> String {
        guard case SocketError.failed(_, _, let message) = error else { return "\(error)" }
        return message
    }

    static func addRoutes(to server: HTTPServer, address: ListenAddress, files: StaticFiles, broadcaster: ReloadBroadcaster) async {
        await server.appendRoute("*") { request in
            guard !address.accepts(hostHeader: request.headers[.host]) else { throw HTTPUnhandledError() }
            return .preview(.forbidden, text: "lectern serve answers only requests for localhost\n")
        }
        await server.appendRoute("GET /__lectern/events") { _ in
            let body = HTTPBodySequence(from: EventStreamBody(events: await broadcaster.subscribe()))
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders.preview(contentType: "text/event-stream; charset=utf-8"), body: body)
        }
        await server.appendRoute("GET /__lectern/status") { _ in
            .preview(.ok, contentType: "application/json; charset=utf-8", body: Data(await broadcaster.status.json.utf8))
        }
        await server.appendRoute(HTTPRoute("GET,HEAD \(LiveReloadScript.path)")) { request in
            .preview(.ok, contentType: ContentType.forFile(named: "reload.js"), body: Data(LiveReloadScript.source.utf8), headOnly: request.method == .HEAD)
        }
        await server.appendRoute("GET,HEAD /__lectern/*") { _ in
            .preview(.notFound, text: "not found\n")
        }
        await server.appendRoute("GET,HEAD *", to: SiteHandler(files: files))
        await server.appendRoute("*") { _ in
            var response = HTTPResponse.preview(.methodNotAllowed, text: "lectern serve answers GET and HEAD only\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
    }
}

import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection to 127.0.0.1 that sends requests exactly as written, so `..` and `%2e%2e` reach the server
/// unnormalized, and reads with a deadline on a Dispatch thread (never blocking Swift concurrency's threads, which
/// the server under test runs on).
struct RawHTTPConnection: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a read got before it stopped.
    struct Received: Sendable {
        var text: String
        /// Whether the server closed the connection.
        var closed: Bool
    }

    private let descriptor: Int32

    /// Connects to the port on 127.0.0.1; throws when nothing listens there.
    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let error = errno
            Glibc.close(descriptor)
            throw Failure(description: "connect() failed: \(String(cString: strerror(error)))")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends a `GET` (or another method) for the target as written.
    func send(_ method: String = "GET", _ target: String, host: String = "127.0.0.1", keepAlive: Bool = false) throws {
        let request = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw Failure(description: "send() failed: \(errno)")
        }
    }

    /// Reads until `done` says the text so far is enough, the server closes, or `timeout` passes.
    func read(timeout: Duration = .seconds(10), until done: @escaping @Sendable (String) -> Bool = { _ in false }) async -> Received {
        let descriptor = descriptor
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let deadline = ContinuousClock.now + timeout
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 16_384)
                var closed = false
                while ContinuousClock.now < deadline, !done(String(decoding: bytes, as: UTF8.self)) {
                    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                    if count > 0 {
                        bytes += buffer[..<count]
                    } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                        closed = true
                        break
                    }
                }
                continuation.resume(returning: Received(text: String(decoding: bytes, as: UTF8.self), closed: closed))
            }
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// A whole response read over a fresh connection.
struct RawResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: String

    /// Sends one request with `Connection: close` and reads the response to the end.
    static func get(_ target: String, port: UInt16, method: String = "GET", host: String = "127.0.0.1") async throws -> RawResponse {
        let connection = try RawHTTPConnection(port: port)
        defer { connection.close() }
        try connection.send(method, target, host: host)
        let received = await connection.read()
        guard received.closed, let split = received.text.range(of: "\r\n\r\n") else {
            throw RawHTTPConnection.Failure(description: "no complete response: \(received.text.prefix(200))")
        }
        let head = received.text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: String(received.text[split.upperBound...]))
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small W3C WebDriver client for Debian's headless Chromium: it starts `chromedriver` on a free
// port of 127.0.0.1 and speaks plain HTTP JSON to it. Use it through `Browser.withSession`, which
// always ends the session and stops chromedriver, whatever the test body does.

/// A failure of the browser or of a wait, with a message that says what to do.
struct WebDriverError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - JSON

/// A JSON value, for request bodies and untyped replies.
enum JSON: Sendable, Equatable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(elements) { _, last in last }) }
    init(nilLiteral: ()) { self = .null }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    subscript(key: String) -> JSON? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
}

// MARK: - Keys

/// Key values for `WebDriverSession.press`: a character stands for itself, these for special keys.
enum Key {
    static let enter = "\u{E007}"
    static let escape = "\u{E00C}"
    static let space = "\u{E00D}"
    static let pageUp = "\u{E00E}"
    static let pageDown = "\u{E00F}"
    static let end = "\u{E010}"
    static let home = "\u{E011}"
    static let arrowLeft = "\u{E012}"
    static let arrowUp = "\u{E013}"
    static let arrowRight = "\u{E014}"
    static let arrowDown = "\u{E015}"
}

// MARK: - HTTP

/// The HTTP side: one request, its `{"value": …}` reply decoded, W3C errors turned into `WebDriverError`.
///
/// A minimal HTTP/1.1 client on a POSIX socket rather than URLSession: swift-corelibs-foundation rejects
/// chromedriver's replies ("Content-Length:250", no space after the colon) with "Failed writing header".
/// The blocking socket work runs on a Dispatch queue, never on a Swift concurrency thread.
struct WebDriverHTTP: Sendable {
    let port: UInt16

    private struct Envelope<Value: Decodable>: Decodable { let value: Value }
    private struct ErrorValue: Decodable { let error: String?; let message: String? }

    /// Sends a command and decodes the reply's `value`; `timeout` bounds the whole exchange.
    func send<Value: Decodable>(_ method: String, _ path: String, _ body: JSON? = nil, as type: Value.Type = JSON.self,
                                timeout: TimeInterval = 60) async throws -> Value {
        let payload = try body.map { try JSONEncoder().encode($0) } ?? (method == "POST" ? Data("{}".utf8) : Data())
        var head = "\(method) /\(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: application/json\r\nConnection: close\r\n"
        if method != "GET" {
            head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(payload.count)\r\n"
        }
        let request = Data((head + "\r\n").utf8) + payload
        let port = port
        // A thread of its own: a blocking exchange (a PDF takes seconds) must not hold one of the few threads Swift
        // concurrency and Dispatch share, which the preview tests running beside it need.
        let (status, data) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int, Data), any Error>) in
            Thread { continuation.resume(with: Result { try Self.exchange(request, port: port, timeout: timeout) }) }.start()
        }
        guard status == 200 else {
            let error = try? JSONDecoder().decode(Envelope<ErrorValue>.self, from: data).value
            let message = error.map { "\($0.error ?? "error"): \($0.message ?? "")" } ?? String(decoding: data.prefix(500), as: UTF8.self)
            throw WebDriverError("WebDriver \(method) /\(path) failed with HTTP \(status): \(message)")
        }
        do {
            return try JSONDecoder().decode(Envelope<Value>.self, from: data).value
        } catch {
            throw WebDriverError("WebDriver \(method) /\(path): cannot decode \(Value.self) from \(String(decoding: data.prefix(500), as: UTF8.self)): \(error)")
        }
    }

    /// Connects to 127.0.0.1:`port`, writes `request`, and reads one response: its status and body.
    private static func exchange(_ request: Data, port: UInt16, timeout: TimeInterval) throws -> (Int, Data) {
        let deadline = Date().addingTimeInterval(timeout)
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        let noSignal: Int32 = 0
        #endif
        guard fd >= 0 else { throw WebDriverError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in.loopback(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw WebDriverError("cannot connect to chromedriver on 127.0.0.1:\(port): errno \(errno)") }

        try request.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < bytes.count {
                let n = socketSend(fd, bytes.baseAddress! + sent, bytes.count - sent, noSignal)
                guard n > 0 else { throw WebDriverError("writing to chromedriver failed: errno \(errno)") }
                sent += n
            }
        }

        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                response.append(contentsOf: buffer[0..<n])
                if let complete = try parse(response) { return complete }
            } else if n == 0 {
                if let complete = try parse(response, atEnd: true) { return complete }
                throw WebDriverError("chromedriver closed the connection after \(response.count) bytes")
            } else if errno != EINTR {
                let timedOut = errno == EAGAIN || errno == EWOULDBLOCK
                throw WebDriverError(timedOut ? "no reply from chromedriver within \(timeout) s" : "reading from chromedriver failed: errno \(errno)")
            }
            guard Date() < deadline else { throw WebDriverError("no complete reply from chromedriver within \(timeout) s") }
        }
    }

    /// The status and body once `data` holds a whole response (by Content-Length, or up to the end of the stream).
    private static func parse(_ data: Data, atEnd: Bool = false) throws -> (Int, Data)? {
        guard let headerEnd = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: data[data.startIndex..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw WebDriverError("bad HTTP status line: \(lines[0])") }
        var length: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { length = Int(value) }
            if name == "transfer-encoding", value.lowercased() != "identity" {
                throw WebDriverError("chromedriver sent Transfer-Encoding \(value), which this client does not read")
            }
        }
        let body = data[headerEnd.upperBound...]
        if let length {
            return body.count >= length ? (status, Data(body.prefix(length))) : nil
        }
        return atEnd ? (status, Data(body)) : nil
    }
}

/// `send(2)`, under another name than `WebDriverHTTP.send`.
private func socketSend(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    send(fd, bytes, count, flags)
}

extension sockaddr_in {
    /// 127.0.0.1:`port`.
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

// MARK: - chromedriver

/// A running `chromedriver` process on a free port of 127.0.0.1.
final class ChromeDriver {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    let process: Process
    let http: WebDriverHTTP

    private init(process: Process, port: UInt16) {
        self.process = process
        http = WebDriverHTTP(port: port)
    }

    /// Fails with a clear message when Debian's Chromium or its driver is missing: the tests never pass without a browser.
    static func requireBrowser() throws {
        for (path, package) in [(chromium, "chromium"), (chromedriver, "chromium-driver")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            throw WebDriverError("""
                \(path) not found: the browser tests need Debian's `\(package)`. Run `make test`, which installs \
                chromium chromium-driver poppler-utils (or `apt-get install chromium chromium-driver poppler-utils`).
                """)
        }
    }

    /// Starts chromedriver and waits (at most 10 s a try, 3 tries on other ports) until `/status` says it is ready.
    static func start() async throws -> ChromeDriver {
        try requireBrowser()
        var problem = "no attempt made"
        for _ in 1...3 {
            let port = try freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromedriver)
            process.arguments = ["--port=\(port)", "--log-level=SEVERE"]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let driver = ChromeDriver(process: process, port: port)
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline, process.isRunning {
                struct Status: Decodable { let ready: Bool }
                if let status = try? await driver.http.send("GET", "status", as: Status.self, timeout: 2), status.ready {
                    return driver
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            problem = process.isRunning ? "chromedriver on port \(port) did not become ready within 10 s"
                : "chromedriver on port \(port) exited with status \(process.terminationStatus)"
            driver.kill()
        }
        throw WebDriverError(problem)
    }

    /// Asks chromedriver to quit (`GET /shutdown`, which also closes its browsers) and waits up to 5 s for it.
    func shutdown() async {
        guard process.isRunning else { return }
        let _: JSON? = try? await http.send("GET", "shutdown", timeout: 5)
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        kill()
    }

    /// Kills chromedriver if it still runs. SIGKILL, because a process started from a Dispatch thread inherits
    /// that thread's signal mask, in which SIGTERM is blocked: `Process.terminate()` would do nothing.
    func kill() {
        guard process.isRunning else { return }
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #else
        _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #endif
        process.waitUntilExit()
    }

    /// Opens a headless Chromium window at 1280×800; `javaScript: false` turns scripts off for every page.
    func newSession(javaScript: Bool = true) async throws -> WebDriverSession {
        var chromeOptions: [String: JSON] = [
            "binary": .string(Self.chromium),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800"],
        ]
        if !javaScript {
            chromeOptions["prefs"] = ["profile.managed_default_content_settings.javascript": 2]
        }
        let capabilities: JSON = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": .object(chromeOptions)]]]
        struct NewSession: Decodable { let sessionId: String }
        let session = try await http.send("POST", "session", capabilities, as: NewSession.self)
        return WebDriverSession(http: http, id: session.sessionId)
    }

    /// Port 0 makes the kernel pick a free port; read it back and close the socket for chromedriver to take it.
    static func freePort() throws -> UInt16 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw WebDriverError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw WebDriverError("binding a socket to 127.0.0.1:0 failed: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}

// MARK: - Session

/// One browser session: the commands the tests need, and bounded waits.
struct WebDriverSession: Sendable {
    let http: WebDriverHTTP
    let id: String

    private var path: String { "session/\(id)" }

    /// Loads a page and waits for its `load` event (chromedriver's normal page load strategy).
    func navigate(to url: String) async throws {
        let _: JSON = try await http.send("POST", "\(path)/url", ["url": .string(url)])
    }

    func currentURL() async throws -> String {
        try await http.send("GET", "\(path)/url", as: String.self)
    }

    /// Runs `script` as the body of a function in the current window (so it must `return` its result).
    /// Works with scripts disabled for the page, too.
    @discardableResult
    func execute(_ script: String, _ arguments: [JSON] = []) async throws -> JSON {
        try await execute(script, arguments, as: JSON.self)
    }

    /// Runs `script` and decodes what it returns.
    func execute<Value: Decodable>(_ script: String, _ arguments: [JSON] = [], as type: Value.Type) async throws -> Value {
        try await http.send("POST", "\(path)/execute/sync", ["script": .string(script), "args": .array(arguments)], as: Value.self)
    }

    /// Presses and releases each key in turn, as real keyboard input to the focused window
    /// (so it counts as a user gesture: `window.open` from a key handler is allowed).
    func press(_ keys: String...) async throws {
        let actions: [JSON] = keys.flatMap { key -> [JSON] in
            [["type": "keyDown", "value": .string(key)], ["type": "keyUp", "value": .string(key)]]
        }
        let _: JSON = try await http.send("POST", "\(path)/actions", ["actions": [["type": "key", "id": "keyboard", "actions": .array(actions)]]])
    }

    func windowHandle() async throws -> String {
        try await http.send("GET", "\(path)/window", as: String.self)
    }

    func windowHandles() async throws -> [String] {
        try await http.send("GET", "\(path)/window/handles", as: [String].self)
    }

    /// Makes another window the target of the following commands (and of key presses).
    func switchToWindow(_ handle: String) async throws {
        let _: JSON = try await http.send("POST", "\(path)/window", ["handle": .string(handle)])
    }

    /// Waits until a window other than `known` exists and returns its handle.
    func waitForNewWindow(besides known: [String], timeout: Duration = .seconds(10)) async throws -> String {
        var found: String?
        try await waitUntil("a new window besides \(known)", timeout: timeout) {
            found = try await windowHandles().first { !known.contains($0) }
            return found != nil
        }
        return found!
    }

    /// Prints the current page to PDF (`POST /print`); `options` as in the W3C spec (`page`, `margin`, `orientation`, …).
    func printPDF(_ options: JSON = [:]) async throws -> Data {
        let base64 = try await http.send("POST", "\(path)/print", options, as: String.self)
        guard let data = Data(base64Encoded: base64) else { throw WebDriverError("print returned no base64 PDF") }
        return data
    }

    /// Ends the session, which closes its browser windows.
    func delete() async throws {
        let _: JSON = try await http.send("DELETE", path)
    }

    /// Polls `condition` every 50 ms until it holds, or fails after `timeout` saying what it waited for.
    func waitUntil(_ what: @autoclosure () -> String, timeout: Duration = .seconds(10),
                   _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try await condition() { return }
            guard ContinuousClock.now < deadline else { throw WebDriverError("timed out after \(timeout) waiting for \(what())") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits until `script` (a function body) returns `true`.
    func waitForScript(_ script: String, timeout: Duration = .seconds(10)) async throws {
        try await waitUntil("`\(script)` to return true", timeout: timeout) {
            try await execute(script) == .bool(true)
        }
    }
}

// MARK: - Scoped browser

enum Browser {
    /// Starts chromedriver, opens a session, runs `body`, and always ends the session and stops chromedriver.
    static func withSession<Result>(javaScript: Bool = true, isolation: isolated (any Actor)? = #isolation,
                                    _ body: (WebDriverSession) async throws -> Result) async throws -> Result {
        let driver = try await ChromeDriver.start()
        defer { driver.kill() } // in case the shutdown below was never reached
        do {
            let session = try await driver.newSession(javaScript: javaScript)
            let result: Result
            do {
                result = try await body(session)
            } catch {
                try? await session.delete()
                throw error
            }
            try? await session.delete()
            await driver.shutdown()
            return result
        } catch {
            await driver.shutdown()
            throw error
        }
    }
}

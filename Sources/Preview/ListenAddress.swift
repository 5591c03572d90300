import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the preview server listens: an IP address, loopback unless the author asks otherwise, and a port.
public struct ListenAddress: Sendable, Hashable {
    /// The numeric IPv4 or IPv6 address, without brackets.
    public var host: String
    /// The port; 0 lets the system pick a free one.
    public var port: UInt16

    /// An address from `--host` and `--port`; `localhost` means 127.0.0.1; `nil` unless the host is a numeric IP address.
    public init?(host: String, port: UInt16) {
        var host = host.lowercased() == "localhost" ? "127.0.0.1" : host
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard Self.isIPv4(host) || Self.isIPv6(host) else { return nil }
        self.host = host
        self.port = port
    }

    /// Whether this is IPv6.
    public var isIPv6: Bool { Self.isIPv6(host) }

    /// Whether only this machine can connect (127.0.0.0/8 or ::1).
    public var isLoopback: Bool { host.hasPrefix("127.") || host == "::1" }

    /// The address with the port the server actually got.
    public func with(port: UInt16) -> ListenAddress {
        var address = self
        address.port = port
        return address
    }

    /// The address as an `http://` URL ending in `/`; a wildcard host (`0.0.0.0`, `::`) shows as loopback.
    public var url: URL {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : (host == "::" ? "::1" : host)
        let bracketed = Self.isIPv6(shown) ? "[\(shown)]" : shown
        return URL(string: "http://\(bracketed):\(port)/")!
    }

    /// Whether a request's `Host` header may be answered. A loopback server answers only loopback names, so a web
    /// page elsewhere cannot read the preview through DNS rebinding; a server on another address answers any.
    public func accepts(hostHeader: String?) -> Bool {
        guard isLoopback, let hostHeader, !hostHeader.isEmpty else { return true }
        var name = hostHeader.lowercased()
        if name.hasPrefix("[") {
            name = String(name.dropFirst().prefix { $0 != "]" })
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || (Self.isIPv4(name) && name.hasPrefix("127."))
    }
}

private extension ListenAddress {
    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}

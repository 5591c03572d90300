import Foundation

/// A request's path split into decoded segments that cannot leave the served folder.
public struct RequestPath: Sendable, Hashable {
    /// The decoded segments: none empty, `.` or `..`, none holding `/`, `\`, NUL or another control character.
    public var segments: [String]
    /// Whether the path ends in `/`, as folder URLs do.
    public var isFolder: Bool

    /// Parses a path as sent (percent-encoded, without the query); `nil` for anything malformed or climbing out.
    ///
    /// Each segment is decoded once, after splitting on `/`, so `%2f`, `%2e%2e` and `..%5c` are refused here rather
    /// than turning into separators or parent references later.
    public init?(percentEncoded raw: String) {
        guard raw.hasPrefix("/"), !raw.unicodeScalars.contains(where: Self.isForbidden) else { return nil }
        var segments: [String] = []
        for encoded in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(encoded).removingPercentEncoding, Self.isSafe(segment) else { return nil }
            segments.append(segment)
        }
        self.segments = segments
        self.isFolder = raw.hasSuffix("/")
    }

    /// A path from segments already known to be safe.
    init(segments: [String], isFolder: Bool) {
        precondition(segments.allSatisfy(Self.isSafe), "unsafe path segments \(segments)")
        self.segments = segments
        self.isFolder = isFolder
    }

    /// The path percent-encoded again, for a `Location` header.
    public var percentEncoded: String {
        let path = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", ";"])) ?? "" }
        return "/" + path.joined(separator: "/") + (isFolder && !segments.isEmpty ? "/" : "")
    }

    /// The same path as a folder URL: `/nl` becomes `/nl/`.
    public var asFolder: RequestPath {
        var folder = self
        folder.isFolder = true
        return folder
    }
}

private extension RequestPath {
    static func isSafe(_ segment: String) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".." && !segment.unicodeScalars.contains { isForbidden($0) || $0 == "/" }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\"
    }
}

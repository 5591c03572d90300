import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built site's folder, answering which file a request names without ever leaving the folder.
public struct StaticFiles: Sendable, Hashable {
    /// What a request path names in the folder.
    public enum Lookup: Sendable, Hashable {
        /// A regular file inside the folder, by its real path (symbolic links resolved).
        case file(URL)
        /// A folder named without its trailing slash: send the browser to this location.
        case redirect(location: String)
        /// Nothing servable: missing, hidden, not a regular file, or resolving to somewhere outside the folder.
        case notFound
    }

    /// The folder served as the site's root.
    public var folder: URL

    /// Serves the files below `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Finds the file for a path: folders give their `index.html`, hidden names and anything outside are not found.
    public func lookup(_ path: RequestPath) -> Lookup {
        guard !path.segments.contains(where: { $0.hasPrefix(".") }), let root = Self.realPath(folder.path) else { return .notFound }
        let named = ([root == "/" ? "" : root] + path.segments).joined(separator: "/")
        guard let real = Self.realPath(named), Self.isInside(real, root: root) else { return .notFound }
        switch Self.kind(of: real) {
        case .directory where !path.isFolder:
            return .redirect(location: path.asFolder.percentEncoded)
        case .directory:
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, root: root), Self.kind(of: index) == .file else {
                return .notFound
            }
            return .file(URL(fileURLWithPath: index))
        case .file where !path.isFolder:
            return .file(URL(fileURLWithPath: real))
        default:
            return .notFound
        }
    }

    /// The site's "page not found" page for a path: the first segment's folder's `404.html` (`/nl/...` gives
    /// `nl/404.html`), else the root's, else `nil`.
    public func notFoundPage(for path: RequestPath) -> URL? {
        let folders = path.segments.first.map { [[$0], []] } ?? [[]]
        for folder in folders {
            if case .file(let url) = lookup(RequestPath(segments: folder + ["404.html"], isFolder: false)) { return url }
        }
        return nil
    }
}

private extension StaticFiles {
    enum Kind { case file, directory, other }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}

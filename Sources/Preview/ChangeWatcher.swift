import Foundation

/// Watches folders by polling: a cheap scan of sizes and modification times finds candidates, and a content digest
/// confirms them, so saving a file unchanged (or `touch`) never causes a rebuild.
///
/// A burst of changes (an editor's temporary file and rename, a `git checkout`) is reported once, after a poll that
/// saw nothing new, or after `maximumSettlingPolls` polls if the folders never stop changing.
public struct ChangeWatcher: Sendable {
    /// The watched folders.
    public let folders: [URL]
    /// How many polls a burst may last before it is reported anyway.
    public var maximumSettlingPolls = 10

    private var confirmed: [String: Version]
    private var lastSeen: [String: FileStamp]
    private var settlingPolls = 0

    private struct Version: Sendable, Hashable {
        var stamp: FileStamp
        var digest: ContentDigest?
    }

    /// Starts watching from the folders' current contents.
    public init(watching folders: [URL]) {
        self.folders = folders
        let stamps = FileStamp.scan(folders)
        lastSeen = stamps
        confirmed = stamps.reduce(into: [:]) { $0[$1.key] = Version(stamp: $1.value, digest: ContentDigest(ofFileAt: $1.key)) }
    }

    /// Takes one look: the paths whose contents changed since the last report, once the burst has settled, else `nil`.
    public mutating func poll() -> [String]? {
        let stamps = FileStamp.scan(folders)
        if stamps != lastSeen {
            lastSeen = stamps
            settlingPolls += 1
            if settlingPolls < maximumSettlingPolls { return nil }
        }
        guard settlingPolls > 0 else { return nil }
        settlingPolls = 0
        let changed = confirm(stamps)
        return changed.isEmpty ? nil : changed
    }

    /// Compares the stamps with the last confirmed versions, reading only files whose stamps moved.
    private mutating func confirm(_ stamps: [String: FileStamp]) -> [String] {
        var changed = Set(confirmed.keys).subtracting(stamps.keys)
        var versions: [String: Version] = [:]
        for (path, stamp) in stamps {
            if let old = confirmed[path], old.stamp == stamp {
                versions[path] = old
                continue
            }
            let version = Version(stamp: stamp, digest: ContentDigest(ofFileAt: path))
            if confirmed[path]?.digest != version.digest || confirmed[path] == nil { changed.insert(path) }
            versions[path] = version
        }
        confirmed = versions
        return changed.sorted()
    }
}

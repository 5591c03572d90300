import Foundation

/// What a cheap look at a file tells: its size and modification time, compared on every poll.
public struct FileStamp: Sendable, Hashable {
    /// The size in bytes.
    public var size: Int
    /// The modification time.
    public var modified: Date

    /// Creates a stamp.
    public init(size: Int, modified: Date) {
        self.size = size
        self.modified = modified
    }

    /// The stamps of every file below the folders, by path, skipping hidden files and editors' backup and swap files.
    public static func scan(_ folders: [URL]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            while let url = files?.nextObject() as? URL {
                guard !isEditorTemporary(url.lastPathComponent), let values = try? url.resourceValues(forKeys: Set(keys)),
                      values.isRegularFile == true else { continue }
                stamps[url.path] = FileStamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
            }
        }
        return stamps
    }

    private static func isEditorTemporary(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasPrefix("#")
    }
}

import Content
import Foundation
import Generator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The stamps of every file below the folders, by path, skipping hidden files and folders and editors' backup and
    /// swap files; links to files count as the files, links to folders are not followed.
    public static func scan(_ folders: [URL]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in folders {
            FileTree.forEachFile(below: folder.path, skipping: { $0.hasPrefix(".") || isEditorTemporary($0) }) { path, info in
                let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
                stamps[folder.path + "/" + path] = FileStamp(size: Int(info.st_size), modified: modified)
            }
        }
        return stamps
    }

    private static func isEditorTemporary(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasPrefix("#")
    }
}

import Foundation

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
    ///
    /// By `readdir` and `stat` alone: asking `URL.resourceValues` per file (an `NSURL` built, parsed and decoded for
    /// each) took 130 ms per poll on a 500-module course, two thirds of a core while nothing changed.
    public static func scan(_ folders: [URL]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        func scan(_ path: String, depth: Int) {
            guard depth < 64, let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                guard !name.hasPrefix("."), !isEditorTemporary(name) else { continue }
                let full = path + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    scan(full, depth: depth + 1)
                    continue
                }
                if info.st_mode & S_IFMT == S_IFLNK, stat(full, &info) != 0 { continue }
                guard info.st_mode & S_IFMT == S_IFREG else { continue }
                let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
                stamps[full] = FileStamp(size: Int(info.st_size), modified: modified)
            }
        }
        for folder in folders { scan(folder.path, depth: 0) }
        return stamps
    }

    private static func isEditorTemporary(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasPrefix("#")
    }
}

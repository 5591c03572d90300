import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `lectern serve`'s way to change a site that is being read: file by file, in place.
extension OutputFolder {
    /// Brings some files of the output up to date and removes others, each atomically: a file is written under a
    /// hidden temporary name in its own folder, then renamed over the old one, so a reader gets the old file or the
    /// new one, never half of one. A file whose bytes are already right is left untouched (same inode and mtime).
    /// - Returns: the paths written, in the order given.
    func update(_ files: [OutputFile], removing removed: [String]) throws -> [String] {
        let folders = FolderMaker()
        var written: [String] = []
        for file in files {
            let target = url.appendingPathComponent(file.path).path
            let bytes = try file.bytes()
            if let existing = FileManager.default.contents(atPath: target), existing.count == bytes.count, existing == Data(bytes) { continue }
            let folder = (target as NSString).deletingLastPathComponent
            try folders.make(folder)
            let temporary = folder + "/.\((target as NSString).lastPathComponent).lectern-\(getpid()).tmp"
            do {
                try bytes.withUnsafeBufferPointer { try writeFile(at: temporary, bytes: $0) }
                guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                unlink(temporary)
                throw error
            }
            written.append(file.path)
        }
        for path in removed {
            if unlink(url.appendingPathComponent(path).path) != 0, errno != ENOENT { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            // A whole build makes no empty folders: remove the ones the file leaves (`rmdir` fails on any other).
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(url.appendingPathComponent(folder).path) == 0 { folder = (folder as NSString).deletingLastPathComponent }
        }
        return written
    }
}

extension OutputFile {
    /// The bytes to write; a copy reads its source.
    func bytes() throws -> [UInt8] {
        switch contents {
        case .text(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
            }
            return [UInt8](data)
        }
    }
}

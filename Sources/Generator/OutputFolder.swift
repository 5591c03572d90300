import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole site beside the output folder, then swaps it in, so a reader or a failed build never
/// sees half a site and the previous output stays as it was until the new one is complete.
struct OutputFolder {
    /// The file Lectern leaves in every output folder it makes, so it never replaces someone else's folder.
    static let marker = ".lectern-output"

    let url: URL

    /// Refuses outputs that would swallow the course: the root, `Content/`, `Templates/`, a folder holding them,
    /// or a folder inside the sources.
    static func checkNotSource(output: URL, root: URL) -> Diagnostic? {
        let out = output.resolvingSymlinksInPath().path
        let protected = [root, root.appendingPathComponent("Content"), root.appendingPathComponent("Templates")]
            .map { $0.resolvingSymlinksInPath().path }
        for folder in protected where folder == out || folder.hasPrefix(out + "/") || out == "/" {
            return .error("the output folder \(output.path) is or contains \(folder); choose a separate folder such as \(root.appendingPathComponent("Public").path)", at: nil)
        }
        for folder in protected.dropFirst() where out.hasPrefix(folder + "/") {
            return .error("the output folder \(output.path) is inside \(folder); choose a folder outside the sources", at: nil)
        }
        return nil
    }

    /// `checkNotSource`, and a folder that exists must be one Lectern made (or `force`).
    static func check(output: URL, root: URL, force: Bool) -> Diagnostic? {
        if let problem = checkNotSource(output: output, root: root) { return problem }
        let out = output.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            let ours = FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path)
            if !isDirectory.boolValue || (!entries.isEmpty && !ours && !force) {
                return .error("\(output.path) exists and was not made by Lectern; move it away, or pass --force to replace it", at: nil)
            }
        }
        return nil
    }

    /// Writes the files that `produce` hands over (from any thread) into a fresh folder beside the output, then the
    /// marker text `produce` returns, then puts the folder in the output's place; on any error (or an interruption)
    /// the fresh folder is removed and the output stays as it was.
    func replace(_ produce: (@escaping @Sendable (OutputFile) throws -> Void) throws -> String) throws {
        let fileManager = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).lectern-new-\(getpid())")
        try? fileManager.removeItem(at: staging)
        do {
            let folders = FolderMaker()
            try folders.make(staging.path)
            let marker = try produce { [self] file in
                try BuildInterruption.check()
                try write(file, into: staging, folders: folders)
            }
            try writeFile(at: staging.appendingPathComponent(Self.marker).path, bytes: Array(marker.utf8))
            try BuildInterruption.check()
            try swap(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func write(_ file: OutputFile, into folder: URL, folders: FolderMaker) throws {
        let target = folder.path + "/" + file.path
        if let parent = Self.folder(of: target) { try folders.make(parent) }
        switch file.contents {
        case .text(let text):
            var text = text
            try text.withUTF8 { try writeFile(at: target, bytes: $0) }
        case .bytes(let bytes): try bytes.withUnsafeBufferPointer { try writeFile(at: target, bytes: $0) }
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source])
            }
            try writeFile(at: target, bytes: [UInt8](data))
        }
    }

    /// Renames the old output aside, the new one in, then removes the old one.
    private func swap(_ staging: URL) throws {
        let fileManager = FileManager.default
        let old = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lectern-old-\(getpid())")
        try? fileManager.removeItem(at: old)
        let hadOutput = fileManager.fileExists(atPath: url.path)
        if hadOutput { try fileManager.moveItem(at: url, to: old) }
        do {
            try fileManager.moveItem(at: staging, to: url)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: old, to: url) }
            throw error
        }
        if hadOutput { try? fileManager.removeItem(at: old) }
    }

    /// The folder of an absolute, clean path: what comes before its last `/`; `nil` when that is the root. Cut out
    /// of the bytes: NSString's `deletingLastPathComponent` normalises the whole path first, which cost more than
    /// the `mkdir` it was for.
    static func folder(of path: String) -> String? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return nil }
        return String(path.utf8[..<slash])
    }

    /// `mkdir -p` with plain POSIX calls (FileManager's version was a tenth of a build), remembering the folders
    /// made so far; shared by the threads that write, so each folder is made once (two threads may both try: one
    /// finds it made).
    final class FolderMaker: Sendable {
        private let made = Locked<Set<String>>([])

        func make(_ path: String) throws {
            guard !made.withLock({ $0.contains(path) }) else { return }
            if let parent = OutputFolder.folder(of: path) { try make(parent) }
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            made.withLock { _ = $0.insert(path) }
        }
    }

    /// Plain POSIX writes: Foundation's `Data.write` fsyncs every file on Linux, which is slow for many pages.
    func writeFile(at path: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try writeFile(at: path, bytes: $0) }
    }

    func writeFile(at path: String, bytes: UnsafeBufferPointer<UInt8>) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
    }
}

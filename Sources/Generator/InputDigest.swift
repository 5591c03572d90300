import Content
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fingerprint of everything a build reads: every file under `Content/` and `Templates/` (path and bytes) and the
/// options that change the output. Two builds with the same digest write the same site.
enum InputDigest {
    /// Changes whenever the generator's output could change for the same input.
    static let generatorVersion = "lectern-output-2"

    static func of(_ options: BuildOptions) -> String {
        var hash = FNV1a()
        hash.add(generatorVersion)
        hash.add("base-url=\(options.baseURL ?? "");strict=\(options.strict);drafts=\(options.includeDrafts)")
        var files: [(folder: String, name: String)] = []
        for folder in ["Content", "Templates"] {
            files += FileTree.files(below: options.root.appendingPathComponent(folder).path).sorted().map { (folder, $0) }
        }
        // Every file is hashed on its own, on every core, in batches; the hashes are then mixed in path order.
        let batches = stride(from: 0, to: files.count, by: batchSize).map { files[$0..<min($0 + batchSize, files.count)] }
        let root = options.root.path
        let headers = ParallelMap.map(batches) { batch in
            // One buffer per batch, read with plain POSIX calls: Foundation's URL building and `contents(atPath:)`
            // were most of a build with nothing changed.
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            return batch.map { file in fileHeader(root + "/" + file.folder + "/" + file.name, named: "\(file.folder)/\(file.name)", buffer: &buffer) }
        }
        for header in headers.joined() {
            if let header { hash.add(header) }
        }
        return hash.hex
    }

    /// Files hashed by one core at a time: enough to make handing out the work cheap.
    private static let batchSize = 64

    /// `<name>\0<size>\0<hash of the bytes>`, what the digest mixes in for a file; `nil` when it cannot be read.
    private static func fileHeader(_ path: String, named name: String, buffer: inout [UInt8]) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var contents = FNV1a()
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { contents.add(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            total += count
        }
        return "\(name)\u{0}\(total)\u{0}\(contents.hex)"
    }
}

/// A 64-bit FNV-1a-style hash: fast and simple; a fingerprint for change detection, not a defence against forgery.
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    /// Mixes in eight bytes at a time (then the rest one by one): the same idea as FNV-1a on 64-bit words, eight
    /// times fewer multiplications, which matters when a build fingerprints every byte of a large course.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var value = self.value
        do {
            let words = bytes.count / 8
            for index in 0..<words {
                value ^= bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                value &*= 0x0000_0100_0000_01b3
                value ^= value >> 29
            }
            for byte in bytes[(words * 8)...] {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
        }
        self.value = value
    }

    var hex: String { String(value, radix: 16) }
}

/// What a build wrote, kept in the output's marker file so that a build with the same input can skip the work.
struct BuildRecord: Codable, Equatable {
    var input: String
    var files: Int
    var modules: Int
    var languages: Int
    var pages: Int
    var warnings: [Diagnostic]

    /// The record in an output folder, if Lectern wrote one there.
    static func read(from output: URL) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(OutputFolder.marker).path) else { return nil }
        return try? JSONDecoder().decode(BuildRecord.self, from: data)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { preconditionFailure("a build record always encodes") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

import Diagnostics

extension FileTree {
    /// The paths `forEachFile` visits, in no set order; the folders directly below `base` (a course's modules, a
    /// site's language folders) are walked on every core.
    static func files(below base: String) -> [String] {
        var names: [String] = []
        var folders: [String] = []
        // The top level here: its files are listed, its folders handed out.
        forEachName(in: base) { name, full, info in
            if info.st_mode & S_IFMT == S_IFDIR {
                folders.append(name)
            } else if regularFile(full, lstat: info) != nil {
                names.append(name)
            }
        }
        let below = ParallelMap.map(folders) { folder -> [String] in
            var paths: [String] = []
            forEachFile(below: base + "/" + folder) { path, _ in paths.append(folder + "/" + path) }
            return paths
        }
        return names + below.joined()
    }
}

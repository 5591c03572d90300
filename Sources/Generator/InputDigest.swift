import Foundation

/// A fingerprint of everything a build reads: every file under `Content/` and `Templates/` (path and bytes) and the
/// options that change the output. Two builds with the same digest write the same site.
enum InputDigest {
    /// Changes whenever the generator's output could change for the same input.
    static let generatorVersion = "lectern-output-2"

    static func of(_ options: BuildOptions) -> String {
        var hash = FNV1a()
        hash.add(generatorVersion)
        hash.add("base-url=\(options.baseURL ?? "");strict=\(options.strict);drafts=\(options.includeDrafts)")
        // One buffer for every file, read with plain POSIX calls: Foundation's URL building and `contents(atPath:)`
        // were most of a build with nothing changed.
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for folder in ["Content", "Templates"] {
            let base = options.root.appendingPathComponent(folder).path
            var names: [String] = []
            FileTree.forEachFile(below: base) { name, _ in names.append(name) }
            for name in names.sorted() {
                var header = "\(folder)/\(name)\u{0}"
                guard hashFile(base + "/" + name, into: &hash, header: &header, buffer: &buffer) else { continue }
            }
        }
        return hash.hex
    }

    /// Adds `header`, the file's size and its bytes to `hash`, as `Content/<name>\0<size>\0<bytes>`; `false` when the
    /// file cannot be read.
    private static func hashFile(_ path: String, into hash: inout FNV1a, header: inout String, buffer: inout [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        var contents = FNV1a()
        var total = 0
        // The bytes are hashed after the header, which holds their count: hash them on their own first, then mix.
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { contents.add(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            total += count
        }
        header += "\(total)\u{0}\(contents.hex)"
        hash.add(header)
        return true
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

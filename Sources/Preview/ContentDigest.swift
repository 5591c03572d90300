import Foundation

/// A 64-bit FNV-1a digest of a file's bytes: enough to tell whether an edit changed anything, not a security hash.
public struct ContentDigest: Sendable, Hashable {
    /// The digest's value.
    public var value: UInt64

    /// The digest of some bytes.
    public init(of bytes: some Sequence<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// The digest of a file's contents, or `nil` when it cannot be read (it was deleted between the scan and now).
    public init?(ofFileAt path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(of: data)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The text with every occurrence of `target` replaced, found in the UTF-8 bytes with `memchr` and `memcmp`.
    ///
    /// Foundation's `replacingOccurrences` goes through NSString on Linux and was the build's hottest spot; a byte
    /// loop was next (every page's slides are searched for the root marker). `memchr` looks for the target's least
    /// common byte in HTML (the `@` of `="@root@/`, not the `=` of every attribute), and `memcmp` checks around it.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return self }
        var text = self
        text.makeContiguousUTF8()
        // `nil` when nothing is replaced.
        let result: [UInt8]?? = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            guard let base = bytes.baseAddress else { return nil }
            var result: [UInt8] = []
            var copied = 0
            var index = 0
            let pivot = Self.pivot(of: needle)
            while index + needle.count <= bytes.count,
                let found = memchr(base + index + pivot, Int32(needle[pivot]), bytes.count - needle.count + 1 - index)
            {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - pivot
                guard memcmp(base + index, needle, needle.count) == 0 else {
                    index += 1
                    continue
                }
                if copied == 0 { result.reserveCapacity(bytes.count + 64) }
                result.append(contentsOf: bytes[copied..<index])
                result.append(contentsOf: replacement.utf8)
                copied = index + needle.count
                index = copied
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: bytes[copied...])
            return result
        }
        guard let replaced = result ?? nil else { return text }
        return String(decoding: replaced, as: UTF8.self)
    }

    /// The offset of the needle's first byte that is not a letter, a digit or a byte every page is full of.
    private static func pivot(of needle: [UInt8]) -> Int {
        needle.firstIndex { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: " "),
                UInt8(ascii: "\n"), 0x80...: false
            default: true
            }
        } ?? 0
    }
}
